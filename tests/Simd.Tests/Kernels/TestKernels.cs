using System;
using Simd;

namespace Simd.Tests.Kernels;

/// <summary>One kernel per shape the generator supports, in single precision; the tests compare each generated path with these methods.</summary>
public static partial class TestKernels
{
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float SquaredError(float prediction, float target)
    {
        float d = prediction - target;
        return d * d;
    }

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float Huber(float residual, [Uniform] float delta)
    {
        float a = Math.Abs(residual);
        return a <= delta ? 0.5f * residual * residual : delta * (a - (0.5f * delta));
    }

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float Blend(float a, float b, float c) => (Math.Max(a, b) * c) - (Math.Min(a, c) / b);

    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float Four(float a, float b, float c, float d) => MathF.FusedMultiplyAdd(a, b, c) - MathF.Sqrt(MathF.Abs(d));

    [Kernel]
    public static void Step(ref float weight, float gradient, [Uniform] float learningRate) => weight -= learningRate * gradient;

    [Kernel]
    public static void Momentum(ref float velocity, float gradient, float weight, [Uniform] float beta, [Uniform] float decay)
    {
        float g = gradient + (decay * weight);
        velocity = (beta * velocity) + ((1 - beta) * g);
    }

    [Kernel]
    public static float Negate(float x) => -x;

    [Kernel(Reductions = Reduction.Max)]
    public static float Compare(float x, float y)
    {
        bool same = x == y;
        bool below = x < y || x <= -1e30f;
        return same ? 1f : (x != y && !below ? -1f : (x >= y ? 2f : (x > y ? 3f : 0f)));
    }

    [Kernel]
    public static float Clamped(float x, [Uniform] float low, [Uniform] float high) => Math.Clamp(x, low, high);

    [Kernel(Reductions = Reduction.Sum)]
    public static float CallsKernel(float prediction, float target) => SquaredError(prediction, target) + Negate(target);

    [Kernel]
    public static float Counter(float x)
    {
        float y = x;
        y++;
        y *= 3;
        y /= 2;
        y -= x;
        return y;
    }

    [Kernel(Reductions = Reduction.Min | Reduction.Max)]
    public static float MaxOf(float a, float b) => Math.Max(a, b);

    [Kernel(Reductions = Reduction.Min | Reduction.Max)]
    public static float MinOf(float a, float b) => Math.Min(a, b);

    [Kernel]
    public static float ExpOf(float x) => MathF.Exp(x);

    [Kernel]
    public static float LogOf(float x) => MathF.Log(x);

    [Kernel]
    public static float TanhOf(float x) => MathF.Tanh(x);

    [Kernel(Reductions = Reduction.Sum)]
    public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));
}
