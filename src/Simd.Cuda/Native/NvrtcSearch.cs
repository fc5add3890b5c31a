using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Simd.Cuda.Native;

/// <summary>
/// Where NVRTC is looked for, in order: the file or folder named by <c>SIMD_NVRTC_PATH</c> (then nothing else);
/// otherwise the loader's own search (<c>LD_LIBRARY_PATH</c>, the system folders) by versioned name; then the
/// folders of CUDA toolkits (<c>CUDA_PATH</c>, <c>CUDA_HOME</c>, <c>/usr/local/cuda</c>,
/// <c>/usr/local/cuda-X.Y</c> newest first) and of the pip wheels (<c>site-packages/nvidia/cu13/lib</c>,
/// <c>site-packages/nvidia/cuda_nvrtc/lib</c>) under the usual Python prefixes, by full path.
/// </summary>
/// <remarks>
/// Everything here is a pure function of the environment and the file system below <c>root</c>, so the order
/// is tested with fake folders. Loading by full path skips the loader's search for NVRTC's own
/// <c>libnvrtc-builtins</c>, so <see cref="BuiltinsBeside"/> lists the ones to load from the same folder first.
/// </remarks>
internal static class NvrtcSearch
{
    /// <summary>The environment variable naming an NVRTC library file, or a folder holding one, to use instead of searching.</summary>
    public const string PathVariable = "SIMD_NVRTC_PATH";

    /// <summary>The NVRTC library names tried, newest CUDA first, on this operating system.</summary>
    public static IReadOnlyList<string> FileNames()
        => OperatingSystem.IsWindows()
            ? ["nvrtc64_130_0.dll", "nvrtc64_120_0.dll", "nvrtc64_112_0.dll"]
            : ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"];

    /// <summary>The folders searched by full path after the loader's own search, in order (existing or not).</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="root">The file-system root the standard folders are under: "/" normally, a fake tree in tests.</param>
    public static IReadOnlyList<string> Folders(Func<string, string?> environment, string root)
    {
        var folders = new List<string>();
        bool windows = OperatingSystem.IsWindows();
        foreach (string variable in new[] { "CUDA_PATH", "CUDA_HOME" })
        {
            if (environment(variable) is { Length: > 0 } toolkit)
            {
                AddToolkit(folders, toolkit, windows);
            }
        }

        if (!windows)
        {
            AddToolkit(folders, Path.Combine(root, "usr", "local", "cuda"), windows);
            foreach (string versioned in VersionedToolkits(Path.Combine(root, "usr", "local")))
            {
                AddToolkit(folders, versioned, windows);
            }
        }

        foreach (string sitePackages in SitePackages(environment, root, windows))
        {
            // CUDA 13 wheels put every library in nvidia/cu13/lib (bin on Windows); CUDA 12 and 11 in nvidia/cuda_nvrtc/lib.
            folders.Add(Path.Combine(sitePackages, "nvidia", "cu13", windows ? "bin" : "lib"));
            folders.Add(Path.Combine(sitePackages, "nvidia", "cuda_nvrtc", windows ? "bin" : "lib"));
        }

        return folders.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Every candidate in order: with <c>SIMD_NVRTC_PATH</c> set, that file (or the NVRTC files in that folder)
    /// only; otherwise the bare names for the loader, then each NVRTC file that exists in <see cref="Folders"/>.
    /// </summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="root">The file-system root of the standard folders.</param>
    public static IReadOnlyList<NvrtcCandidate> Candidates(Func<string, string?> environment, string root)
    {
        if (environment(PathVariable) is { Length: > 0 } overridePath)
        {
            if (!Directory.Exists(overridePath))
            {
                return [new NvrtcCandidate(overridePath, IsPath: true)];
            }

            NvrtcCandidate[] inFolder = FilesIn(overridePath).ToArray();
            return inFolder.Length > 0 ? inFolder : [new NvrtcCandidate(Path.Combine(overridePath, FileNames()[0]), IsPath: true)];
        }

        var candidates = FileNames().Select(name => new NvrtcCandidate(name, IsPath: false)).ToList();
        foreach (string folder in Folders(environment, root))
        {
            candidates.AddRange(FilesIn(folder));
        }

        return candidates;
    }

    /// <summary>
    /// The <c>libnvrtc-builtins</c> files beside an NVRTC loaded by full path, to load first: NVRTC opens its
    /// builtins by name, which the loader only finds in its own search path or among libraries already loaded.
    /// </summary>
    /// <param name="nvrtcPath">The full path of the NVRTC library.</param>
    public static IReadOnlyList<string> BuiltinsBeside(string nvrtcPath)
    {
        string? folder = Path.GetDirectoryName(nvrtcPath);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }

        string pattern = OperatingSystem.IsWindows() ? "nvrtc-builtins64_*.dll" : "libnvrtc-builtins.so*";
        return Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<NvrtcCandidate> FilesIn(string folder)
    {
        foreach (string name in FileNames())
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                yield return new NvrtcCandidate(path, IsPath: true);
            }
        }
    }

    private static void AddToolkit(List<string> folders, string toolkit, bool windows)
    {
        if (windows)
        {
            // CUDA 13 moved the DLLs to bin\x64.
            folders.Add(Path.Combine(toolkit, "bin", "x64"));
            folders.Add(Path.Combine(toolkit, "bin"));
            return;
        }

        folders.Add(Path.Combine(toolkit, "lib64"));
        folders.Add(Path.Combine(toolkit, "targets", "x86_64-linux", "lib"));
        folders.Add(Path.Combine(toolkit, "targets", "sbsa-linux", "lib"));
    }

    /// <summary>/usr/local/cuda-X.Y folders, newest version first.</summary>
    private static IEnumerable<string> VersionedToolkits(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return [];
        }

        return Directory.GetDirectories(parent, "cuda-*")
            .Select(path => (Path: path, Version: Version.TryParse(Path.GetFileName(path)["cuda-".Length..], out Version? v) ? v : null))
            .Where(t => t.Version is not null)
            .OrderByDescending(t => t.Version)
            .Select(t => t.Path);
    }

    /// <summary>site-packages (and Debian's dist-packages) folders: the active virtual or conda environment, the user's, then the system's.</summary>
    private static IEnumerable<string> SitePackages(Func<string, string?> environment, string root, bool windows)
    {
        var prefixes = new List<string>();
        foreach (string variable in new[] { "VIRTUAL_ENV", "CONDA_PREFIX" })
        {
            if (environment(variable) is { Length: > 0 } prefix)
            {
                prefixes.Add(prefix);
            }
        }

        if (windows)
        {
            return prefixes.Select(prefix => Path.Combine(prefix, "Lib", "site-packages"));
        }

        if (environment("HOME") is { Length: > 0 } home)
        {
            prefixes.Add(Path.Combine(home, ".local"));
        }

        prefixes.Add(Path.Combine(root, "usr", "local"));
        prefixes.Add(Path.Combine(root, "opt", "conda"));
        prefixes.Add(Path.Combine(root, "usr"));

        var found = new List<string>();
        foreach (string prefix in prefixes)
        {
            string lib = Path.Combine(prefix, "lib");
            if (!Directory.Exists(lib))
            {
                continue;
            }

            // python3.12 before python3.9: the newest interpreter first.
            foreach (string python in Directory.GetDirectories(lib, "python3*").OrderByDescending(PythonMinor))
            {
                found.Add(Path.Combine(python, "site-packages"));
                found.Add(Path.Combine(python, "dist-packages"));
            }
        }

        return found.Where(Directory.Exists);
    }

    private static int PythonMinor(string folder)
    {
        string name = Path.GetFileName(folder);
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 && int.TryParse(name.AsSpan(dot + 1), out int minor) ? minor : -1;
    }
}

/// <summary>One place NVRTC may be: a bare file name for the loader's search, or a full path.</summary>
/// <param name="Name">The file name or path.</param>
/// <param name="IsPath">Whether <paramref name="Name"/> is a path (then its builtins are loaded from the same folder first).</param>
internal readonly record struct NvrtcCandidate(string Name, bool IsPath);
