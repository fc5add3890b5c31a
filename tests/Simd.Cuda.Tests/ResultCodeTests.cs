using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Simd.Cuda.Native;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>The result enums against the values documented in cuda.h (CUresult) and nvrtc.h (nvrtcResult).</summary>
public sealed class ResultCodeTests
{
    // Copied by hand from the CUresult documentation (CUDA Driver API, "Data types": enum cudaError_enum).
    private static readonly Dictionary<string, int> DocumentedCuResult = new()
    {
        ["CUDA_SUCCESS"] = 0, ["CUDA_ERROR_INVALID_VALUE"] = 1, ["CUDA_ERROR_OUT_OF_MEMORY"] = 2,
        ["CUDA_ERROR_NOT_INITIALIZED"] = 3, ["CUDA_ERROR_DEINITIALIZED"] = 4, ["CUDA_ERROR_PROFILER_DISABLED"] = 5,
        ["CUDA_ERROR_STUB_LIBRARY"] = 34, ["CUDA_ERROR_DEVICE_UNAVAILABLE"] = 46, ["CUDA_ERROR_NO_DEVICE"] = 100,
        ["CUDA_ERROR_INVALID_DEVICE"] = 101, ["CUDA_ERROR_DEVICE_NOT_LICENSED"] = 102, ["CUDA_ERROR_INVALID_IMAGE"] = 200,
        ["CUDA_ERROR_INVALID_CONTEXT"] = 201, ["CUDA_ERROR_CONTEXT_ALREADY_CURRENT"] = 202, ["CUDA_ERROR_MAP_FAILED"] = 205,
        ["CUDA_ERROR_UNMAP_FAILED"] = 206, ["CUDA_ERROR_ARRAY_IS_MAPPED"] = 207, ["CUDA_ERROR_ALREADY_MAPPED"] = 208,
        ["CUDA_ERROR_NO_BINARY_FOR_GPU"] = 209, ["CUDA_ERROR_ALREADY_ACQUIRED"] = 210, ["CUDA_ERROR_NOT_MAPPED"] = 211,
        ["CUDA_ERROR_ECC_UNCORRECTABLE"] = 214, ["CUDA_ERROR_UNSUPPORTED_LIMIT"] = 215, ["CUDA_ERROR_CONTEXT_ALREADY_IN_USE"] = 216,
        ["CUDA_ERROR_PEER_ACCESS_UNSUPPORTED"] = 217, ["CUDA_ERROR_INVALID_PTX"] = 218, ["CUDA_ERROR_INVALID_GRAPHICS_CONTEXT"] = 219,
        ["CUDA_ERROR_NVLINK_UNCORRECTABLE"] = 220, ["CUDA_ERROR_JIT_COMPILER_NOT_FOUND"] = 221, ["CUDA_ERROR_UNSUPPORTED_PTX_VERSION"] = 222,
        ["CUDA_ERROR_INVALID_SOURCE"] = 300, ["CUDA_ERROR_FILE_NOT_FOUND"] = 301, ["CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND"] = 302,
        ["CUDA_ERROR_SHARED_OBJECT_INIT_FAILED"] = 303, ["CUDA_ERROR_OPERATING_SYSTEM"] = 304, ["CUDA_ERROR_INVALID_HANDLE"] = 400,
        ["CUDA_ERROR_ILLEGAL_STATE"] = 401, ["CUDA_ERROR_NOT_FOUND"] = 500, ["CUDA_ERROR_NOT_READY"] = 600,
        ["CUDA_ERROR_ILLEGAL_ADDRESS"] = 700, ["CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES"] = 701, ["CUDA_ERROR_LAUNCH_TIMEOUT"] = 702,
        ["CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING"] = 703, ["CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED"] = 704,
        ["CUDA_ERROR_PEER_ACCESS_NOT_ENABLED"] = 705, ["CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE"] = 708, ["CUDA_ERROR_CONTEXT_IS_DESTROYED"] = 709,
        ["CUDA_ERROR_ASSERT"] = 710, ["CUDA_ERROR_TOO_MANY_PEERS"] = 711, ["CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED"] = 712,
        ["CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED"] = 713, ["CUDA_ERROR_HARDWARE_STACK_ERROR"] = 714, ["CUDA_ERROR_ILLEGAL_INSTRUCTION"] = 715,
        ["CUDA_ERROR_MISALIGNED_ADDRESS"] = 716, ["CUDA_ERROR_INVALID_ADDRESS_SPACE"] = 717, ["CUDA_ERROR_INVALID_PC"] = 718,
        ["CUDA_ERROR_LAUNCH_FAILED"] = 719, ["CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE"] = 720, ["CUDA_ERROR_NOT_PERMITTED"] = 800,
        ["CUDA_ERROR_NOT_SUPPORTED"] = 801, ["CUDA_ERROR_SYSTEM_NOT_READY"] = 802, ["CUDA_ERROR_SYSTEM_DRIVER_MISMATCH"] = 803,
        ["CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE"] = 804, ["CUDA_ERROR_TIMEOUT"] = 909, ["CUDA_ERROR_UNKNOWN"] = 999,
    };

    private static readonly Dictionary<string, int> DocumentedNvrtcResult = new()
    {
        ["NVRTC_SUCCESS"] = 0, ["NVRTC_ERROR_OUT_OF_MEMORY"] = 1, ["NVRTC_ERROR_PROGRAM_CREATION_FAILURE"] = 2,
        ["NVRTC_ERROR_INVALID_INPUT"] = 3, ["NVRTC_ERROR_INVALID_PROGRAM"] = 4, ["NVRTC_ERROR_INVALID_OPTION"] = 5,
        ["NVRTC_ERROR_COMPILATION"] = 6, ["NVRTC_ERROR_BUILTIN_OPERATION_FAILURE"] = 7,
        ["NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION"] = 8, ["NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION"] = 9,
        ["NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID"] = 10, ["NVRTC_ERROR_INTERNAL_ERROR"] = 11,
    };

    [Fact]
    public void Every_CudaResult_member_has_its_documented_name_and_value()
    {
        foreach (CudaResult value in Enum.GetValues<CudaResult>())
        {
            string documentedName = value == CudaResult.Success ? "CUDA_SUCCESS" : "CUDA_ERROR_" + UpperSnake(value.ToString());
            Assert.True(DocumentedCuResult.TryGetValue(documentedName, out int documentedValue), $"{value} maps to {documentedName}, which is not documented.");
            Assert.Equal(documentedValue, (int)value);
        }

        Assert.Equal(DocumentedCuResult.Count, Enum.GetValues<CudaResult>().Length);
    }

    [Fact]
    public void Every_NvrtcResult_member_has_its_documented_name_and_value()
    {
        foreach (NvrtcResult value in Enum.GetValues<NvrtcResult>())
        {
            string name = CudaRuntime.NvrtcName(value);
            Assert.True(DocumentedNvrtcResult.TryGetValue(name, out int documentedValue), $"{value} is named {name}, which is not documented.");
            Assert.Equal(documentedValue, (int)value);
        }

        Assert.Equal(DocumentedNvrtcResult.Count, Enum.GetValues<NvrtcResult>().Length);
    }

    [Fact]
    public void A_CudaException_message_names_the_call_the_error_and_its_description()
    {
        var error = new CudaException("cuMemAlloc_v2", 2, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory");

        Assert.Equal("cuMemAlloc_v2 failed with CUDA_ERROR_OUT_OF_MEMORY (2): out of memory", error.Message);
        Assert.Equal("cuMemAlloc_v2", error.ApiCall);
        Assert.Equal(2, error.Code);
        Assert.Equal("CUDA_ERROR_OUT_OF_MEMORY", error.ErrorName);
        Assert.Equal("out of memory", error.ErrorMessage);
    }

    [SkippableFact]
    public void Without_the_driver_a_failed_call_is_still_named_from_the_enum()
    {
        Skip.If(NativeLibraries.Driver.IsLoaded, "The CUDA driver is present; the driver names its own errors.");
        CudaException error = CudaRuntime.Failure(CudaResult.InvalidPtx, "cuModuleLoadDataEx");

        Assert.StartsWith("cuModuleLoadDataEx failed with CUresult.InvalidPtx (218): ", error.Message, StringComparison.Ordinal);
    }

    private static string UpperSnake(string pascal)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
