using Simd.Hardware;
using Simd.Learning.Kernels;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>The fused kernels take the path the process is configured for (so each CI knob exercises its own width).</summary>
public class LearningWidthTests
{
    [Fact]
    public void Long_rows_run_at_the_width_of_the_process_path()
    {
        LearningWidth expected = SimdHardware.Path switch
        {
            SimdPath.VectorT => LearningWidth.VectorT,
            SimdPath.Avx512 => LearningWidth.W512,
            SimdPath.Avx2 => LearningWidth.W256,
            SimdPath.Vector128 => LearningWidth.W128,
            _ => LearningWidth.Scalar,
        };
        Assert.Equal(expected, LearningWidths.For<float>(1000));
        Assert.Equal(expected, LearningWidths.For<double>(1000));
    }

    [Fact]
    public void Rows_shorter_than_a_vector_step_down_to_a_narrower_width()
    {
        Assert.Equal(LearningWidth.Scalar, LearningWidths.For<float>(1));
        Assert.Equal(LearningWidth.Scalar, LearningWidths.For<double>(0));
        if (SimdHardware.Path == SimdPath.Avx512)
        {
            Assert.Equal(LearningWidth.W256, LearningWidths.For<float>(15));
            Assert.Equal(LearningWidth.W128, LearningWidths.For<double>(3));
        }
    }
}
