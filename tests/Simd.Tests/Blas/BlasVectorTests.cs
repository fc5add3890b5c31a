using System;
using System.Linq;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Blas;

/// <summary>
/// Level-1 <see cref="Simd.Blas"/>: sums within the stated bound of a double-precision reference,
/// element-wise operations bit-exact with their scalar formulas.
/// </summary>
public sealed class BlasVectorTests
{
    [Fact]
    public void SumsAreWithinTheBound() => Property.Check(LaneCase.Arbitrary(specialOdds: 0, maxLength: 600), c =>
    {
        float[] x = c.Singles(0), y = c.Singles(1);
        KernelCheck.Sum(x.Zip(y, (a, b) => a * b).ToArray(), Simd.Blas.Dot(x, y));
        KernelCheck.Sum(x, Simd.Blas.Sum(x));
        KernelCheck.Sum(x.Select(a => a * a).ToArray(), Simd.Blas.SumOfSquares(x));
        double[] u = c.Doubles(0), v = c.Doubles(1);
        KernelCheck.Sum(u.Zip(v, (a, b) => a * b).ToArray(), Simd.Blas.Dot(u, v));
        KernelCheck.Sum(u, Simd.Blas.Sum(u));
        KernelCheck.Sum(u.Select(a => a * a).ToArray(), Simd.Blas.SumOfSquares(u));
    });

    [Fact]
    public void ElementwiseOperationsAreExact() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] x = c.Singles(0), y = c.Singles(1);
        var destination = new float[x.Length];

        Simd.Blas.Add(x, y, destination);
        Assert.True(destination.SequenceEqual(x.Zip(y, (a, b) => a + b), SameSingle.Instance));
        Simd.Blas.Multiply(x, y, destination);
        Assert.True(destination.SequenceEqual(x.Zip(y, (a, b) => a * b), SameSingle.Instance));
        Simd.Blas.Scale(x, -2.5f, destination);
        Assert.True(destination.SequenceEqual(x.Select(a => -2.5f * a), SameSingle.Instance));

        // Axpy fuses where the machine has FMA and multiplies then adds where it has none (never the emulated fused form).
        bool fused = Simd.Hardware.SimdHardware.HasFusedMultiplyAdd;
        float[] expected = y.Zip(x, (b, a) => fused ? MathF.FusedMultiplyAdd(0.75f, a, b) : (0.75f * a) + b).ToArray();
        Simd.Blas.Axpy(0.75f, x, y);
        Assert.True(y.SequenceEqual(expected, SameSingle.Instance));

        double[] u = c.Doubles(0), v = c.Doubles(1);
        double[] expectedDouble = v.Zip(u, (b, a) => fused ? Math.FusedMultiplyAdd(-3.0, a, b) : (-3.0 * a) + b).ToArray();
        Simd.Blas.Axpy(-3.0, u, v);
        Assert.True(v.Zip(expectedDouble).All(p => Values.Same(p.Second, p.First)));
    });

    [Fact]
    public void ScaleInPlace()
    {
        float[] x = Enumerable.Range(0, 37).Select(i => (float)i).ToArray();
        Simd.Blas.Scale(x, 2f, x);
        Assert.Equal(Enumerable.Range(0, 37).Select(i => 2f * i), x);
    }

    [Fact]
    public void DotOfMismatchedLengthsNamesTheArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => Simd.Blas.Dot(new float[3], new float[4]));
        Assert.Equal("y", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Simd.Blas.Axpy(1.0, new double[3], new double[4]));
        Assert.Equal("x", e.ParamName);
    }

    private sealed class SameSingle : System.Collections.Generic.IEqualityComparer<float>
    {
        public static readonly SameSingle Instance = new();

        public bool Equals(float x, float y) => Values.Same(x, y);

        public int GetHashCode(float obj) => 0;
    }
}
