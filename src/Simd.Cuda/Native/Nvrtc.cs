using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simd.Cuda.Native;

/// <summary>
/// The NVRTC functions Simd uses to compile CUDA C to a cubin (or PTX) at run time, declared against nvrtc.h.
/// <c>nvrtcProgram</c> is a pointer (<see cref="nint"/>), <c>size_t</c> is <see cref="nuint"/>, strings are
/// NUL-terminated UTF-8. NVRTC declares no calling-convention macro, so it is the C default (cdecl).
/// </summary>
internal static unsafe partial class Nvrtc
{
    /// <summary>The name every import uses; <see cref="NativeLibraries"/> maps it to the NVRTC library found.</summary>
    public const string LibraryName = "nvrtc";

    static Nvrtc() => NativeLibraries.EnsureResolver();

    // nvrtcResult nvrtcVersion(int* major, int* minor);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcVersion")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult Version(out int major, out int minor);

    // nvrtcResult nvrtcCreateProgram(nvrtcProgram* prog, const char* src, const char* name, int numHeaders,
    //     const char* const* headers, const char* const* includeNames);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcCreateProgram")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult CreateProgram(out nint program, byte* source, byte* name, int headerCount, byte** headers, byte** includeNames);

    // nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char* const* options);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcCompileProgram")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult CompileProgram(nint program, int optionCount, byte** options);

    // nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t* logSizeRet);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetProgramLogSize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetProgramLogSize(nint program, out nuint size);

    // nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char* log);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetProgramLog")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetProgramLog(nint program, byte* log);

    // nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t* ptxSizeRet);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetPTXSize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetPtxSize(nint program, out nuint size);

    // nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char* ptx);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetPTX")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetPtx(nint program, byte* ptx);

    // nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t* cubinSizeRet);  (NVRTC 11.1+)
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetCUBINSize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetCubinSize(nint program, out nuint size);

    // nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char* cubin);  (NVRTC 11.1+)
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetCUBIN")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetCubin(nint program, byte* cubin);

    // nvrtcResult nvrtcGetNumSupportedArchs(int* numArchs);  (NVRTC 11.2+)
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetNumSupportedArchs")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetNumSupportedArchs(out int count);

    // nvrtcResult nvrtcGetSupportedArchs(int* supportedArchs);  (NVRTC 11.2+; an array of nvrtcGetNumSupportedArchs ints, e.g. 90 for sm_90)
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetSupportedArchs")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult GetSupportedArchs(int* architectures);

    // nvrtcResult nvrtcDestroyProgram(nvrtcProgram* prog);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcDestroyProgram")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial NvrtcResult DestroyProgram(ref nint program);

    // const char* nvrtcGetErrorString(nvrtcResult result);
    [LibraryImport(LibraryName, EntryPoint = "nvrtcGetErrorString")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* GetErrorString(NvrtcResult result);
}
