using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Simd.Cuda.Native;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// Where NVRTC is looked for, on a fake file-system tree: the override, the loader's names, then toolkits and
/// pip wheels in their documented order, and the builtins beside a library found by path. Fake libraries
/// cannot load, so the probe's message lists each with the loader's error.
/// </summary>
public sealed class NvrtcSearchTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "simd-nvrtc-search", Guid.NewGuid().ToString("N"));

    public NvrtcSearchTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [SkippableFact]
    public void Folders_come_in_the_documented_order()
    {
        Skip.If(OperatingSystem.IsWindows(), "The Linux folder layout.");
        string toolkit = Make("opt", "cuda-toolkit");
        string venv = Make("venv");
        Make("venv", "lib", "python3.12", "site-packages");
        Make("usr", "local", "cuda-12.4");
        Make("usr", "local", "cuda-12.10");
        Make("usr", "local", "cuda-11.8");
        Make("usr", "local", "lib", "python3.9", "dist-packages");
        Make("usr", "local", "lib", "python3.11", "site-packages");
        var environment = new Dictionary<string, string?> { ["CUDA_PATH"] = toolkit, ["VIRTUAL_ENV"] = venv, ["HOME"] = null };

        IReadOnlyList<string> folders = NvrtcSearch.Folders(name => environment.GetValueOrDefault(name), root);

        string[] expected =
        [
            Path.Combine(toolkit, "lib64"), Path.Combine(toolkit, "targets", "x86_64-linux", "lib"), Path.Combine(toolkit, "targets", "sbsa-linux", "lib"),
            .. Toolkit("usr", "local", "cuda"), .. Toolkit("usr", "local", "cuda-12.10"), .. Toolkit("usr", "local", "cuda-12.4"), .. Toolkit("usr", "local", "cuda-11.8"),
            .. Wheels("venv", "lib", "python3.12", "site-packages"),
            .. Wheels("usr", "local", "lib", "python3.11", "site-packages"),
            .. Wheels("usr", "local", "lib", "python3.9", "dist-packages"),
        ];
        Assert.Equal(expected, folders);
    }

    [SkippableFact]
    public void Candidates_are_the_loader_names_then_the_files_that_exist_in_those_folders()
    {
        Skip.If(OperatingSystem.IsWindows(), "The Linux folder layout.");
        string wheel = Make("usr", "lib", "python3.10", "site-packages", "nvidia", "cuda_nvrtc", "lib");
        string toolkit = Make("usr", "local", "cuda", "lib64");
        Touch(wheel, "libnvrtc.so.12");
        Touch(toolkit, "libnvrtc.so.13");
        Touch(toolkit, "libnvrtc.so");

        IReadOnlyList<NvrtcCandidate> candidates = NvrtcSearch.Candidates(_ => null, root);

        Assert.Equal(
            [
                new("libnvrtc.so.13", false), new("libnvrtc.so.12", false), new("libnvrtc.so.11.2", false), new("libnvrtc.so", false),
                new(Path.Combine(toolkit, "libnvrtc.so.13"), true), new(Path.Combine(toolkit, "libnvrtc.so"), true),
                new(Path.Combine(wheel, "libnvrtc.so.12"), true),
            ],
            candidates);
    }

    [SkippableFact]
    public void SIMD_NVRTC_PATH_names_the_only_candidate_a_file_or_the_files_of_a_folder()
    {
        Skip.If(OperatingSystem.IsWindows(), "The Linux file names.");
        string folder = Make("custom");
        Touch(folder, "libnvrtc.so.12");
        Touch(Make("usr", "local", "cuda", "lib64"), "libnvrtc.so.12");
        string file = Path.Combine(root, "elsewhere", "libnvrtc.so.12.8.93");

        Assert.Equal([new NvrtcCandidate(file, true)], NvrtcSearch.Candidates(name => name == NvrtcSearch.PathVariable ? file : null, root));
        Assert.Equal([new NvrtcCandidate(Path.Combine(folder, "libnvrtc.so.12"), true)], NvrtcSearch.Candidates(name => name == NvrtcSearch.PathVariable ? folder : null, root));
    }

    [SkippableFact]
    public void The_builtins_beside_a_library_are_found_by_pattern()
    {
        Skip.If(OperatingSystem.IsWindows(), "The Linux file names.");
        string lib = Make("cu13", "lib");
        Touch(lib, "libnvrtc.so.13");
        Touch(lib, "libnvrtc-builtins.so.13.0");
        Touch(lib, "libnvrtc-builtins.so.13");
        Touch(lib, "libcublas.so.13");

        Assert.Equal([Path.Combine(lib, "libnvrtc-builtins.so.13"), Path.Combine(lib, "libnvrtc-builtins.so.13.0")], NvrtcSearch.BuiltinsBeside(Path.Combine(lib, "libnvrtc.so.13")));
        Assert.Empty(NvrtcSearch.BuiltinsBeside("libnvrtc.so.13"));
    }

    [Fact]
    public void A_library_that_is_there_but_does_not_load_is_reported_with_the_loaders_error()
    {
        string lib = Make("broken");
        string fake = Touch(lib, OperatingSystem.IsWindows() ? "nvrtc64_120_0.dll" : "libnvrtc.so.12");
        string missing = Path.Combine(lib, "libnvrtc.so.13");

        LibraryProbe probe = NativeLibraries.ProbeNvrtc([new("libsimd-absent-nvrtc.so.12", false), new(missing, true), new(fake, true)], [lib], new Version(12, 4));

        Assert.False(probe.IsLoaded);
        Assert.Equal(["libsimd-absent-nvrtc.so.12", missing, fake], probe.Candidates);
        Assert.Equal($"{missing}: no such file", probe.Rejected[0]);
        Assert.StartsWith($"{fake}: ", probe.Rejected[1], StringComparison.Ordinal);
        Assert.True(probe.Rejected[1].Length > fake.Length + 2, probe.Rejected[1]);
        Assert.Equal(
            $"the NVRTC library was not found (tried libsimd-absent-nvrtc.so.12, {missing}, {fake}; searched the folders {lib}; rejected {probe.Rejected[0]}; {probe.Rejected[1]}).",
            probe.MissingMessage);
    }

    [SkippableFact]
    public void Stand_in_libraries_too_new_or_too_old_are_skipped_and_the_builtins_load_before_the_one_used()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Builds Linux shared libraries.");
        Skip.If(HostCompiler.UnavailableReason is not null, HostCompiler.UnavailableReason);
        string cu13 = Make("site-packages", "nvidia", "cu13", "lib");
        string old = Make("cuda-11.0", "lib64");
        string cu12 = Make("site-packages", "nvidia", "cuda_nvrtc", "lib");
        const string version = "int nvrtcVersion(int* major, int* minor) {{ *major = {0}; *minor = {1}; return 0; }}\n";
        const string archs = "int nvrtcGetSupportedArchs(int* a) { a[0] = 90; return 0; }\n";
        HostCompiler.SharedLibrary(string.Format(null, version, 13, 0) + archs, Path.Combine(cu13, "libnvrtc.so.13"));
        HostCompiler.SharedLibrary(string.Format(null, version, 11, 0), Path.Combine(old, "libnvrtc.so"));
        HostCompiler.SharedLibrary(string.Format(null, version, 12, 8) + archs, Path.Combine(cu12, "libnvrtc.so.12"));
        string soname = $"libnvrtc-builtins.so.12.8.{Environment.ProcessId}{Guid.NewGuid():N}";
        HostCompiler.SharedLibrary("int simd_stand_in_builtins(void) { return 1; }\n", Path.Combine(cu12, soname), soname);
        Assert.False(System.Runtime.InteropServices.NativeLibrary.TryLoad(soname, out _));

        LibraryProbe probe = NativeLibraries.ProbeNvrtc(
            [new(Path.Combine(cu13, "libnvrtc.so.13"), true), new(Path.Combine(old, "libnvrtc.so"), true), new(Path.Combine(cu12, "libnvrtc.so.12"), true)],
            [cu13, old, cu12],
            new Version(12, 4));

        Assert.True(probe.IsLoaded, probe.MissingMessage);
        Assert.Equal(Path.Combine(cu12, "libnvrtc.so.12"), probe.LoadedFile);
        Assert.Equal(
            [
                $"{Path.Combine(cu13, "libnvrtc.so.13")}: NVRTC 13.0 is of a newer CUDA major version than the driver (CUDA 12.4), which cannot load what it compiles",
                $"{Path.Combine(old, "libnvrtc.so")}: NVRTC 11.0 is older than 11.2, the first with nvrtcGetSupportedArchs",
            ],
            probe.Rejected);

        // NVRTC opens its builtins by bare name; that now finds the copy loaded from beside it.
        Assert.True(System.Runtime.InteropServices.NativeLibrary.TryLoad(soname, out _));
    }

    [Fact]
    public void The_driver_version_is_decoded_from_its_integer()
    {
        Assert.Equal(new Version(12, 4), CudaRuntime.DecodeDriverVersion(12040));
        Assert.Equal(new Version(13, 0), CudaRuntime.DecodeDriverVersion(13000));
        Assert.Equal(new Version(11, 8), CudaRuntime.DecodeDriverVersion(11080));
    }

    private string[] Toolkit(params string[] parts)
    {
        string toolkit = Path.Combine([root, .. parts]);
        return [Path.Combine(toolkit, "lib64"), Path.Combine(toolkit, "targets", "x86_64-linux", "lib"), Path.Combine(toolkit, "targets", "sbsa-linux", "lib")];
    }

    private string[] Wheels(params string[] parts)
    {
        string sitePackages = Path.Combine([root, .. parts]);
        return [Path.Combine(sitePackages, "nvidia", "cu13", "lib"), Path.Combine(sitePackages, "nvidia", "cuda_nvrtc", "lib")];
    }

    private string Make(params string[] parts)
    {
        string path = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Touch(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, "not a library");
        return path;
    }
}
