using System;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>What NVRTC compiles for, from the device, NVRTC's supported architectures and the two versions.</summary>
public sealed class CompileTargetTests
{
    private static readonly int[] Nvrtc128 = [50, 52, 53, 60, 61, 62, 70, 72, 75, 80, 86, 87, 89, 90, 100, 101, 120];

    [Fact]
    public void A_known_architecture_gets_a_cubin_even_from_an_NVRTC_newer_than_the_driver()
    {
        Assert.Equal(new CompileTarget("sm_90", IsCubin: true), NvrtcCompiler.ChooseTarget(new Version(9, 0), Nvrtc128, new Version(12, 8), new Version(12, 4)));
        Assert.Equal(new CompileTarget("sm_86", IsCubin: true), NvrtcCompiler.ChooseTarget(new Version(8, 6), Nvrtc128, new Version(13, 1), new Version(13, 0)));
    }

    [Fact]
    public void An_architecture_NVRTC_does_not_know_gets_PTX_for_the_newest_one_below_it()
    {
        Assert.Equal(new CompileTarget("compute_90", IsCubin: false), NvrtcCompiler.ChooseTarget(new Version(9, 5), Nvrtc128, new Version(12, 8), new Version(12, 8)));
        Assert.Equal(new CompileTarget("compute_86", IsCubin: false), NvrtcCompiler.ChooseTarget(new Version(9, 0), [52, 60, 70, 75, 80, 86], new Version(11, 2), new Version(12, 4)));
    }

    [Fact]
    public void PTX_from_an_NVRTC_newer_than_the_driver_is_refused_up_front_with_both_versions()
    {
        var error = Assert.Throws<CudaUnavailableException>(() => NvrtcCompiler.ChooseTarget(new Version(9, 0), [52, 60, 70, 75, 80, 86], new Version(11, 8), new Version(11, 4)));

        Assert.Equal(
            "CUDA is not available: NVRTC 11.8 does not know this device's architecture sm_90 (it supports architectures 52 to 86), so the kernels would have to travel as PTX, but the driver (CUDA 11.4) cannot load PTX from a newer NVRTC. Use an NVRTC of CUDA 11.4 or older, or one that supports sm_90, or update the driver.",
            error.Message);
    }

    [Fact]
    public void An_NVRTC_that_supports_nothing_up_to_the_device_says_so()
    {
        var error = Assert.Throws<CudaUnavailableException>(() => NvrtcCompiler.ChooseTarget(new Version(6, 1), [75, 80, 86, 89, 90, 100, 120], new Version(13, 0), new Version(13, 0)));

        Assert.Equal(
            "CUDA is not available: NVRTC 13.0 supports architectures 75 to 120, none of them up to this device's compute capability 6.1. Use an NVRTC of an older CUDA version that supports it.",
            error.Message);
    }

    [Fact]
    public void The_options_are_the_target_then_the_IEEE_semantics()
    {
        Assert.Equal(["-arch=sm_90", "--fmad=false", "--ftz=false", "--prec-div=true", "--prec-sqrt=true"], NvrtcCompiler.Options(new CompileTarget("sm_90", true)));
        Assert.Equal("-arch=compute_80", NvrtcCompiler.Options(new CompileTarget("compute_80", false))[0]);
    }

    [Fact]
    public void A_rejected_module_names_the_target_the_versions_and_the_JIT_log()
    {
        string text = CudaModule.DescribeLoadFailure(new CompileTarget("compute_90", false), "ptxas fatal   : Unsupported .version 8.7; current version is '8.4'", string.Empty);

        Assert.StartsWith("Loading a PTX module for compute_90 compiled by NVRTC ", text, StringComparison.Ordinal);
        Assert.EndsWith("JIT error log: ptxas fatal   : Unsupported .version 8.7; current version is '8.4'", text, StringComparison.Ordinal);
        Assert.EndsWith("JIT error log: (empty) JIT info log: info", CudaModule.DescribeLoadFailure(new CompileTarget("sm_90", true), string.Empty, "info"), StringComparison.Ordinal);
        Assert.StartsWith("Loading a cubin for sm_90 ", CudaModule.DescribeLoadFailure(new CompileTarget("sm_90", true), string.Empty, string.Empty), StringComparison.Ordinal);
    }
}
