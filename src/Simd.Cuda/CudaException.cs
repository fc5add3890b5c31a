using System;

namespace Simd.Cuda;

/// <summary>
/// A CUDA driver or NVRTC call failed. The message names the call, the error and the driver's description,
/// e.g. <c>cuMemAlloc_v2 failed with CUDA_ERROR_OUT_OF_MEMORY (2): out of memory</c>.
/// </summary>
public class CudaException : Exception
{
    /// <summary>Creates an exception for a failed call.</summary>
    /// <param name="apiCall">The C function that failed, e.g. <c>cuMemAlloc_v2</c>.</param>
    /// <param name="code">The numeric result (<c>CUresult</c> or <c>nvrtcResult</c>).</param>
    /// <param name="errorName">The symbolic name, e.g. <c>CUDA_ERROR_OUT_OF_MEMORY</c>.</param>
    /// <param name="errorMessage">The library's description of the error, possibly followed by details such as a compiler log.</param>
    public CudaException(string apiCall, int code, string errorName, string errorMessage)
        : base($"{apiCall} failed with {errorName} ({code}): {errorMessage}")
    {
        ApiCall = apiCall;
        Code = code;
        ErrorName = errorName;
        ErrorMessage = errorMessage;
    }

    /// <summary>The C function that failed, e.g. <c>cuLaunchKernel</c>.</summary>
    public string ApiCall { get; }

    /// <summary>The numeric result the call returned.</summary>
    public int Code { get; }

    /// <summary>The symbolic error name, e.g. <c>CUDA_ERROR_INVALID_PTX</c> or <c>NVRTC_ERROR_COMPILATION</c>.</summary>
    public string ErrorName { get; }

    /// <summary>The library's description of the error (for NVRTC compilation failures, followed by the compiler log).</summary>
    public string ErrorMessage { get; }
}
