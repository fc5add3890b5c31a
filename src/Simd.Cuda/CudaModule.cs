using System;
using System.Collections.Generic;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>A module loaded on one device, with its entry points looked up once.</summary>
internal sealed class CudaModule
{
    private readonly nint module;
    private readonly Dictionary<string, nint> functions = new(StringComparer.Ordinal);
    private readonly object gate = new();

    private CudaModule(CudaDevice device, nint module)
    {
        Device = device;
        this.module = module;
    }

    /// <summary>The device the module is loaded on.</summary>
    public CudaDevice Device { get; }

    /// <summary>Compiles <paramref name="source"/> for <paramref name="device"/> and loads it.</summary>
    /// <param name="device">The device.</param>
    /// <param name="source">The CUDA C module text.</param>
    /// <param name="programName">A name for compiler messages.</param>
    /// <exception cref="CudaException">Compilation or loading failed.</exception>
    public static unsafe CudaModule Load(CudaDevice device, string source, string programName)
    {
        byte[] ptx = NvrtcCompiler.CompileToPtx(source, programName, device.ComputeCapability);
        device.Activate();
        nint module;
        fixed (byte* image = ptx)
        {
            CudaRuntime.Check(CudaDriver.ModuleLoadData(out module, image), "cuModuleLoadData");
        }

        return new CudaModule(device, module);
    }

    /// <summary>The entry point named <paramref name="name"/>.</summary>
    /// <param name="name">The <c>extern "C"</c> kernel name.</param>
    /// <exception cref="CudaException">The module has no such entry point.</exception>
    public nint Function(string name)
    {
        lock (gate)
        {
            if (!functions.TryGetValue(name, out nint function))
            {
                Device.Activate();
                CudaRuntime.Check(CudaDriver.ModuleGetFunction(out function, module, name), "cuModuleGetFunction");
                functions.Add(name, function);
            }

            return function;
        }
    }
}
