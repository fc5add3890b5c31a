using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simd.Cuda.Native;

/// <summary>
/// The CUDA driver API functions Simd uses, declared against the C prototypes in cuda.h. Handles
/// (<c>CUcontext</c>, <c>CUmodule</c>, <c>CUfunction</c>, <c>CUstream</c>, <c>CUevent</c>) are pointers
/// (<see cref="nint"/>); <c>CUdevice</c> is an <see cref="int"/>; <c>CUdeviceptr</c> is a 64-bit unsigned
/// integer (<see cref="ulong"/>) in every 64-bit build; <c>size_t</c> is <see cref="nuint"/>. The library is
/// resolved at run time by <see cref="NativeLibraries"/>; nothing here may be called before
/// <see cref="CudaRuntime"/> has confirmed the library loads.
/// </summary>
/// <remarks>
/// Versioned entry points (<c>_v2</c>) are the ones cuda.h maps the plain names to since CUDA 3.2/11;
/// the unversioned symbols are the legacy 32-bit-size variants and must not be used. CUDAAPI is
/// <c>__stdcall</c> on Windows and the platform default elsewhere; on x64 and arm64 both are the same.
/// </remarks>
internal static unsafe partial class CudaDriver
{
    /// <summary>The name every import uses; <see cref="NativeLibraries"/> maps it to libcuda.so.1 or nvcuda.dll.</summary>
    public const string LibraryName = "cuda";

    static CudaDriver() => NativeLibraries.EnsureResolver();

    // CUresult cuInit(unsigned int Flags);
    [LibraryImport(LibraryName, EntryPoint = "cuInit")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult Init(uint flags);

    // CUresult cuDriverGetVersion(int* driverVersion);
    [LibraryImport(LibraryName, EntryPoint = "cuDriverGetVersion")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DriverGetVersion(out int driverVersion);

    // CUresult cuDeviceGet(CUdevice* device, int ordinal);
    [LibraryImport(LibraryName, EntryPoint = "cuDeviceGet")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DeviceGet(out int device, int ordinal);

    // CUresult cuDeviceGetCount(int* count);
    [LibraryImport(LibraryName, EntryPoint = "cuDeviceGetCount")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DeviceGetCount(out int count);

    // CUresult cuDeviceGetName(char* name, int len, CUdevice dev);
    [LibraryImport(LibraryName, EntryPoint = "cuDeviceGetName")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DeviceGetName(byte* name, int length, int device);

    // CUresult cuDeviceGetAttribute(int* pi, CUdevice_attribute attrib, CUdevice dev);
    [LibraryImport(LibraryName, EntryPoint = "cuDeviceGetAttribute")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DeviceGetAttribute(out int value, CudaDeviceAttribute attribute, int device);

    // CUresult cuDeviceTotalMem(size_t* bytes, CUdevice dev);  (cuDeviceTotalMem_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuDeviceTotalMem_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DeviceTotalMem(out nuint bytes, int device);

    // CUresult cuDevicePrimaryCtxRetain(CUcontext* pctx, CUdevice dev);
    [LibraryImport(LibraryName, EntryPoint = "cuDevicePrimaryCtxRetain")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DevicePrimaryCtxRetain(out nint context, int device);

    // CUresult cuDevicePrimaryCtxRelease(CUdevice dev);  (cuDevicePrimaryCtxRelease_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuDevicePrimaryCtxRelease_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult DevicePrimaryCtxRelease(int device);

    // CUresult cuCtxSetCurrent(CUcontext ctx);
    [LibraryImport(LibraryName, EntryPoint = "cuCtxSetCurrent")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult CtxSetCurrent(nint context);

    // CUresult cuCtxSynchronize(void);
    [LibraryImport(LibraryName, EntryPoint = "cuCtxSynchronize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult CtxSynchronize();

    // CUresult cuModuleLoadDataEx(CUmodule* module, const void* image, unsigned int numOptions, CUjit_option* options,
    //     void** optionValues);
    [LibraryImport(LibraryName, EntryPoint = "cuModuleLoadDataEx")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult ModuleLoadDataEx(out nint module, void* image, uint optionCount, CudaJitOption* options, void** optionValues);

    // CUresult cuModuleGetFunction(CUfunction* hfunc, CUmodule hmod, const char* name);
    [LibraryImport(LibraryName, EntryPoint = "cuModuleGetFunction", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult ModuleGetFunction(out nint function, nint module, string name);

    // CUresult cuModuleUnload(CUmodule hmod);
    [LibraryImport(LibraryName, EntryPoint = "cuModuleUnload")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult ModuleUnload(nint module);

    // CUresult cuMemAlloc(CUdeviceptr* dptr, size_t bytesize);  (cuMemAlloc_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemAlloc_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemAlloc(out ulong devicePointer, nuint bytes);

    // CUresult cuMemFree(CUdeviceptr dptr);  (cuMemFree_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemFree_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemFree(ulong devicePointer);

    // CUresult cuMemcpyHtoD(CUdeviceptr dstDevice, const void* srcHost, size_t ByteCount);  (cuMemcpyHtoD_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyHtoD_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemcpyHtoD(ulong destination, void* source, nuint bytes);

    // CUresult cuMemcpyDtoH(void* dstHost, CUdeviceptr srcDevice, size_t ByteCount);  (cuMemcpyDtoH_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyDtoH_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemcpyDtoH(void* destination, ulong source, nuint bytes);

    // CUresult cuMemcpyDtoD(CUdeviceptr dstDevice, CUdeviceptr srcDevice, size_t ByteCount);  (cuMemcpyDtoD_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemcpyDtoD_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemcpyDtoD(ulong destination, ulong source, nuint bytes);

    // CUresult cuMemsetD8(CUdeviceptr dstDevice, unsigned char uc, size_t N);  (cuMemsetD8_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuMemsetD8_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult MemsetD8(ulong destination, byte value, nuint count);

    // CUresult cuLaunchKernel(CUfunction f, unsigned gridDimX, gridDimY, gridDimZ, unsigned blockDimX, blockDimY,
    //     blockDimZ, unsigned sharedMemBytes, CUstream hStream, void** kernelParams, void** extra);
    [LibraryImport(LibraryName, EntryPoint = "cuLaunchKernel")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult LaunchKernel(
        nint function,
        uint gridX,
        uint gridY,
        uint gridZ,
        uint blockX,
        uint blockY,
        uint blockZ,
        uint sharedMemoryBytes,
        nint stream,
        void** kernelParameters,
        void** extra);

    // CUresult cuStreamCreate(CUstream* phStream, unsigned int Flags);
    [LibraryImport(LibraryName, EntryPoint = "cuStreamCreate")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult StreamCreate(out nint stream, uint flags);

    // CUresult cuStreamSynchronize(CUstream hStream);
    [LibraryImport(LibraryName, EntryPoint = "cuStreamSynchronize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult StreamSynchronize(nint stream);

    // CUresult cuStreamDestroy(CUstream hStream);  (cuStreamDestroy_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuStreamDestroy_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult StreamDestroy(nint stream);

    // CUresult cuEventCreate(CUevent* phEvent, unsigned int Flags);
    [LibraryImport(LibraryName, EntryPoint = "cuEventCreate")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult EventCreate(out nint cudaEvent, uint flags);

    // CUresult cuEventRecord(CUevent hEvent, CUstream hStream);
    [LibraryImport(LibraryName, EntryPoint = "cuEventRecord")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult EventRecord(nint cudaEvent, nint stream);

    // CUresult cuEventSynchronize(CUevent hEvent);
    [LibraryImport(LibraryName, EntryPoint = "cuEventSynchronize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult EventSynchronize(nint cudaEvent);

    // CUresult cuEventElapsedTime(float* pMilliseconds, CUevent hStart, CUevent hEnd);
    [LibraryImport(LibraryName, EntryPoint = "cuEventElapsedTime")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult EventElapsedTime(out float milliseconds, nint start, nint end);

    // CUresult cuEventDestroy(CUevent hEvent);  (cuEventDestroy_v2)
    [LibraryImport(LibraryName, EntryPoint = "cuEventDestroy_v2")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult EventDestroy(nint cudaEvent);

    // CUresult cuGetErrorName(CUresult error, const char** pStr);
    [LibraryImport(LibraryName, EntryPoint = "cuGetErrorName")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult GetErrorName(CudaResult error, out byte* name);

    // CUresult cuGetErrorString(CUresult error, const char** pStr);
    [LibraryImport(LibraryName, EntryPoint = "cuGetErrorString")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial CudaResult GetErrorString(CudaResult error, out byte* message);
}
