using System;
using System.Collections.Generic;
using Simd.Hardware;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>
/// Blas.Gemm against a compensated double-precision reference on random shapes, transposes, strides and α/β.
/// </summary>
/// <remarks>
/// Tolerance, per element: <c>(γ(k+2) + 4·u_double)·S</c> with <c>S = |α|·Σ_p|a_ip·b_pj| + |β·c_ij|</c> and u the unit
/// roundoff of the type under test. Derivation: the kernel sums the k products of an element in a fixed order with one
/// rounding each (FMA: product exact, sum rounded; without FMA the product and the sum are rounded, which the same
/// count covers because the first product lands on an exact zero). The sum is cut into k-blocks of length kc; a block's
/// partial sum is folded into C with one fused <c>α·acc + C</c>, so a product passes at most <c>kc − 1 + ⌈k/kc⌉ ≤ k</c>
/// roundings before the last fold, plus one for the rounding of <c>β·c</c> into the first fold and one for the fold
/// itself: at most k + 2 in all, hence Higham's <c>γ(k+2)</c>. The reference's own error (see <see cref="GemmReference"/>)
/// is at most <c>4·u_double·S</c>.
/// </remarks>
public class GemmAccuracyTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 300, 257 }, { 300, 1, 257 }, { 1, 1, 700 }, { 2, 3, 1 }, { 7, 13, 17 },
        { 6, 64, 256 }, { 12, 128, 512 }, { 97, 101, 103 }, { 65, 129, 300 }, { 13, 67, 513 }, { 37, 600, 40 },
        { 150, 31, 9 }, { 5, 1100, 3 },
        // Past the B block (NC: 4096 float, 2048 double columns) and the A block (MC: 144 float, 72 double rows).
        { 150, 4130, 9 }, { 75, 2060, 40 },
        // Up to four row tiles the kernel reads B in place (the last partial panel packed); just above, B is packed.
        { 24, 100, 300 }, { 25, 100, 300 }, { 18, 70, 600 },
        // k-blocks of at most ShortKC (32) take the tiles row tile by row tile: one block exactly 32 long, a short last
        // block after a full one (accumulating into C), and one just longer; with partial row tiles and panels.
        { 61, 45, 32 }, { 100, 70, 280 }, { 203, 1031, 33 },
        // Either side of the narrow-product switch to the 256-bit kernel on the AVX-512 path (32 float, 16 double columns).
        { 40, 16, 70 }, { 40, 17, 70 }, { 40, 32, 70 }, { 40, 33, 70 },
    };

    public static TheoryData<Transpose, Transpose> Ops => new()
    {
        { Transpose.None, Transpose.None }, { Transpose.Transpose, Transpose.None },
        { Transpose.None, Transpose.Transpose }, { Transpose.Transpose, Transpose.Transpose },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_matches_reference_on_random_shapes(int m, int n, int k)
        => GemmCase.RunFloat(m, n, k, Transpose.None, Transpose.None, 1f, 0f, seed: (m * 7919) + (n * 31) + k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_matches_reference_on_random_shapes(int m, int n, int k)
        => GemmCase.RunDouble(m, n, k, Transpose.None, Transpose.None, 1d, 0d, seed: (m * 7919) + (n * 31) + k);

    [Theory]
    [MemberData(nameof(Ops))]
    public void Float_transposes_match_reference(Transpose opA, Transpose opB)
    {
        GemmCase.RunFloat(23, 71, 45, opA, opB, 1.5f, -0.75f, seed: 11);
        GemmCase.RunFloat(1, 97, 300, opA, opB, 1f, 0f, seed: 12);
        GemmCase.RunFloat(131, 5, 260, opA, opB, -2f, 1f, seed: 13);
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void Double_transposes_match_reference(Transpose opA, Transpose opB)
    {
        GemmCase.RunDouble(23, 71, 45, opA, opB, 1.5, -0.75, seed: 21);
        GemmCase.RunDouble(131, 5, 260, opA, opB, -2, 1, seed: 23);
    }

    [Theory]
    [InlineData(1f, 0f)]
    [InlineData(2.5f, 0f)]
    [InlineData(-0.5f, 1.5f)]
    [InlineData(1f, 1f)]
    [InlineData(0f, 2f)]
    [InlineData(0f, 0f)]
    public void Alpha_and_beta_follow_blas(float alpha, float beta)
    {
        GemmCase.RunFloat(19, 70, 33, Transpose.None, Transpose.None, alpha, beta, seed: 5);
        GemmCase.RunDouble(19, 70, 33, Transpose.Transpose, Transpose.None, alpha, beta, seed: 6);
    }

    /// <summary>m ≤ 8 rows times a transposed matrix takes the unpacked dot-product form; vector tails and odd n included.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    public void Few_rows_times_transposed_matrix_match_reference(int m)
    {
        GemmCase.RunFloat(m, 37, 5, Transpose.None, Transpose.Transpose, 1f, 0f, seed: m);
        GemmCase.RunFloat(m, 301, 259, Transpose.None, Transpose.Transpose, -0.5f, 2f, seed: m + 1, threads: 2);
        GemmCase.RunDouble(m, 33, 70, Transpose.None, Transpose.Transpose, 1.5, 0, seed: m + 2);
    }

    /// <summary>
    /// Up to four row tiles times an untransposed B read B in place in k-blocks of 64: several k-blocks and a partial one,
    /// a partial last column panel, one and two threads.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(16)]
    [InlineData(24)]
    public void Few_rows_reading_B_in_place_match_reference(int m)
    {
        GemmCase.RunFloat(m, 301, 200, Transpose.None, Transpose.None, 1.5f, 0.5f, seed: m, threads: 1);
        GemmCase.RunFloat(m, 301, 200, Transpose.Transpose, Transpose.None, 1f, 0f, seed: m + 1, threads: 2);
        GemmCase.RunDouble(m, 157, 130, Transpose.None, Transpose.None, -1d, 2d, seed: m + 2, threads: 2);
    }

    [Fact]
    public void Beta_zero_ignores_NaN_and_infinity_in_C()
    {
        // 8 × 70 covers full tiles and an edge tile on every path.
        float[] a = GemmCase.RandomFloats(8 * 5, 1), b = GemmCase.RandomFloats(5 * 70, 2);
        float[] c = new float[8 * 70];
        Array.Fill(c, float.NaN);
        c[3] = float.PositiveInfinity;
        Gemm(Transpose.None, Transpose.None, 1f, new ReadOnlyMatrixView<float>(a, 8, 5), new ReadOnlyMatrixView<float>(b, 5, 70), 0f, new MatrixView<float>(c, 8, 70));
        Assert.All(c, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Alpha_zero_and_k_zero_scale_C_without_reading_A_and_B()
    {
        float[] a = [float.NaN, float.NaN], b = [float.NaN, float.NaN];
        float[] c = [1, 2, 3, 4];
        Gemm(Transpose.None, Transpose.None, 0f, new ReadOnlyMatrixView<float>(a, 2, 1), new ReadOnlyMatrixView<float>(b, 1, 2), 3f, new MatrixView<float>(c, 2, 2));
        Assert.Equal([3f, 6f, 9f, 12f], c);

        double[] cd = [double.NaN, 5];
        Gemm(Transpose.None, Transpose.None, 1d, new ReadOnlyMatrixView<double>(Array.Empty<double>(), 1, 0), new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 2), 0d, new MatrixView<double>(cd, 1, 2));
        Assert.Equal([0d, 0d], cd);
    }

    [Fact]
    public void Empty_outputs_are_left_alone()
    {
        float[] c = [7f];
        Gemm(new ReadOnlyMatrixView<float>(Array.Empty<float>(), 0, 3), new ReadOnlyMatrixView<float>(new float[6], 3, 2), new MatrixView<float>(c, 0, 2));
        Gemm(new ReadOnlyMatrixView<float>(new float[6], 2, 3), new ReadOnlyMatrixView<float>(Array.Empty<float>(), 3, 0), new MatrixView<float>(c, 2, 0));
        Assert.Equal(7f, c[0]);
    }

    [Fact]
    public void Strided_views_read_and_write_only_their_elements()
    {
        // GemmCase already pads every row and offsets every view; this case uses a stride far beyond the row.
        GemmCase.RunFloat(9, 20, 31, Transpose.None, Transpose.Transpose, 1f, 0.5f, seed: 77, padding: 45);
        GemmCase.RunDouble(9, 20, 31, Transpose.Transpose, Transpose.None, 1d, 0.5d, seed: 78, padding: 45);
    }

    /// <summary>Every micro-kernel this machine can run, called directly, so each is checked whichever path the process takes.</summary>
    [Theory]
    [InlineData("avx512")]
    [InlineData("avx2")]
    [InlineData("vector")]
    [InlineData("scalar")]
    public void Every_micro_kernel_matches_reference(string kernel)
    {
        if (!GemmCase.KernelRuns(kernel))
        {
            return;
        }

        foreach ((int m, int n, int k) in new List<(int, int, int)> { (1, 1, 1), (13, 67, 300), (64, 70, 9), (7, 130, 513) })
        {
            GemmCase.RunFloat(m, n, k, Transpose.None, Transpose.Transpose, 1.25f, -1f, seed: m + n + k, kernel: kernel);
            GemmCase.RunDouble(m, n, k, Transpose.Transpose, Transpose.None, 1.25, 0, seed: m + n + k, kernel: kernel);
        }
    }

    [Fact]
    public void The_process_path_is_one_of_the_tested_kernels()
        => Assert.True(GemmCase.KernelRuns(GemmCase.KernelOf(SimdHardware.Path)));
}
