using System;
using Simd.Hardware;
using Simd.Operators;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>
/// Kernels calling Exp, Log and Tanh: every path within the stated ulp bound of the scalar method
/// (<see cref="KernelMath"/>'s <c>…MaxUlpFromScalar</c> constants); special values identical.
/// </summary>
public sealed class TranscendentalKernelTests
{
    [Fact]
    public void SingleFunctionsWithinTheirBounds() => Property.Check(LaneCase.Arbitrary(0.1), c =>
    {
        float[] x = c.Singles(0);
        Check(x, TestKernels.ExpOf, MathF.Exp, KernelMath.ExpSingleMaxUlpFromScalar);
        Check(x, TestKernels.LogOf, MathF.Log, KernelMath.LogSingleMaxUlpFromScalar);
        Check(x, TestKernels.TanhOf, MathF.Tanh, KernelMath.TanhSingleMaxUlpFromScalar);
    });

    [Fact]
    public void DoubleFunctionsWithinTheirBounds() => Property.Check(LaneCase.Arbitrary(0.1), c =>
    {
        double[] x = c.Doubles(0);
        Check(x, TestKernelsDouble.ExpOf, Math.Exp, KernelMath.ExpDoubleMaxUlpFromScalar);
        Check(x, TestKernelsDouble.LogOf, Math.Log, KernelMath.LogDoubleMaxUlpFromScalar);
        Check(x, TestKernelsDouble.TanhOf, Math.Tanh, KernelMath.TanhDoubleMaxUlpFromScalar);
    });

    [Fact]
    public void SigmoidComposesExactlyAroundExp()
    {
        // 1/(1+e) adds at most half an ulp per operation to Exp's error, and the outer division and addition
        // shrink a relative error in e: the sigmoid stays within Exp's bound + 2 ulp of the scalar method.
        var x = new float[513];
        var random = new Random(5);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() - 0.5) * 60);
        }

        var y = new float[x.Length];
        TestKernels.Sigmoid(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Ulps(TestKernels.Sigmoid(x[i]), y[i]) <= KernelMath.ExpSingleMaxUlpFromScalar + 2, $"sigmoid({x[i]:R}) = {y[i]:R}");
        }
    }

    private static void Check(float[] x, SingleMapOf kernel, Func<float, float> scalar, int bound)
    {
        var y = new float[x.Length];
        kernel(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            float expected = scalar(x[i]);
            long ulps = Ulps(expected, y[i]);
            Assert.True(ulps <= bound, $"{SimdHardware.Path}: f({x[i]:R}) = {y[i]:R}, scalar {expected:R}: {ulps} ulp > {bound}");
        }
    }

    private static void Check(double[] x, DoubleMapOf kernel, Func<double, double> scalar, int bound)
    {
        var y = new double[x.Length];
        kernel(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = scalar(x[i]);
            long ulps = Ulps(expected, y[i]);
            Assert.True(ulps <= bound, $"{SimdHardware.Path}: f({x[i]:R}) = {y[i]:R}, scalar {expected:R}: {ulps} ulp > {bound}");
        }
    }

    /// <summary>Distance in representable floats; NaN against NaN is 0, NaN against a number is "infinitely" far.</summary>
    private static long Ulps(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        }

        return Math.Abs(Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));
    }

    private static long Ulps(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        }

        long x = BitConverter.DoubleToInt64Bits(a), y = BitConverter.DoubleToInt64Bits(b);
        x = x < 0 ? long.MinValue - x : x;
        y = y < 0 ? long.MinValue - y : y;
        return Math.Abs(x - y);
    }

    private static long Ordered(int bits) => bits < 0 ? (long)int.MinValue - bits : bits;

    private delegate void SingleMapOf(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void DoubleMapOf(ReadOnlySpan<double> x, Span<double> destination);
}
