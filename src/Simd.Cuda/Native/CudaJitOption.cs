namespace Simd.Cuda.Native;

/// <summary>The <c>CUjit_option</c> values Simd passes to <c>cuModuleLoadDataEx</c> (cuda.h), with their documented numbers.</summary>
internal enum CudaJitOption
{
    /// <summary>CU_JIT_INFO_LOG_BUFFER: a <c>char*</c> buffer for informational messages.</summary>
    InfoLogBuffer = 3,

    /// <summary>CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES: in, the buffer's size; out, the bytes written (an unsigned int held in the pointer-sized value).</summary>
    InfoLogBufferSizeBytes = 4,

    /// <summary>CU_JIT_ERROR_LOG_BUFFER: a <c>char*</c> buffer for error messages.</summary>
    ErrorLogBuffer = 5,

    /// <summary>CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES: in, the buffer's size; out, the bytes written.</summary>
    ErrorLogBufferSizeBytes = 6,
}
