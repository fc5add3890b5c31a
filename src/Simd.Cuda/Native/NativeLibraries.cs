using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace Simd.Cuda.Native;

/// <summary>
/// Finds the CUDA driver and NVRTC libraries and resolves the <see cref="CudaDriver.LibraryName"/> and
/// <see cref="Nvrtc.LibraryName"/> imports to them. The driver is found by its versioned names; NVRTC as
/// <see cref="NvrtcSearch"/> describes, skipping any whose CUDA major version is newer than the driver's. A library
/// that is not found is remembered together with everything tried, so the error can say exactly what is missing.
/// </summary>
internal static class NativeLibraries
{
    private static readonly Lazy<LibraryProbe> DriverProbe = new(() => Probe("CUDA driver", DriverCandidates()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly object NvrtcGate = new();
    private static LibraryProbe? nvrtcProbe;
    private static int resolverInstalled;

    /// <summary>The CUDA driver library, or why it could not be loaded.</summary>
    public static LibraryProbe Driver => DriverProbe.Value;

    /// <summary>The NVRTC library once <see cref="LoadNvrtc"/> has run, or <see langword="null"/>.</summary>
    public static LibraryProbe? NvrtcLibrary => Volatile.Read(ref nvrtcProbe);

    /// <summary>The driver library names tried, in order, on this operating system.</summary>
    public static IReadOnlyList<string> DriverCandidates()
        => OperatingSystem.IsWindows() ? ["nvcuda.dll"] : ["libcuda.so.1", "libcuda.so"];

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
                return new LibraryProbe(what, name, handle, candidates) { LoadedFile = LoadedFile(handle, name) };
            }
        }

        return new LibraryProbe(what, null, 0, candidates);
    }

    /// <summary>Finds NVRTC once, for a driver of CUDA version <paramref name="driverCuda"/>, and binds the NVRTC imports to it.</summary>
    /// <param name="driverCuda">The driver's CUDA version (from <c>cuDriverGetVersion</c>).</param>
    public static LibraryProbe LoadNvrtc(Version driverCuda)
    {
        lock (NvrtcGate)
        {
            if (nvrtcProbe is null)
            {
                Func<string, string?> environment = Environment.GetEnvironmentVariable;
                bool overridden = environment(NvrtcSearch.PathVariable) is { Length: > 0 };
                Volatile.Write(ref nvrtcProbe, ProbeNvrtc(NvrtcSearch.Candidates(environment, "/"), overridden ? [] : NvrtcSearch.Folders(environment, "/"), driverCuda));
            }

            return nvrtcProbe;
        }
    }

    /// <summary>
    /// Tries each NVRTC candidate in order: a full path after loading the builtins beside it; a library that
    /// loads but is older than NVRTC 11.2 or of a newer CUDA major version than the driver is released and
    /// recorded as rejected.
    /// </summary>
    /// <param name="candidates">The candidates, in order.</param>
    /// <param name="folders">The folders they were gathered from, for the message.</param>
    /// <param name="driverCuda">The driver's CUDA version.</param>
    public static LibraryProbe ProbeNvrtc(IReadOnlyList<NvrtcCandidate> candidates, IReadOnlyList<string> folders, Version driverCuda)
    {
        var rejected = new List<string>();
        foreach (NvrtcCandidate candidate in candidates)
        {
            nint handle;
            if (candidate.IsPath)
            {
                if (!File.Exists(candidate.Name))
                {
                    rejected.Add($"{candidate.Name}: no such file");
                    continue;
                }

                foreach (string builtins in NvrtcSearch.BuiltinsBeside(candidate.Name))
                {
                    _ = NativeLibrary.TryLoad(builtins, out _);
                }

                try
                {
                    handle = NativeLibrary.Load(candidate.Name);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    rejected.Add($"{candidate.Name}: {FirstLine(e.Message)}");
                    continue;
                }
            }
            else if (!NativeLibrary.TryLoad(candidate.Name, out handle))
            {
                continue;
            }

            string file = LoadedFile(handle, candidate.Name);
            Version? version = ReadNvrtcVersion(handle);
            if (version is null)
            {
                rejected.Add($"{file}: not an NVRTC library (no nvrtcVersion)");
                NativeLibrary.Free(handle);
                continue;
            }

            if (!NativeLibrary.TryGetExport(handle, "nvrtcGetSupportedArchs", out _))
            {
                rejected.Add(version < new Version(11, 2)
                    ? $"{file}: NVRTC {version} is older than 11.2, the first with nvrtcGetSupportedArchs"
                    : $"{file}: reports NVRTC {version} but has no nvrtcGetSupportedArchs, which every NVRTC from 11.2 on exports");
                NativeLibrary.Free(handle);
                continue;
            }

            if (version.Major > driverCuda.Major)
            {
                rejected.Add($"{file}: NVRTC {version} is of a newer CUDA major version than the driver (CUDA {driverCuda}), which cannot load what it compiles");
                NativeLibrary.Free(handle);
                continue;
            }

            return new LibraryProbe("NVRTC", candidate.Name, handle, candidates.Select(c => c.Name).ToArray()) { Folders = folders, Rejected = rejected, LoadedFile = file };
        }

        return new LibraryProbe("NVRTC", null, 0, candidates.Select(c => c.Name).ToArray()) { Folders = folders, Rejected = rejected };
    }

    /// <summary>The file a loaded library came from: its line in /proc/self/maps on Linux, otherwise the name it was loaded by.</summary>
    /// <param name="handle">The library handle.</param>
    /// <param name="name">The name or path it was loaded by.</param>
    public static string LoadedFile(nint handle, string name)
    {
        if (Path.IsPathRooted(name) || !OperatingSystem.IsLinux())
        {
            return name;
        }

        // The loader maps the file under its real path (after symlinks); find it by the name's stem, e.g. "/libnvrtc.so".
        string stem = "/" + name.Split(".so", 2)[0] + ".so";
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && line.Contains(stem, StringComparison.Ordinal))
                {
                    return line[slash..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        GC.KeepAlive(handle);
        return name;
    }

    /// <summary>Calls nvrtcVersion through <paramref name="handle"/> directly (the imports are not bound yet).</summary>
    private static unsafe Version? ReadNvrtcVersion(nint handle)
    {
        if (!NativeLibrary.TryGetExport(handle, "nvrtcVersion", out nint export))
        {
            return null;
        }

        int major, minor;
        var version = (delegate* unmanaged[Cdecl]<int*, int*, NvrtcResult>)export;
        return version(&major, &minor) == NvrtcResult.Success ? new Version(major, minor) : null;
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
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
