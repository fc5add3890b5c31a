using System;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>Blas.Gemm gives the same bits for any thread count, above and below the parallel threshold.</summary>
public class GemmThreadingTests
{
    [Theory]
    [InlineData(203, 301, 157, Transpose.None, Transpose.None)]
    [InlineData(7, 1031, 300, Transpose.Transpose, Transpose.None)] // few rows: the split falls on columns
    [InlineData(517, 45, 290, Transpose.None, Transpose.Transpose)]
    [InlineData(8, 1031, 300, Transpose.None, Transpose.Transpose)] // the few-rows dot-product form
    [InlineData(5, 2001, 300, Transpose.None, Transpose.Transpose)]
    [InlineData(16, 1031, 300, Transpose.None, Transpose.None)] // B read in place: threads take column panels
    [InlineData(24, 515, 333, Transpose.Transpose, Transpose.None)]
    public void Float_results_are_bit_identical_for_any_thread_count(int m, int n, int k, Transpose opA, Transpose opB)
    {
        Assert.True((long)m * n * k >= GemmParallelThreshold, "the case must be large enough to run in parallel");
        float[] a = GemmCase.RandomFloats(m * k, 1), b = GemmCase.RandomFloats(k * n, 2), c0 = GemmCase.RandomFloats(m * n, 3);
        var av = opA == Transpose.None ? new ReadOnlyMatrixView<float>(a, m, k) : new ReadOnlyMatrixView<float>(a, k, m);
        var bv = opB == Transpose.None ? new ReadOnlyMatrixView<float>(b, k, n) : new ReadOnlyMatrixView<float>(b, n, k);
        float[] reference = (float[])c0.Clone();
        Gemm(opA, opB, 0.75f, av, bv, 0.5f, new MatrixView<float>(reference, m, n), maxDegreeOfParallelism: 1);
        foreach (int threads in new[] { 2, 3, 4, -1 })
        {
            float[] c = (float[])c0.Clone();
            Gemm(opA, opB, 0.75f, av, bv, 0.5f, new MatrixView<float>(c, m, n), threads);
            Assert.True(reference.AsSpan().SequenceEqual(c), $"{threads} threads differ from one thread");
        }
    }

    [Fact]
    public void Double_results_are_bit_identical_for_any_thread_count()
    {
        const int m = 160, n = 170, k = 180;
        double[] a = new double[m * k], b = new double[k * n];
        var random = new Random(9);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.NextDouble() - 0.5;
        }

        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }

        double[] one = new double[m * n], two = new double[m * n], three = new double[m * n];
        Gemm(new ReadOnlyMatrixView<double>(a, m, k), new ReadOnlyMatrixView<double>(b, k, n), new MatrixView<double>(one, m, n), 1);
        Gemm(new ReadOnlyMatrixView<double>(a, m, k), new ReadOnlyMatrixView<double>(b, k, n), new MatrixView<double>(two, m, n), 2);
        Gemm(new ReadOnlyMatrixView<double>(a, m, k), new ReadOnlyMatrixView<double>(b, k, n), new MatrixView<double>(three, m, n), 3);
        Assert.True(one.AsSpan().SequenceEqual(two));
        Assert.True(one.AsSpan().SequenceEqual(three));
    }

    [Fact]
    public void Multithreaded_result_is_also_accurate()
        => GemmCase.RunFloat(140, 150, 130, Transpose.None, Transpose.None, 1f, 0f, seed: 4, threads: 2);
}
