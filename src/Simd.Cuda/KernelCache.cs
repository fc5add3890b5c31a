using System;
using System.Collections.Generic;

namespace Simd.Cuda;

/// <summary>
/// Compiled modules, one per (kernel, device): the first use compiles with NVRTC and loads the module, every
/// later use finds it here. A kernel's element type is part of its definition, so the key also separates
/// float from double. Modules stay loaded for the life of the process, like the primary contexts they live in.
/// </summary>
internal static class KernelCache
{
    private static readonly Dictionary<(object Key, int Ordinal), CudaModule> Modules = [];
    private static readonly object Gate = new();

    /// <summary>How many modules have been compiled so far (for tests of the caching).</summary>
    public static int CompiledCount { get; private set; }

    /// <summary>The module for <paramref name="key"/> on <paramref name="device"/>, compiling <paramref name="source"/> on first use.</summary>
    /// <param name="device">The device.</param>
    /// <param name="key">What identifies the module: a <see cref="CudaKernelDefinition"/> (by reference) or a string.</param>
    /// <param name="programName">A name for compiler messages.</param>
    /// <param name="source">Produces the CUDA C text; called only when the module is not cached.</param>
    public static CudaModule Get(CudaDevice device, object key, string programName, Func<string> source)
    {
        lock (Gate)
        {
            if (!Modules.TryGetValue((key, device.Ordinal), out CudaModule? module))
            {
                // Compiling under the lock keeps one compilation per key; modules are few and compile once.
                module = CudaModule.Load(device, source(), programName);
                Modules.Add((key, device.Ordinal), module);
                CompiledCount++;
            }

            return module;
        }
    }
}
