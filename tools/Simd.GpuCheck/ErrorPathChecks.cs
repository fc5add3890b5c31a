using System;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>The NVRTC compile-error path on a real NVRTC: the exception names the call, the error, the options and the log.</summary>
internal static class ErrorPathChecks
{
    /// <summary>Compiles a device function with an undefined name and reads the error.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section("Error paths");
        using var buffer = DeviceBuffer<float>.FromSpan(device, [1f]);
        try
        {
            _ = CudaKernels.Sum(CheckKernels.Broken(), [buffer], []);
            report.Check(false, "a device function that does not compile", "no exception was thrown");
        }
        catch (CudaException e)
        {
            bool expected = e.ApiCall == "nvrtcCompileProgram" && e.ErrorName == "NVRTC_ERROR_COMPILATION"
                && e.Message.Contains("undefined_name", StringComparison.Ordinal) && e.Message.Contains("--fmad=false", StringComparison.Ordinal);
            report.Check(expected, "a device function that does not compile", e.Message.ReplaceLineEndings(" | "));
        }

        // The context is intact afterwards: a good kernel still runs.
        float value = CudaKernels.Sum(CheckKernels.Twice(isDouble: false), [buffer], []);
        report.Check(value == 2f, "a kernel after the failed compilation", $"sum {value}");
    }
}
