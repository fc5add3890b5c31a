using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>SIMD_REQUIRE_GPU=1 turns a GPU test's skip into a failure that gives the reason.</summary>
public sealed class RequireGpuTests
{
    [Fact]
    public void Without_the_variable_a_missing_GPU_skips_with_the_reason()
    {
        var skip = Assert.Throws<SkipException>(() => Gpu.MissingGpu("CUDA is not available: the CUDA driver library was not found (tried libcuda.so.1).", null));
        Assert.Equal("No GPU: CUDA is not available: the CUDA driver library was not found (tried libcuda.so.1).", skip.Message);
        Assert.Throws<SkipException>(() => Gpu.MissingGpu("reason", "0"));
    }

    [Fact]
    public void With_SIMD_REQUIRE_GPU_1_a_missing_GPU_fails_with_the_reason()
    {
        var failure = Assert.Throws<Xunit.Sdk.XunitException>(() => Gpu.MissingGpu("CUDA is not available: the CUDA driver loaded but reports no CUDA device.", "1"));
        Assert.Equal("SIMD_REQUIRE_GPU=1 but no GPU: CUDA is not available: the CUDA driver loaded but reports no CUDA device.", failure.Message);
    }
}
