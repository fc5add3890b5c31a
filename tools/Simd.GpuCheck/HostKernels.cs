using System;
using Simd;

namespace Simd.GpuCheck;

/// <summary>
/// Real <c>[Kernel]</c>s, expanded by the Simd generator: their span overloads run the CPU checks on whatever
/// path this machine takes (AVX-512, AVX2, …), and their device overloads run the same kernels through the
/// generator's CUDA C on the GPU.
/// </summary>
internal static partial class HostKernels
{
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float SquaredDifference(float a, float b)
    {
        float d = a - b;
        return d * d;
    }

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static double SquaredDifferenceDouble(double a, double b)
    {
        double d = a - b;
        return d * d;
    }

    [Kernel]
    public static void Axpy(ref float y, float x, [Uniform] float alpha) => y += alpha * x;

    [Kernel]
    public static void AxpyDouble(ref double y, double x, [Uniform] double alpha) => y += alpha * x;

    [Kernel]
    public static float Clamp([Uniform] float lo, float x, [Uniform] float hi) => Math.Min(Math.Max(x, lo), hi);

    /// <summary>Two ref lanes: the device overload writes both.</summary>
    [Kernel]
    public static void Momentum(ref float weight, ref float velocity, float gradient, [Uniform] float learningRate, [Uniform] float mu)
    {
        velocity = (mu * velocity) + gradient;
        weight -= learningRate * velocity;
    }

    /// <summary>An out lane and a returned value.</summary>
    [Kernel]
    public static float SigmoidWithGrad(float x, out float grad)
    {
        float s = 1 / (1 + MathF.Exp(-x));
        grad = s * (1 - s);
        return s;
    }
}
