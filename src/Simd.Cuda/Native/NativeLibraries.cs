using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace Simd.Cuda.Native;

/// <summary>
/// Finds the CUDA driver and NVRTC libraries by probing their versioned file names, and resolves the
/// <see cref="CudaDriver.LibraryName"/> and <see cref="Nvrtc.LibraryName"/> imports to them. A library that
/// is not found is remembered together with the names tried, so the error can say exactly what is missing.
/// </summary>
internal static class NativeLibraries
{
    private static readonly Lazy<LibraryProbe> DriverProbe = new(() => Probe("CUDA driver", DriverCandidates()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<LibraryProbe> NvrtcProbe = new(() => Probe("NVRTC", NvrtcCandidates()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int resolverInstalled;

    /// <summary>The CUDA driver library, or why it could not be loaded.</summary>
    public static LibraryProbe Driver => DriverProbe.Value;

    /// <summary>The NVRTC library, or why it could not be loaded.</summary>
    public static LibraryProbe NvrtcLibrary => NvrtcProbe.Value;

    /// <summary>The driver library names tried, in order, on this operating system.</summary>
    public static IReadOnlyList<string> DriverCandidates()
        => OperatingSystem.IsWindows() ? ["nvcuda.dll"] : ["libcuda.so.1", "libcuda.so"];

    /// <summary>The NVRTC library names tried, newest CUDA first, on this operating system.</summary>
    public static IReadOnlyList<string> NvrtcCandidates()
        => OperatingSystem.IsWindows()
            ? ["nvrtc64_130_0.dll", "nvrtc64_120_0.dll", "nvrtc64_112_0.dll"]
            : ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"];

    /// <summary>Installs the import resolver for this assembly once; called from the static constructors of the import classes.</summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        }
    }

    /// <summary>Tries each candidate name in turn and reports the first that loads, or every name tried.</summary>
    /// <param name="what">What the library is, for the message (e.g. "CUDA driver").</param>
    /// <param name="candidates">File names to try, in order.</param>
    public static LibraryProbe Probe(string what, IReadOnlyList<string> candidates)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, out nint handle))
            {
                return new LibraryProbe(what, name, handle, candidates);
            }
        }

        return new LibraryProbe(what, null, 0, candidates);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        LibraryProbe? probe = libraryName switch
        {
            CudaDriver.LibraryName => Driver,
            Nvrtc.LibraryName => NvrtcLibrary,
            _ => null,
        };

        // Returning zero lets the runtime fall back to its own probing, which then fails with
        // DllNotFoundException; CudaRuntime checks the probes first, so that path is never taken.
        return probe is { IsLoaded: true } ? probe.Handle : 0;
    }
}
