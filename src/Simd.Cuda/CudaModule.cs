using System;
using System.Collections.Generic;
using System.Text;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>A module loaded on one device, with its entry points looked up once.</summary>
internal sealed class CudaModule
{
    private readonly nint module;
    private readonly Dictionary<string, nint> functions = new(StringComparer.Ordinal);
    private readonly object gate = new();

    private CudaModule(CudaDevice device, nint module, CompileTarget target)
    {
        Device = device;
        this.module = module;
        Target = target;
    }

    /// <summary>The device the module is loaded on.</summary>
    public CudaDevice Device { get; }

    /// <summary>The size of each JIT log buffer passed to cuModuleLoadDataEx.</summary>
    internal const int LogBytes = 16 * 1024;

    /// <summary>
    /// Compiles <paramref name="source"/> for <paramref name="device"/> (a cubin for its architecture, or PTX;
    /// see <see cref="NvrtcCompiler"/>) and loads it. A cubin the driver refuses is compiled again as PTX for the
    /// same architecture and handed to the driver's JIT, when the driver is at least as new as NVRTC.
    /// </summary>
    /// <param name="device">The device.</param>
    /// <param name="source">The CUDA C module text.</param>
    /// <param name="programName">A name for compiler messages.</param>
    /// <exception cref="CudaException">Compilation or loading failed; a loading failure carries the target and the driver's JIT log.</exception>
    /// <exception cref="CudaUnavailableException">No target suits this NVRTC, driver and device.</exception>
    public static CudaModule Load(CudaDevice device, string source, string programName)
    {
        CompileTarget target = NvrtcCompiler.TargetFor(device.ComputeCapability);
        device.Activate();
        CudaException? cubinFailure = null;
        if (target.IsCubin)
        {
            (nint module, cubinFailure) = TryLoad(NvrtcCompiler.Compile(source, programName, target), target);
            if (cubinFailure is null)
            {
                return new CudaModule(device, module, target);
            }

            if (CudaRuntime.NvrtcVersion! > CudaRuntime.DriverCudaVersion!)
            {
                throw cubinFailure;
            }

            target = new CompileTarget("compute_" + target.Architecture["sm_".Length..], IsCubin: false);
        }

        (nint ptxModule, CudaException? ptxFailure) = TryLoad(NvrtcCompiler.Compile(source, programName, target), target);
        if (ptxFailure is not null)
        {
            throw cubinFailure is null ? ptxFailure : new CudaException(ptxFailure.ApiCall, ptxFailure.Code, ptxFailure.ErrorName, $"{ptxFailure.ErrorMessage}{Environment.NewLine}(The cubin failed first: {cubinFailure.Message})");
        }

        return new CudaModule(device, ptxModule, target);
    }

    /// <summary>The target the module was compiled for, e.g. <c>sm_90</c> (a cubin) or <c>compute_80</c> (PTX).</summary>
    public CompileTarget Target { get; }

    /// <summary>Loads an image with cuModuleLoadDataEx, capturing the driver's JIT error and info logs.</summary>
    /// <param name="image">A cubin, or NUL-terminated PTX.</param>
    /// <param name="target">What it was compiled for, for the message.</param>
    /// <returns>The module, or the failure with the logs in its message.</returns>
    internal static unsafe (nint Module, CudaException? Failure) TryLoad(byte[] image, CompileTarget target)
    {
        byte* errorLog = stackalloc byte[LogBytes];
        byte* infoLog = stackalloc byte[LogBytes];
        errorLog[0] = 0;
        infoLog[0] = 0;
        CudaJitOption* options = stackalloc CudaJitOption[4];
        void** values = stackalloc void*[4];
        options[0] = CudaJitOption.ErrorLogBuffer;
        values[0] = errorLog;
        options[1] = CudaJitOption.ErrorLogBufferSizeBytes;
        values[1] = (void*)(nuint)LogBytes;
        options[2] = CudaJitOption.InfoLogBuffer;
        values[2] = infoLog;
        options[3] = CudaJitOption.InfoLogBufferSizeBytes;
        values[3] = (void*)(nuint)LogBytes;

        CudaResult result;
        nint module;
        fixed (byte* pointer = image)
        {
            result = CudaDriver.ModuleLoadDataEx(out module, pointer, 4, options, values);
        }

        if (result == CudaResult.Success)
        {
            return (module, null);
        }

        CudaException plain = CudaRuntime.Failure(result, "cuModuleLoadDataEx");
        string details = DescribeLoadFailure(target, Text(errorLog), Text(infoLog));
        return (0, new CudaException(plain.ApiCall, plain.Code, plain.ErrorName, $"{plain.ErrorMessage}{Environment.NewLine}{details}"));
    }

    /// <summary>The text added to a loading failure: what was loaded, the versions, and the JIT logs.</summary>
    /// <param name="target">What the image was compiled for.</param>
    /// <param name="errorLog">The JIT error log (may be empty).</param>
    /// <param name="infoLog">The JIT info log (may be empty).</param>
    internal static string DescribeLoadFailure(CompileTarget target, string errorLog, string infoLog)
        => $"Loading a {(target.IsCubin ? "cubin" : "PTX module")} for {target.Architecture} compiled by NVRTC {CudaRuntime.NvrtcVersion?.ToString() ?? "?"} on a driver for CUDA {CudaRuntime.DriverCudaVersion?.ToString() ?? "?"}. JIT error log: {(errorLog.Length == 0 ? "(empty)" : errorLog)}{(infoLog.Length == 0 ? string.Empty : $" JIT info log: {infoLog}")}";

    private static unsafe string Text(byte* buffer)
    {
        int length = 0;
        while (length < LogBytes && buffer[length] != 0)
        {
            length++;
        }

        return Encoding.UTF8.GetString(buffer, length).Trim();
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
