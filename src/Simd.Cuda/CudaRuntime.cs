using System;
using System.Runtime.InteropServices;
using System.Threading;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// Whether CUDA can run in this process, decided once: the driver library loads, <c>cuInit</c> succeeds, at
/// least one device exists and NVRTC loads. Also turns failed calls into <see cref="CudaException"/>.
/// </summary>
internal static class CudaRuntime
{
    private static readonly Lazy<string?> Problem = new(FindProblem, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why CUDA cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? UnavailableReason => Problem.Value;

    /// <summary>Throws <see cref="CudaUnavailableException"/> unless CUDA can run here.</summary>
    public static void EnsureAvailable()
    {
        if (Problem.Value is { } reason)
        {
            throw new CudaUnavailableException(reason);
        }
    }

    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="apiCall"/> unless <paramref name="result"/> is success.</summary>
    /// <param name="result">What the driver returned.</param>
    /// <param name="apiCall">The C function's name.</param>
    public static void Check(CudaResult result, string apiCall)
    {
        if (result != CudaResult.Success)
        {
            throw Failure(result, apiCall);
        }
    }

    /// <summary>The exception for a failed driver call, with the driver's own error name and description.</summary>
    /// <param name="result">What the driver returned.</param>
    /// <param name="apiCall">The C function's name.</param>
    public static CudaException Failure(CudaResult result, string apiCall)
        => new(apiCall, (int)result, ErrorName(result), ErrorDescription(result));

    /// <summary>The symbolic name of a result, asked of the driver when it is loaded.</summary>
    /// <param name="result">The result.</param>
    public static unsafe string ErrorName(CudaResult result)
    {
        if (NativeLibraries.Driver.IsLoaded && CudaDriver.GetErrorName(result, out byte* name) == CudaResult.Success && name != null)
        {
            return Marshal.PtrToStringUTF8((nint)name) ?? result.ToString();
        }

        return Enum.IsDefined(result) ? $"CUresult.{result}" : "unrecognized CUresult";
    }

    /// <summary>The driver's description of a result, when it is loaded.</summary>
    /// <param name="result">The result.</param>
    public static unsafe string ErrorDescription(CudaResult result)
    {
        if (NativeLibraries.Driver.IsLoaded && CudaDriver.GetErrorString(result, out byte* text) == CudaResult.Success && text != null)
        {
            return Marshal.PtrToStringUTF8((nint)text) ?? "no description";
        }

        return "no description (the driver did not recognise the code)";
    }

    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="apiCall"/> unless <paramref name="result"/> is success.</summary>
    /// <param name="result">What NVRTC returned.</param>
    /// <param name="apiCall">The C function's name.</param>
    /// <param name="details">Extra text for the message, such as the compiler log.</param>
    public static unsafe void Check(NvrtcResult result, string apiCall, string? details = null)
    {
        if (result == NvrtcResult.Success)
        {
            return;
        }

        string description = Marshal.PtrToStringUTF8((nint)Nvrtc.GetErrorString(result)) ?? "no description";
        if (!string.IsNullOrWhiteSpace(details))
        {
            description += Environment.NewLine + details;
        }

        throw new CudaException(apiCall, (int)result, NvrtcName(result), description);
    }

    /// <summary>The documented nvrtc.h name of a result, such as <c>NVRTC_ERROR_COMPILATION</c>.</summary>
    /// <param name="result">The result.</param>
    public static string NvrtcName(NvrtcResult result) => result switch
    {
        NvrtcResult.Success => "NVRTC_SUCCESS",
        NvrtcResult.OutOfMemory => "NVRTC_ERROR_OUT_OF_MEMORY",
        NvrtcResult.ProgramCreationFailure => "NVRTC_ERROR_PROGRAM_CREATION_FAILURE",
        NvrtcResult.InvalidInput => "NVRTC_ERROR_INVALID_INPUT",
        NvrtcResult.InvalidProgram => "NVRTC_ERROR_INVALID_PROGRAM",
        NvrtcResult.InvalidOption => "NVRTC_ERROR_INVALID_OPTION",
        NvrtcResult.Compilation => "NVRTC_ERROR_COMPILATION",
        NvrtcResult.BuiltinOperationFailure => "NVRTC_ERROR_BUILTIN_OPERATION_FAILURE",
        NvrtcResult.NoNameExpressionsAfterCompilation => "NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION",
        NvrtcResult.NoLoweredNamesBeforeCompilation => "NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION",
        NvrtcResult.NameExpressionNotValid => "NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID",
        NvrtcResult.InternalError => "NVRTC_ERROR_INTERNAL_ERROR",
        _ => $"nvrtcResult {(int)result}",
    };

    /// <summary>The CUDA version the driver supports (from <c>cuDriverGetVersion</c>), once the driver has initialised; otherwise <see langword="null"/>.</summary>
    public static Version? DriverCudaVersion { get; private set; }

    /// <summary>The NVRTC version (from <c>nvrtcVersion</c>), once NVRTC has loaded; otherwise <see langword="null"/>.</summary>
    public static Version? NvrtcVersion { get; private set; }

    /// <summary>
    /// One line for logs: the driver's and NVRTC's versions and the files they were loaded from, or why CUDA
    /// cannot run, e.g. "driver CUDA 12.4 (/usr/lib/x86_64-linux-gnu/libcuda.so.550.54.15); NVRTC 12.4 (/usr/local/cuda/lib64/libnvrtc.so.12.4.127)".
    /// </summary>
    public static string Describe()
    {
        string? problem = UnavailableReason;
        LibraryProbe driver = NativeLibraries.Driver;
        string text = driver.IsLoaded ? $"driver CUDA {DriverCudaVersion?.ToString() ?? "?"} ({driver.LoadedFile ?? driver.LoadedName})" : "no driver";
        if (NativeLibraries.NvrtcLibrary is { IsLoaded: true } nvrtc)
        {
            text += $"; NVRTC {NvrtcVersion?.ToString() ?? "?"} ({nvrtc.LoadedFile ?? nvrtc.LoadedName})";
            if (nvrtc.Rejected.Count > 0)
            {
                text += $"; skipped {string.Join("; ", nvrtc.Rejected)}";
            }
        }

        return problem is null ? text : $"{text}; {problem}";
    }

    /// <summary>Decodes <c>cuDriverGetVersion</c>'s 1000 × major + 10 × minor.</summary>
    /// <param name="encoded">The value, e.g. 12040.</param>
    internal static Version DecodeDriverVersion(int encoded) => new(encoded / 1000, encoded % 1000 / 10);

    private static string? FindProblem()
    {
        LibraryProbe driver = NativeLibraries.Driver;
        if (!driver.IsLoaded)
        {
            return DescribeMissingDriver(driver);
        }

        CudaResult init = CudaDriver.Init(0);
        if (init != CudaResult.Success)
        {
            return DescribeInitFailure(init, ErrorName(init), ErrorDescription(init));
        }

        Check(CudaDriver.DriverGetVersion(out int encoded), "cuDriverGetVersion");
        DriverCudaVersion = DecodeDriverVersion(encoded);
        Check(CudaDriver.DeviceGetCount(out int count), "cuDeviceGetCount");
        if (count == 0)
        {
            return DescribeNoDevice();
        }

        LibraryProbe nvrtc = NativeLibraries.LoadNvrtc(DriverCudaVersion);
        if (!nvrtc.IsLoaded)
        {
            return DescribeMissingNvrtc(nvrtc);
        }

        Check(Nvrtc.Version(out int major, out int minor), "nvrtcVersion");
        NvrtcVersion = new Version(major, minor);
        return null;
    }

    /// <summary>The reason given when the driver library is missing.</summary>
    /// <param name="driver">The failed probe.</param>
    internal static string DescribeMissingDriver(LibraryProbe driver)
        => $"CUDA is not available: {driver.MissingMessage} Install the NVIDIA GPU driver; the library ships with it, not with the CUDA toolkit.";

    /// <summary>The reason given when <c>cuInit</c> fails.</summary>
    /// <param name="result">What cuInit returned.</param>
    /// <param name="name">Its symbolic name.</param>
    /// <param name="description">Its description.</param>
    internal static string DescribeInitFailure(CudaResult result, string name, string description)
        => $"CUDA is not available: cuInit failed with {name} ({(int)result}): {description}.";

    /// <summary>The reason given when the driver loads but reports no device.</summary>
    internal static string DescribeNoDevice()
        => "CUDA is not available: the CUDA driver loaded but reports no CUDA device.";

    /// <summary>The reason given when NVRTC is missing.</summary>
    /// <param name="nvrtc">The failed probe.</param>
    internal static string DescribeMissingNvrtc(LibraryProbe nvrtc)
        => $"CUDA is not available: {nvrtc.MissingMessage} Simd compiles its kernels at run time with NVRTC; install the CUDA toolkit's NVRTC runtime (CUDA 11.2 or newer, not of a newer major version than the driver) where the loader or this search finds it, or set SIMD_NVRTC_PATH to the library file or its folder.";
}
