using System;
using Simd.Cuda.Learning;
using Simd.Cuda.Native;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// Asking for CUDA where it cannot run explains exactly what is missing. The message builders are checked
/// directly with libraries that cannot exist; the real no-driver path runs on every machine without a GPU
/// driver (and skips, saying so, on one with a driver).
/// </summary>
public sealed class NoDriverTests
{
    private static readonly CudaKernelDefinition Sample = SampleKernels.Create("squared_difference", isDouble: false);

    [Fact]
    public void A_missing_library_is_reported_with_every_name_tried()
    {
        LibraryProbe probe = NativeLibraries.Probe("CUDA driver", ["libsimd-absent-driver.so.1", "libsimd-absent-driver.so"]);

        Assert.False(probe.IsLoaded);
        Assert.Equal(
            "CUDA is not available: the CUDA driver library was not found (tried libsimd-absent-driver.so.1, libsimd-absent-driver.so). Install the NVIDIA GPU driver; the library ships with it, not with the CUDA toolkit.",
            CudaRuntime.DescribeMissingDriver(probe));
    }

    [Fact]
    public void Missing_nvrtc_is_reported_with_every_name_tried_and_what_to_install()
    {
        LibraryProbe probe = NativeLibraries.Probe("NVRTC", ["libsimd-absent-nvrtc.so.13", "libsimd-absent-nvrtc.so.12"]);

        Assert.Equal(
            "CUDA is not available: the NVRTC library was not found (tried libsimd-absent-nvrtc.so.13, libsimd-absent-nvrtc.so.12). Simd compiles its kernels at run time with NVRTC; install the CUDA toolkit's NVRTC runtime (CUDA 11.2 or newer, not of a newer major version than the driver) where the loader or this search finds it, or set SIMD_NVRTC_PATH to the library file or its folder.",
            CudaRuntime.DescribeMissingNvrtc(probe));
    }

    [Fact]
    public void The_probed_names_are_the_documented_ones()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal(["nvcuda.dll"], NativeLibraries.DriverCandidates());
            Assert.Equal(["nvrtc64_130_0.dll", "nvrtc64_120_0.dll", "nvrtc64_112_0.dll"], NvrtcSearch.FileNames());
        }
        else
        {
            Assert.Equal(["libcuda.so.1", "libcuda.so"], NativeLibraries.DriverCandidates());
            Assert.Equal(["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"], NvrtcSearch.FileNames());
        }
    }

    [Fact]
    public void Init_failure_no_device_and_a_missing_ordinal_have_clear_messages()
    {
        Assert.Equal(
            "CUDA is not available: cuInit failed with CUDA_ERROR_NO_DEVICE (100): no CUDA-capable device is detected.",
            CudaRuntime.DescribeInitFailure(CudaResult.NoDevice, "CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"));
        Assert.Equal("CUDA is not available: the CUDA driver loaded but reports no CUDA device.", CudaRuntime.DescribeNoDevice());
        Assert.Equal("CUDA device 3 does not exist: the driver reports 1 device(s), ordinals 0 to 0.", CudaDevice.DescribeMissingOrdinal(3, 1));
    }

    [SkippableFact]
    public void TryOpen_without_a_driver_returns_false_naming_the_missing_library()
    {
        SkipIfDriverPresent();

        bool opened = CudaDevice.TryOpen(0, out CudaDevice? device, out string reason);

        Assert.False(opened);
        Assert.Null(device);
        Assert.StartsWith("CUDA is not available: the CUDA driver library was not found (tried ", reason, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1", reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_entry_point_for_generated_kernels_throws_CudaUnavailableException_with_the_reason()
    {
        SkipIfDriverPresent();
        string expected = CudaRuntime.UnavailableReason!;
        DeviceBuffer<float>[] lanes = [];

        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaKernels.Map(Sample, lanes, [], null!)).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaKernels.Sum(Sample, lanes, [])).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaKernels.Min(Sample, lanes, [])).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaKernels.Max(Sample, lanes, [])).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => DeviceBuffer<float>.Allocate(16)).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaDevice.Open(0)).Message);
        Assert.Equal(expected, Assert.Throws<CudaUnavailableException>(() => CudaDevice.Default).Message);
        Assert.Contains("the CUDA driver library was not found", expected, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Device_training_without_a_driver_throws_CudaUnavailableException_after_checking_its_input()
    {
        SkipIfDriverPresent();
        float[] x = [1, 2, 3, 4];
        var view = new ReadOnlyMatrixView<float>(x, 2, 2);

        var unavailable = Assert.Throws<CudaUnavailableException>(() => CudaGradientDescent.Train<float>(view, [1, 0], RegressionKind.Logistic, 0.1f, 10, 0f));
        Assert.Contains("the CUDA driver library was not found", unavailable.Message, StringComparison.Ordinal);
    }

    private static void SkipIfDriverPresent()
        => Skip.If(NativeLibraries.Driver.IsLoaded, $"The CUDA driver ({NativeLibraries.Driver.LoadedName}) is present here, so the no-driver path cannot be observed.");
}
