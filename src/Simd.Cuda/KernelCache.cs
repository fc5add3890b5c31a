using System;

namespace Simd.Cuda;

/// <summary>
/// The process's compiled modules, one per (<see cref="ModuleKey"/>, device). Kernels are keyed by value (name,
/// source, element type, shape), so describing the same kernel again reuses its module. Modules stay loaded
/// for the life of the process, like the primary contexts they live in.
/// </summary>
internal static class KernelCache
{
    private static readonly ModuleCache<CudaModule> Modules = new();

    /// <summary>The module for <paramref name="key"/> on <paramref name="device"/>, compiling <paramref name="source"/> on first use.</summary>
    /// <param name="device">The device.</param>
    /// <param name="key">What identifies the module.</param>
    /// <param name="programName">A name for compiler messages.</param>
    /// <param name="source">Produces the CUDA C text; called only when the module is not cached.</param>
    public static CudaModule Get(CudaDevice device, ModuleKey key, string programName, Func<string> source)
        => Modules.Get(key, device.Ordinal, () => CudaModule.Load(device, source(), programName));

    /// <summary>How many times the module for <paramref name="key"/> was compiled on <paramref name="device"/> (for tests of the caching).</summary>
    /// <param name="device">The device.</param>
    /// <param name="key">The key.</param>
    public static int CompileCount(CudaDevice device, ModuleKey key) => Modules.LoadCount(key, device.Ordinal);
}
