using System;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>Bad input to Blas.Gemm and Blas.Gemv fails with messages that name the shapes and the argument.</summary>
public class GemmArgumentTests
{
    private static MatrixView<float> M(int rows, int columns) => new(new float[rows * columns], rows, columns);

    [Fact]
    public void Inner_dimension_mismatch_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm(M(3, 4), M(5, 6), M(3, 6)));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("A is 3×4", e.Message, StringComparison.Ordinal);
        Assert.Contains("B is 5×6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_dimension_mismatch_reports_transposed_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm(Transpose.Transpose, Transpose.None, 1f, M(3, 4), M(5, 6), 0f, M(4, 6)));
        Assert.Contains("Aᵀ is 4×3", e.Message, StringComparison.Ordinal);
        Assert.Contains("B is 5×6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_output_shape_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm(M(3, 4), M(4, 6), M(3, 5)));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("c is 3×5", e.Message, StringComparison.Ordinal);
        Assert.Contains("is 3×6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_aliasing_an_input_is_rejected()
    {
        float[] data = new float[16];
        var whole = new MatrixView<float>(data, 4, 4);
        var ea = Assert.Throws<ArgumentException>(() => Gemm(whole, M(4, 4), whole));
        Assert.Equal("c", ea.ParamName);
        Assert.Contains("shares elements with a", ea.Message, StringComparison.Ordinal);

        // B = the left two columns, C = a 2×2 block at (1, 1): they share only element (1, 1) and (2, 1).
        var left = new ReadOnlyMatrixView<float>(data, 4, 2, 4);
        var corner = new MatrixView<float>(data.AsMemory(5), 2, 2, 4);
        var eb = Assert.Throws<ArgumentException>(() => Gemm(M(2, 4), left, corner));
        Assert.Contains("shares elements with b", eb.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interleaved_views_of_one_buffer_that_share_no_element_are_allowed()
    {
        // Columns 0–1 and 2–3 of one 4×4 buffer: c = left half, a = right half.
        float[] data = new float[16];
        for (int i = 0; i < 16; i++)
        {
            data[i] = i;
        }

        var left = new MatrixView<float>(data, 4, 2, 4);
        var right = new ReadOnlyMatrixView<float>(data.AsMemory(2), 4, 2, 4);
        float[] identity = [1, 0, 0, 1];
        Gemm(right, new ReadOnlyMatrixView<float>(identity, 2, 2), left);
        Assert.Equal([2f, 3f, 2f, 3f, 6f, 7f, 6f, 7f, 10f, 11f, 10f, 11f, 14f, 15f, 14f, 15f], data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Bad_degree_of_parallelism_is_rejected(int degree)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm(M(2, 2), M(2, 2), M(2, 2), degree));
        Assert.Equal("maxDegreeOfParallelism", e.ParamName);
        Assert.Contains("-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_op_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm((Transpose)7, Transpose.None, 1f, M(2, 2), M(2, 2), 0f, M(2, 2)));
        Assert.Equal("transposeA", e.ParamName);
    }

    [Fact]
    public void Gemv_length_mismatches_name_the_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemv(Transpose.None, 1f, M(3, 4), new float[5], 0f, new float[3]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x has 5 elements but A is 3×4", ex.Message, StringComparison.Ordinal);
        var ey = Assert.Throws<ArgumentException>(() => Gemv(Transpose.Transpose, 1f, M(3, 4), new float[3], 0f, new float[3]));
        Assert.Equal("y", ey.ParamName);
        Assert.Contains("y has 3 elements but Aᵀ is 4×3", ey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gemv_output_aliasing_is_rejected()
    {
        float[] data = new float[12];
        var a = new ReadOnlyMatrixView<float>(data, 3, 4);
        var ea = Assert.Throws<ArgumentException>(() => Gemv(Transpose.None, 1f, a, new float[4], 0f, data.AsSpan(0, 3)));
        Assert.Contains("shares elements with a", ea.Message, StringComparison.Ordinal);
        float[] v = new float[4];
        var ex = Assert.Throws<ArgumentException>(() => Gemv(Transpose.None, 1f, new ReadOnlyMatrixView<float>(new float[16], 4, 4), v, 0f, v));
        Assert.Contains("shares elements with x", ex.Message, StringComparison.Ordinal);
    }
}
