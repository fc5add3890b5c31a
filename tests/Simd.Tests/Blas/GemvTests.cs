using System;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>
/// Blas.Gemv against the compensated reference (a GEMV is a GEMM with one column), tolerance
/// <c>(γ(n+2) + 4·u_double)·S</c> as derived in <see cref="GemmAccuracyTests"/>: the vector loop keeps two
/// accumulators per row and adds them and the lanes at the end, which regroups the sum but still gives each
/// product at most n roundings (a pairwise tree over the lanes is shallower than the sequential chain).
/// </summary>
public class GemvTests
{
    private const double FloatRoundoff = 5.9604644775390625e-08;
    private const double DoubleRoundoff = 1.1102230246251565e-16;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(100, 1)]
    [InlineData(3, 5)]
    [InlineData(17, 33)]
    [InlineData(64, 64)]
    [InlineData(101, 257)]
    public void Float_both_orientations_match_reference(int rows, int columns)
    {
        foreach (Transpose op in new[] { Transpose.None, Transpose.Transpose })
        {
            foreach ((float alpha, float beta) in new[] { (1f, 0f), (-1.5f, 0.25f), (0f, 2f) })
            {
                Check(rows, columns, op, alpha, beta, FloatRoundoff, seed: rows + columns);
            }
        }
    }

    [Theory]
    [InlineData(5, 9)]
    [InlineData(33, 130)]
    public void Double_both_orientations_match_reference(int rows, int columns)
    {
        foreach (Transpose op in new[] { Transpose.None, Transpose.Transpose })
        {
            CheckDouble(rows, columns, op, 0.5, -1, seed: rows * columns);
            CheckDouble(rows, columns, op, 2, 0, seed: rows * columns);
        }
    }

    [Fact]
    public void Empty_matrix_scales_y()
    {
        float[] y = [float.NaN, 1];
        Gemv(Transpose.Transpose, 1f, new ReadOnlyMatrixView<float>(Array.Empty<float>(), 0, 2), ReadOnlySpan<float>.Empty, 0f, y);
        Assert.Equal([0f, 0f], y);
    }

    private static void Check(int rows, int columns, Transpose op, float alpha, float beta, double roundoff, int seed)
    {
        float[] a = GemmCase.RandomFloats((rows * (columns + 2)) + 1, seed);
        var view = new ReadOnlyMatrixView<float>(a.AsMemory(1), rows, columns, columns + 2);
        (int m, int n) = op == Transpose.None ? (rows, columns) : (columns, rows);
        float[] x = GemmCase.RandomFloats(n, seed + 1), y = GemmCase.RandomFloats(m, seed + 2);
        if (beta == 0)
        {
            Array.Fill(y, float.NaN);
        }

        double[] yOld = Array.ConvertAll(y, v => (double)v);
        Gemv(op, alpha, view, x, beta, y);
        (double[] want, double[] magnitude) = GemmReference.Gemm(
            op == Transpose.Transpose, false, alpha, Array.ConvertAll(a[1..], v => (double)v), columns + 2, Array.ConvertAll(x, v => (double)v), 1, beta, yOld, 1, m, 1, n);
        Compare(y, want, magnitude, GemmReference.Gamma(n + 2, roundoff) + GemmReference.ReferenceSlackFactor);
    }

    private static void CheckDouble(int rows, int columns, Transpose op, double alpha, double beta, int seed)
    {
        var random = new Random(seed);
        double[] a = new double[rows * columns];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
        }

        (int m, int n) = op == Transpose.None ? (rows, columns) : (columns, rows);
        double[] x = new double[n], y = new double[m];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() - 0.5;
        }

        for (int i = 0; i < m; i++)
        {
            y[i] = random.NextDouble() - 0.5;
        }

        double[] yOld = (double[])y.Clone();
        Gemv(op, alpha, new ReadOnlyMatrixView<double>(a, rows, columns), x, beta, y);
        (double[] want, double[] magnitude) = GemmReference.Gemm(op == Transpose.Transpose, false, alpha, a, columns, x, 1, beta, yOld, 1, m, 1, n);
        Compare(y, want, magnitude, GemmReference.Gamma(n + 2, DoubleRoundoff) + GemmReference.ReferenceSlackFactor);
    }

    private static void Compare<T>(T[] got, double[] want, double[] magnitude, double gamma)
        where T : System.Numerics.INumberBase<T>
    {
        for (int i = 0; i < got.Length; i++)
        {
            double g = double.CreateChecked(got[i]);
            Assert.True(Math.Abs(g - want[i]) <= gamma * magnitude[i], $"y[{i}] = {g}, expected {want[i]} ± {gamma * magnitude[i]}");
        }
    }
}
