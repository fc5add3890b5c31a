using System;
using Simd;

namespace Simd.Tests.Kernels;

/// <summary>The double-precision twins of <see cref="TestKernels"/>.</summary>
public static partial class TestKernelsDouble
{
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static double SquaredError(double prediction, double target)
    {
        double d = prediction - target;
        return d * d;
    }

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static double Huber(double residual, [Uniform] double delta)
    {
        double a = Math.Abs(residual);
        return a <= delta ? 0.5 * residual * residual : delta * (a - (0.5 * delta));
    }

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static double Blend(double a, double b, double c) => (Math.Max(a, b) * c) - (Math.Min(a, c) / b);

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static double Four(double a, double b, double c, double d) => Math.FusedMultiplyAdd(a, b, c) - Math.Sqrt(Math.Abs(d));

    [Kernel]
    public static void Step(ref double weight, double gradient, [Uniform] double learningRate) => weight -= learningRate * gradient;

    [Kernel]
    public static double Negate(double x) => -x;

    [Kernel]
    public static double Clamped(double x, [Uniform] double low, [Uniform] double high) => Math.Clamp(x, low, high);

    [Kernel]
    public static double ExpOf(double x) => Math.Exp(x);

    [Kernel]
    public static double LogOf(double x) => Math.Log(x);

    [Kernel]
    public static double TanhOf(double x) => Math.Tanh(x);
}
