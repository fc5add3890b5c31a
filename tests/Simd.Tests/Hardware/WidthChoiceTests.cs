using Simd.Widths;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>
/// The one width choice shared by the drivers and the fused learning kernels: long inputs run at the width of
/// the process path (so each CI knob exercises its own width), short ones step down through narrower widths.
/// </summary>
public class WidthChoiceTests
{
    [Fact]
    public void Long_inputs_run_at_the_width_of_the_process_path()
    {
        Width expected = SimdHardware.Path switch
        {
            SimdPath.VectorT => Width.VectorT,
            SimdPath.Avx512 => Width.V512,
            SimdPath.Avx2 => Width.V256,
            SimdPath.Vector128 => Width.V128,
            _ => Width.Scalar,
        };
        Assert.Equal(expected, WidthChoice.For<float>(1000));
        Assert.Equal(expected, WidthChoice.For<double>(1000));
    }

    [Fact]
    public void Inputs_shorter_than_a_vector_step_down_to_a_narrower_width()
    {
        Assert.Equal(Width.Scalar, WidthChoice.For<float>(1));
        Assert.Equal(Width.Scalar, WidthChoice.For<double>(0));
        if (SimdHardware.Path == SimdPath.Avx512)
        {
            Assert.Equal(Width.V256, WidthChoice.For<float>(15));
            Assert.Equal(Width.V128, WidthChoice.For<double>(3));
        }
    }

    [Fact]
    public void No_wider_than_256_caps_only_the_512_bit_width()
    {
        Width full = WidthChoice.For<float>(1000);
        Width capped = WidthChoice.NoWiderThan256<float>(1000);
        Assert.Equal(full == Width.V512 ? Width.V256 : full, capped);
        Assert.Equal(WidthChoice.For<float>(7), WidthChoice.NoWiderThan256<float>(7));
        Assert.Equal(Width.Scalar, WidthChoice.NoWiderThan256<double>(1));
        if (SimdHardware.Path == SimdPath.Avx512)
        {
            Assert.Equal(Width.V256, WidthChoice.NoWiderThan256<float>(32));
            Assert.Equal(Width.V256, WidthChoice.NoWiderThan256<double>(16));
            Assert.Equal(Width.V128, WidthChoice.NoWiderThan256<double>(3));
        }
    }
}
