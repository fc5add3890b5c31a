using Simd.Hardware;
using Simd.MatrixMultiply;
using Simd.Widths;
using Xunit;

namespace Simd.Tests.Blas;

/// <summary>
/// Which micro-kernel width a product runs at: the process path's widest, except that on the 512-bit path a
/// product no wider than half the 512-bit tile (32 floats, 16 doubles) takes the 256-bit kernel.
/// </summary>
public class GemmKernelWidthTests
{
    [Fact]
    public void Wide_products_run_at_the_widest_width_of_the_process_path()
    {
        Assert.Equal(WidthChoice.Widest<float>(), GemmDispatch.KernelWidth<float>(33));
        Assert.Equal(WidthChoice.Widest<float>(), GemmDispatch.KernelWidth<float>(4096));
        Assert.Equal(WidthChoice.Widest<double>(), GemmDispatch.KernelWidth<double>(17));
    }

    [Fact]
    public void Narrow_products_take_the_256_bit_kernel_on_the_512_bit_path_only()
    {
        Width narrowFloat = GemmDispatch.KernelWidth<float>(32);
        Width narrowDouble = GemmDispatch.KernelWidth<double>(16);
        if (WidthChoice.Widest<float>() == Width.V512)
        {
            Assert.Equal(Width.V256, narrowFloat);
            Assert.Equal(Width.V256, GemmDispatch.KernelWidth<float>(1));
            Assert.Equal(Width.V256, narrowDouble);
            Assert.Equal(Width.V512, GemmDispatch.KernelWidth<double>(17));
        }
        else
        {
            Assert.Equal(WidthChoice.Widest<float>(), narrowFloat);
            Assert.Equal(WidthChoice.Widest<double>(), narrowDouble);
        }
    }

    [Fact]
    public void The_threshold_is_half_the_512_bit_tile()
    {
        Assert.Equal(64, MicroKernelAvx512<float>.NR);
        Assert.Equal(32, MicroKernelAvx512<double>.NR);
        if (SimdHardware.Path == SimdPath.Avx512)
        {
            Assert.Equal(Width.V512, GemmDispatch.KernelWidth<float>(MicroKernelAvx512<float>.NR / 2 + 1));
        }
    }
}
