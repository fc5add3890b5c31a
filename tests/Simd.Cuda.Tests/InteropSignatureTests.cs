using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Simd.Cuda.Native;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The LibraryImport declarations against the C prototypes documented in cuda.h and nvrtc.h: entry point,
/// return type, every parameter's type (hence size) and the calling convention. A mistyped parameter
/// (a 32-bit CUdeviceptr, an int for size_t) would corrupt the stack or truncate pointers on a GPU machine;
/// here it fails without one.
/// </summary>
public sealed class InteropSignatureTests
{
    // The documented prototypes, written in C as in the headers.
    private static readonly string[] DriverPrototypes =
    [
        "CUresult cuInit(unsigned int)",
        "CUresult cuDriverGetVersion(int*)",
        "CUresult cuDeviceGet(CUdevice*, int)",
        "CUresult cuDeviceGetCount(int*)",
        "CUresult cuDeviceGetName(char*, int, CUdevice)",
        "CUresult cuDeviceGetAttribute(int*, CUdevice_attribute, CUdevice)",
        "CUresult cuDeviceTotalMem_v2(size_t*, CUdevice)",
        "CUresult cuDevicePrimaryCtxRetain(CUcontext*, CUdevice)",
        "CUresult cuDevicePrimaryCtxRelease_v2(CUdevice)",
        "CUresult cuCtxSetCurrent(CUcontext)",
        "CUresult cuCtxSynchronize()",
        "CUresult cuModuleLoadDataEx(CUmodule*, const void*, unsigned int, CUjit_option*, void**)",
        "CUresult cuModuleGetFunction(CUfunction*, CUmodule, const char*)",
        "CUresult cuModuleUnload(CUmodule)",
        "CUresult cuMemAlloc_v2(CUdeviceptr*, size_t)",
        "CUresult cuMemFree_v2(CUdeviceptr)",
        "CUresult cuMemcpyHtoD_v2(CUdeviceptr, const void*, size_t)",
        "CUresult cuMemcpyDtoH_v2(void*, CUdeviceptr, size_t)",
        "CUresult cuMemcpyDtoD_v2(CUdeviceptr, CUdeviceptr, size_t)",
        "CUresult cuMemsetD8_v2(CUdeviceptr, unsigned char, size_t)",
        "CUresult cuLaunchKernel(CUfunction, unsigned int, unsigned int, unsigned int, unsigned int, unsigned int, unsigned int, unsigned int, CUstream, void**, void**)",
        "CUresult cuStreamCreate(CUstream*, unsigned int)",
        "CUresult cuStreamSynchronize(CUstream)",
        "CUresult cuStreamDestroy_v2(CUstream)",
        "CUresult cuEventCreate(CUevent*, unsigned int)",
        "CUresult cuEventRecord(CUevent, CUstream)",
        "CUresult cuEventSynchronize(CUevent)",
        "CUresult cuEventElapsedTime(float*, CUevent, CUevent)",
        "CUresult cuEventDestroy_v2(CUevent)",
        "CUresult cuGetErrorName(CUresult, const char**)",
        "CUresult cuGetErrorString(CUresult, const char**)",
    ];

    private static readonly string[] NvrtcPrototypes =
    [
        "nvrtcResult nvrtcVersion(int*, int*)",
        "nvrtcResult nvrtcCreateProgram(nvrtcProgram*, const char*, const char*, int, const char* const*, const char* const*)",
        "nvrtcResult nvrtcCompileProgram(nvrtcProgram, int, const char* const*)",
        "nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram, size_t*)",
        "nvrtcResult nvrtcGetProgramLog(nvrtcProgram, char*)",
        "nvrtcResult nvrtcGetPTXSize(nvrtcProgram, size_t*)",
        "nvrtcResult nvrtcGetPTX(nvrtcProgram, char*)",
        "nvrtcResult nvrtcGetCUBINSize(nvrtcProgram, size_t*)",
        "nvrtcResult nvrtcGetCUBIN(nvrtcProgram, char*)",
        "nvrtcResult nvrtcGetNumSupportedArchs(int*)",
        "nvrtcResult nvrtcGetSupportedArchs(int[])",
        "nvrtcResult nvrtcDestroyProgram(nvrtcProgram*)",
        "const char* nvrtcGetErrorString(nvrtcResult)",
    ];

    // How each C type must appear in C#. Handles are pointers; CUdeviceptr is unsigned long long on every
    // 64-bit platform; size_t is pointer-sized; CUresult, CUdevice and enums are 32-bit ints.
    private static readonly Dictionary<string, Type> CTypes = new()
    {
        ["CUresult"] = typeof(CudaResult),
        ["nvrtcResult"] = typeof(NvrtcResult),
        ["unsigned int"] = typeof(uint),
        ["int"] = typeof(int),
        ["int*"] = typeof(int).MakeByRefType(),
        ["unsigned char"] = typeof(byte),
        ["CUdevice"] = typeof(int),
        ["CUdevice*"] = typeof(int).MakeByRefType(),
        ["CUdevice_attribute"] = typeof(CudaDeviceAttribute),
        ["CUdeviceptr"] = typeof(ulong),
        ["CUdeviceptr*"] = typeof(ulong).MakeByRefType(),
        ["size_t"] = typeof(nuint),
        ["size_t*"] = typeof(nuint).MakeByRefType(),
        ["CUcontext"] = typeof(nint),
        ["CUcontext*"] = typeof(nint).MakeByRefType(),
        ["CUmodule"] = typeof(nint),
        ["CUmodule*"] = typeof(nint).MakeByRefType(),
        ["CUfunction*"] = typeof(nint).MakeByRefType(),
        ["CUfunction"] = typeof(nint),
        ["CUstream"] = typeof(nint),
        ["CUstream*"] = typeof(nint).MakeByRefType(),
        ["CUevent"] = typeof(nint),
        ["CUevent*"] = typeof(nint).MakeByRefType(),
        ["nvrtcProgram"] = typeof(nint),
        ["nvrtcProgram*"] = typeof(nint).MakeByRefType(),
        ["float*"] = typeof(float).MakeByRefType(),
        ["int[]"] = typeof(int*),
        ["CUjit_option*"] = typeof(CudaJitOption*),
        ["void*"] = typeof(void*),
        ["const void*"] = typeof(void*),
        ["void**"] = typeof(void**),
        ["char*"] = typeof(byte*),
        ["const char*"] = typeof(byte*),
        ["const char**"] = typeof(byte*).MakeByRefType(),
        ["const char* const*"] = typeof(byte**),
    };

    public static TheoryData<string, string> Prototypes()
    {
        var data = new TheoryData<string, string>();
        foreach (string p in DriverPrototypes)
        {
            data.Add(nameof(CudaDriver), p);
        }

        foreach (string p in NvrtcPrototypes)
        {
            data.Add(nameof(Nvrtc), p);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Prototypes))]
    public void Import_matches_the_documented_prototype(string importClass, string prototype)
    {
        (Type returnType, string entryPoint, Type[] parameters) = Parse(prototype);
        MethodInfo method = Imports(importClass).SingleOrDefault(m => EntryPoint(m) == entryPoint)
            ?? throw new Xunit.Sdk.XunitException($"{entryPoint} is not imported by {importClass}.");

        Assert.Equal(returnType, method.ReturnType);
        Type[] actual = method.GetParameters().Select(p => p.ParameterType).ToArray();
        if (entryPoint == "cuModuleGetFunction")
        {
            // The name travels as a UTF-8 marshalled string: a const char* on the native side.
            Assert.Equal(typeof(string), actual[2]);
            Assert.Equal(StringMarshalling.Utf8, method.GetCustomAttribute<LibraryImportAttribute>()!.StringMarshalling);
            actual[2] = typeof(byte*);
        }

        Assert.Equal(parameters, actual);
    }

    [Fact]
    public void Every_import_is_a_documented_prototype()
    {
        var documented = DriverPrototypes.Concat(NvrtcPrototypes).Select(p => Parse(p).EntryPoint).ToHashSet();
        string[] undocumented = Imports(nameof(CudaDriver)).Concat(Imports(nameof(Nvrtc))).Select(EntryPoint).Where(e => !documented.Contains(e)).ToArray();
        Assert.Empty(undocumented);
    }

    [Theory]
    [InlineData(nameof(CudaDriver), typeof(CallConvStdcall), CudaDriver.LibraryName)]
    [InlineData(nameof(Nvrtc), typeof(CallConvCdecl), Nvrtc.LibraryName)]
    public void Every_import_declares_the_headers_calling_convention_and_library(string importClass, Type convention, string library)
    {
        // cuda.h: CUDAAPI is __stdcall on Windows (identical to the C convention on x64); nvrtc.h declares none.
        foreach (MethodInfo method in Imports(importClass))
        {
            var callConv = method.GetCustomAttribute<UnmanagedCallConvAttribute>();
            Assert.NotNull(callConv);
            Assert.Equal([convention], callConv!.CallConvs!);
            Assert.Equal(library, method.GetCustomAttribute<LibraryImportAttribute>()!.LibraryName);
        }
    }

    [Fact]
    public void Native_types_have_the_documented_sizes()
    {
        Assert.Equal(8, Unsafe.SizeOf<ulong>()); // CUdeviceptr: unsigned long long on 64-bit platforms
        Assert.Equal(IntPtr.Size, Unsafe.SizeOf<nuint>()); // size_t
        Assert.Equal(typeof(int), Enum.GetUnderlyingType(typeof(CudaResult))); // CUresult: a C enum, int-sized
        Assert.Equal(typeof(int), Enum.GetUnderlyingType(typeof(NvrtcResult)));
        Assert.Equal(typeof(int), Enum.GetUnderlyingType(typeof(CudaDeviceAttribute)));
    }

    private static IEnumerable<MethodInfo> Imports(string importClass)
    {
        Type type = typeof(CudaDevice).Assembly.GetType($"Simd.Cuda.Native.{importClass}", throwOnError: true)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null);
    }

    private static string EntryPoint(MethodInfo method) => method.GetCustomAttribute<LibraryImportAttribute>()!.EntryPoint ?? method.Name;

    private static (Type ReturnType, string EntryPoint, Type[] Parameters) Parse(string prototype)
    {
        int open = prototype.IndexOf('(', StringComparison.Ordinal);
        string head = prototype[..open];
        int space = head.LastIndexOf(' ');
        string returnType = head[..space].Trim();
        string name = head[(space + 1)..];
        string list = prototype[(open + 1)..^1];
        Type[] parameters = list.Length == 0 ? [] : list.Split(", ").Select(p => CTypes[p.Trim()]).ToArray();
        return (CTypes[returnType], name, parameters);
    }
}
