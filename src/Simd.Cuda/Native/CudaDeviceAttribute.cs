namespace Simd.Cuda.Native;

/// <summary>The <c>CUdevice_attribute</c> values Simd reads (cuda.h), with their documented numbers.</summary>
internal enum CudaDeviceAttribute
{
    /// <summary>CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK.</summary>
    MaxThreadsPerBlock = 1,

    /// <summary>CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X.</summary>
    MaxGridDimX = 5,

    /// <summary>CU_DEVICE_ATTRIBUTE_WARP_SIZE.</summary>
    WarpSize = 10,

    /// <summary>CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT.</summary>
    MultiprocessorCount = 16,

    /// <summary>CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR.</summary>
    ComputeCapabilityMajor = 75,

    /// <summary>CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR.</summary>
    ComputeCapabilityMinor = 76,
}
