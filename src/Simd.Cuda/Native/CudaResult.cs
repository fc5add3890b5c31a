namespace Simd.Cuda.Native;

/// <summary>
/// The <c>CUresult</c> codes of the CUDA driver API (cuda.h), with their documented numeric values.
/// Codes not listed here still reach <see cref="CudaException"/> as their number and the driver's own name.
/// </summary>
public enum CudaResult
{
    /// <summary>CUDA_SUCCESS: the call succeeded.</summary>
    Success = 0,

    /// <summary>CUDA_ERROR_INVALID_VALUE: a parameter is out of range.</summary>
    InvalidValue = 1,

    /// <summary>CUDA_ERROR_OUT_OF_MEMORY: the device could not allocate the memory.</summary>
    OutOfMemory = 2,

    /// <summary>CUDA_ERROR_NOT_INITIALIZED: cuInit has not been called successfully.</summary>
    NotInitialized = 3,

    /// <summary>CUDA_ERROR_DEINITIALIZED: the driver is shutting down.</summary>
    Deinitialized = 4,

    /// <summary>CUDA_ERROR_PROFILER_DISABLED.</summary>
    ProfilerDisabled = 5,

    /// <summary>CUDA_ERROR_STUB_LIBRARY: the driver library found is a stub, not a real driver.</summary>
    StubLibrary = 34,

    /// <summary>CUDA_ERROR_DEVICE_UNAVAILABLE: the device is in exclusive or prohibited mode, or unavailable.</summary>
    DeviceUnavailable = 46,

    /// <summary>CUDA_ERROR_NO_DEVICE: no CUDA-capable device was detected.</summary>
    NoDevice = 100,

    /// <summary>CUDA_ERROR_INVALID_DEVICE: the device ordinal is not valid.</summary>
    InvalidDevice = 101,

    /// <summary>CUDA_ERROR_DEVICE_NOT_LICENSED.</summary>
    DeviceNotLicensed = 102,

    /// <summary>CUDA_ERROR_INVALID_IMAGE: the module image (PTX) is not valid.</summary>
    InvalidImage = 200,

    /// <summary>CUDA_ERROR_INVALID_CONTEXT: no context is current or it is not valid.</summary>
    InvalidContext = 201,

    /// <summary>CUDA_ERROR_CONTEXT_ALREADY_CURRENT (deprecated).</summary>
    ContextAlreadyCurrent = 202,

    /// <summary>CUDA_ERROR_MAP_FAILED.</summary>
    MapFailed = 205,

    /// <summary>CUDA_ERROR_UNMAP_FAILED.</summary>
    UnmapFailed = 206,

    /// <summary>CUDA_ERROR_ARRAY_IS_MAPPED.</summary>
    ArrayIsMapped = 207,

    /// <summary>CUDA_ERROR_ALREADY_MAPPED.</summary>
    AlreadyMapped = 208,

    /// <summary>CUDA_ERROR_NO_BINARY_FOR_GPU: no kernel image fits this device.</summary>
    NoBinaryForGpu = 209,

    /// <summary>CUDA_ERROR_ALREADY_ACQUIRED.</summary>
    AlreadyAcquired = 210,

    /// <summary>CUDA_ERROR_NOT_MAPPED.</summary>
    NotMapped = 211,

    /// <summary>CUDA_ERROR_ECC_UNCORRECTABLE: an uncorrectable ECC error was detected.</summary>
    EccUncorrectable = 214,

    /// <summary>CUDA_ERROR_UNSUPPORTED_LIMIT.</summary>
    UnsupportedLimit = 215,

    /// <summary>CUDA_ERROR_CONTEXT_ALREADY_IN_USE.</summary>
    ContextAlreadyInUse = 216,

    /// <summary>CUDA_ERROR_PEER_ACCESS_UNSUPPORTED.</summary>
    PeerAccessUnsupported = 217,

    /// <summary>CUDA_ERROR_INVALID_PTX: the PTX could not be compiled by the driver's JIT.</summary>
    InvalidPtx = 218,

    /// <summary>CUDA_ERROR_INVALID_GRAPHICS_CONTEXT.</summary>
    InvalidGraphicsContext = 219,

    /// <summary>CUDA_ERROR_NVLINK_UNCORRECTABLE.</summary>
    NvlinkUncorrectable = 220,

    /// <summary>CUDA_ERROR_JIT_COMPILER_NOT_FOUND: the PTX JIT compiler library is missing.</summary>
    JitCompilerNotFound = 221,

    /// <summary>CUDA_ERROR_UNSUPPORTED_PTX_VERSION: the PTX is newer than the driver supports; update the driver.</summary>
    UnsupportedPtxVersion = 222,

    /// <summary>CUDA_ERROR_INVALID_SOURCE.</summary>
    InvalidSource = 300,

    /// <summary>CUDA_ERROR_FILE_NOT_FOUND.</summary>
    FileNotFound = 301,

    /// <summary>CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND.</summary>
    SharedObjectSymbolNotFound = 302,

    /// <summary>CUDA_ERROR_SHARED_OBJECT_INIT_FAILED.</summary>
    SharedObjectInitFailed = 303,

    /// <summary>CUDA_ERROR_OPERATING_SYSTEM.</summary>
    OperatingSystem = 304,

    /// <summary>CUDA_ERROR_INVALID_HANDLE: a handle (module, function, stream, event) is not valid.</summary>
    InvalidHandle = 400,

    /// <summary>CUDA_ERROR_ILLEGAL_STATE.</summary>
    IllegalState = 401,

    /// <summary>CUDA_ERROR_NOT_FOUND: a named symbol (kernel entry point) was not found in the module.</summary>
    NotFound = 500,

    /// <summary>CUDA_ERROR_NOT_READY: asynchronous work has not completed yet.</summary>
    NotReady = 600,

    /// <summary>CUDA_ERROR_ILLEGAL_ADDRESS: a kernel accessed an invalid address; the context is unusable afterwards.</summary>
    IllegalAddress = 700,

    /// <summary>CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES: too many registers or too much shared memory for the launch.</summary>
    LaunchOutOfResources = 701,

    /// <summary>CUDA_ERROR_LAUNCH_TIMEOUT: the kernel ran past the watchdog limit.</summary>
    LaunchTimeout = 702,

    /// <summary>CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING.</summary>
    LaunchIncompatibleTexturing = 703,

    /// <summary>CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED.</summary>
    PeerAccessAlreadyEnabled = 704,

    /// <summary>CUDA_ERROR_PEER_ACCESS_NOT_ENABLED.</summary>
    PeerAccessNotEnabled = 705,

    /// <summary>CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE.</summary>
    PrimaryContextActive = 708,

    /// <summary>CUDA_ERROR_CONTEXT_IS_DESTROYED.</summary>
    ContextIsDestroyed = 709,

    /// <summary>CUDA_ERROR_ASSERT: a device-side assertion failed.</summary>
    Assert = 710,

    /// <summary>CUDA_ERROR_TOO_MANY_PEERS.</summary>
    TooManyPeers = 711,

    /// <summary>CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED.</summary>
    HostMemoryAlreadyRegistered = 712,

    /// <summary>CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED.</summary>
    HostMemoryNotRegistered = 713,

    /// <summary>CUDA_ERROR_HARDWARE_STACK_ERROR.</summary>
    HardwareStackError = 714,

    /// <summary>CUDA_ERROR_ILLEGAL_INSTRUCTION.</summary>
    IllegalInstruction = 715,

    /// <summary>CUDA_ERROR_MISALIGNED_ADDRESS.</summary>
    MisalignedAddress = 716,

    /// <summary>CUDA_ERROR_INVALID_ADDRESS_SPACE.</summary>
    InvalidAddressSpace = 717,

    /// <summary>CUDA_ERROR_INVALID_PC.</summary>
    InvalidPc = 718,

    /// <summary>CUDA_ERROR_LAUNCH_FAILED: an exception occurred on the device while running a kernel.</summary>
    LaunchFailed = 719,

    /// <summary>CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE.</summary>
    CooperativeLaunchTooLarge = 720,

    /// <summary>CUDA_ERROR_NOT_PERMITTED.</summary>
    NotPermitted = 800,

    /// <summary>CUDA_ERROR_NOT_SUPPORTED: the operation is not supported on this system or device.</summary>
    NotSupported = 801,

    /// <summary>CUDA_ERROR_SYSTEM_NOT_READY: the system is not ready (for example the fabric manager is not running).</summary>
    SystemNotReady = 802,

    /// <summary>CUDA_ERROR_SYSTEM_DRIVER_MISMATCH: the kernel-mode driver and the driver library differ in version.</summary>
    SystemDriverMismatch = 803,

    /// <summary>CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE.</summary>
    CompatNotSupportedOnDevice = 804,

    /// <summary>CUDA_ERROR_TIMEOUT.</summary>
    Timeout = 909,

    /// <summary>CUDA_ERROR_UNKNOWN: an unknown internal error.</summary>
    Unknown = 999,
}
