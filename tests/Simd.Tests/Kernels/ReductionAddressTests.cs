using System;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>
/// A sum's order of additions depends on the vector path and the length only: the same values at any of the
/// 16 offsets from a 64-byte boundary (every position within a cache line for float) give bit-identical
/// sums, dots and fused kernel sums, on either side of the length from which the driver aligns its loads.
/// </summary>
public sealed unsafe class ReductionAddressTests
{
    private const int Offsets = 16;

    // Short lengths take the plain loop; from 128 blocks (2K floats on AVX-512, fewer on narrower paths) a
    // misaligned first lane takes the aligned loop, which must give the same bits as the plain loop at offset 0.
    private static Arbitrary<(int Length, int Seed)> Cases =>
        Gen.Zip(Gen.OneOf(Gen.Choose(1, 600), Gen.Choose(600, 4500)), Gen.Choose(0, int.MaxValue)).ToArbitrary();

    [Fact]
    public void FloatSumsDoNotDependOnTheAddress() => Support.Property.Check(Cases, c =>
    {
        var random = new Random(c.Seed);
        float[] x = new float[c.Length], y = new float[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            x[i] = (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-8, 9)));
            y[i] = (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-8, 9)));
        }

        AtEveryOffset(x, y, (a, b) => (global::Simd.Blas.Sum(a), global::Simd.Blas.Dot(a, b), global::Simd.Blas.SumOfSquares(a), TestKernels.SquaredErrorSum(a, b)));
    });

    [Fact]
    public void DoubleSumsDoNotDependOnTheAddress() => Support.Property.Check(Cases, c =>
    {
        var random = new Random(c.Seed);
        double[] x = new double[c.Length], y = new double[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            x[i] = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 31));
            y[i] = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 31));
        }

        AtEveryOffset(x, y, (a, b) => (global::Simd.Blas.Sum(a), global::Simd.Blas.Dot(a, b), global::Simd.Blas.SumOfSquares(a), TestKernelsDouble.SquaredErrorSum(a, b)));
    });

    // Kernels that call a KernelMath function sum one block per iteration with rotating accumulators; the aligned
    // loop (from 128 blocks, misaligned first lane) keeps four blocks per iteration: both must add in the same order.
    [Fact]
    public void SumsOfKernelsWithFunctionsDoNotDependOnTheAddress() => Support.Property.Check(Cases, c =>
    {
        var random = new Random(c.Seed);
        float[] x = new float[c.Length], y = new float[c.Length];
        double[] z = new double[c.Length], labels = new double[c.Length];
        for (int i = 0; i < c.Length; i++)
        {
            x[i] = (float)((random.NextDouble() - 0.5) * 20);
            y[i] = (float)((random.NextDouble() - 0.5) * 20);
            z[i] = (random.NextDouble() - 0.5) * 40;
            labels[i] = random.Next(2);
        }

        AtEveryOffset(x, y, (a, b) => (TestKernels.SigmoidSum(a), TestKernels.SigmoidSum(b), TestKernels.SquaredErrorSum(a, b), 0f));
        AtEveryOffset(z, labels, (a, b) => (global::Simd.Learning.LearningKernels.LogLossTermSum(a, b), global::Simd.Learning.LearningKernels.LogLossTermSum(b, a), 0.0, 0.0));
    });

    private delegate (T, T, T, T) Sums<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y);

    /// <summary>Copies x and y to every element offset from a 64-byte boundary (y at a different offset than x) and checks the sums are the same bits.</summary>
    private static void AtEveryOffset<T>(T[] x, T[] y, Sums<T> sums)
        where T : unmanaged
    {
        int n = x.Length;
        nuint bytes = (nuint)((n + Offsets) * sizeof(T));
        T* px = (T*)NativeMemory.AlignedAlloc(bytes, 64), py = (T*)NativeMemory.AlignedAlloc(bytes, 64);
        try
        {
            (T, T, T, T) first = default;
            for (int offset = 0; offset < Offsets; offset++)
            {
                var sx = new Span<T>(px + offset, n);
                var sy = new Span<T>(py + ((offset * 7) % Offsets), n);
                x.CopyTo(sx);
                y.CopyTo(sy);
                (T, T, T, T) result = sums(sx, sy);
                if (offset == 0)
                {
                    first = result;
                }
                else
                {
                    Assert.True(first.Equals(result), $"n = {n}: at offset {offset} the sums are {result}, at offset 0 {first}.");
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(px);
            NativeMemory.AlignedFree(py);
        }
    }
}
