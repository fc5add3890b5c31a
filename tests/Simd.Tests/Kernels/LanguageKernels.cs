using System;
using System.Numerics;
using Simd;

namespace Simd.Tests.Kernels;

/// <summary>
/// Kernels written the way one writes the scalar method: several outputs, if / else with early returns, unrolled
/// loops, local functions and helpers, generic T and the generic-math spellings. The tests hold every path to them.
/// </summary>
public static partial class LanguageKernels
{
    /// <summary>SGD with momentum (PyTorch's form): v ← μ·v + g, w ← w − lr·v. Two 'ref' lanes, one pass.</summary>
    [Kernel]
    public static void SgdMomentum(ref float weight, ref float velocity, float gradient, [Uniform] float learningRate, [Uniform] float momentum)
    {
        velocity = (momentum * velocity) + gradient;
        weight -= learningRate * velocity;
    }

    /// <summary>One Adam step with bias corrections c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ passed in. Three 'ref' lanes.</summary>
    [Kernel]
    public static void Adam(
        ref float weight, ref float m, ref float v, float gradient,
        [Uniform] float learningRate, [Uniform] float beta1, [Uniform] float beta2, [Uniform] float epsilon, [Uniform] float c1, [Uniform] float c2)
    {
        m = (beta1 * m) + ((1 - beta1) * gradient);
        v = (beta2 * v) + ((1 - beta2) * gradient * gradient);
        float mHat = m / c1;
        float vHat = v / c2;
        weight -= learningRate * mHat / (MathF.Sqrt(vHat) + epsilon);
    }

    /// <summary>
    /// A sigmoid-shaped activation (0.5 + 0.5·x / (1 + |x|), exact arithmetic only, so every path gives the scalar
    /// bits) and its derivative: an 'out' lane beside the returned value.
    /// </summary>
    [Kernel(Reductions = Reduction.Sum | Reduction.Max)]
    public static float SigmoidWithGrad(float x, out float grad)
    {
        float d = 1f + MathF.Abs(x);
        grad = 0.5f / (d * d);
        return 0.5f + (0.5f * x / d);
    }

    /// <summary>Update the weights and return the loss term: one pass for both.</summary>
    [Kernel(Reductions = Reduction.Sum | Reduction.Min)]
    public static float StepAndLoss(ref float weight, float gradient, [Uniform] float learningRate)
    {
        weight -= learningRate * gradient;
        return gradient * gradient;
    }

    /// <summary>Leaky ReLU with if / else.</summary>
    [Kernel]
    public static float LeakyRelu(float x, [Uniform] float slope)
    {
        float y;
        if (x > 0)
        {
            y = x;
        }
        else
        {
            y = slope * x;
        }

        return y;
    }

    /// <summary>Huber loss with an early return and an else-if chain.</summary>
    [Kernel(Reductions = Reduction.Sum)]
    public static float Huber(float residual, [Uniform] float delta)
    {
        float a = MathF.Abs(residual);
        if (float.IsNaN(residual))
        {
            return 0;
        }
        else if (a <= delta)
        {
            return 0.5f * residual * residual;
        }

        return delta * (a - (0.5f * delta));
    }

    /// <summary>Gradient clipping, nested ifs with returns and assignments to an 'out' lane in branches.</summary>
    [Kernel]
    public static float Clip(float g, [Uniform] float limit, out float clipped)
    {
        clipped = 0;
        if (g > limit)
        {
            clipped = 1;
            if (g > 2 * limit)
            {
                clipped = 2;
            }

            return limit;
        }

        if (g < -limit)
        {
            clipped = -1;
            return -limit;
        }

        return g;
    }

    /// <summary>A polynomial by Horner's rule, with a for loop over a constant degree.</summary>
    [Kernel]
    public static float Horner(float x)
    {
        float r = 0;
        for (int i = 5; i >= 0; i--)
        {
            r = (r * x) + (1f / (i + 1));
        }

        return r;
    }

    /// <summary>Nested loops whose body branches.</summary>
    [Kernel]
    public static float Steps(float x)
    {
        float r = x;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j += 1)
            {
                if (r > i * j)
                {
                    r -= 0.25f;
                }
                else
                {
                    r += j;
                }
            }
        }

        return r;
    }

    /// <summary>A static local function and a static helper of the class, inlined.</summary>
    [Kernel]
    public static float SquaredDistance(float a, float b)
    {
        static float Square(float v) => v * v;
        return Square(a - b) + Half(a);
    }

    /// <summary>Generic ReLU: one kernel, generated for float and for double.</summary>
    [Kernel(Reductions = Reduction.Sum | Reduction.Max)]
    public static T Relu<T>(T x)
        where T : INumber<T> => T.Max(x, T.Zero);

    /// <summary>A generic softplus with generic-math functions and a conversion of a constant.</summary>
    [Kernel]
    public static T Softplus<T>(T x, [Uniform] T beta)
        where T : IFloatingPointIeee754<T>
    {
        T bx = beta * x;
        if (bx > T.CreateChecked(20))
        {
            return x;
        }

        return T.Log(T.One + T.Exp(bx)) / beta;
    }

    /// <summary>The generic-math spellings on float, and the classification functions.</summary>
    [Kernel]
    public static float Spellings(float x, float y)
    {
        if (!float.IsFinite(x) || float.IsNegative(y))
        {
            return float.IsInfinity(x) ? 1 : (float.IsNegativeInfinity(y) ? 2 : 3);
        }

        return float.Max(x, y) + float.Min(x, float.Abs(y)) + float.FusedMultiplyAdd(x, y, 1);
    }

    /// <summary>The fast multiply-add: fused where the machine has FMA, two roundings where it has none, on every path alike.</summary>
    [Kernel]
    public static float Estimate(float x, float y, float z) => float.MultiplyAddEstimate(x, y, z);

    /// <inheritdoc cref="Estimate(float, float, float)"/>
    [Kernel]
    public static double EstimateDouble(double x, double y, double z) => double.MultiplyAddEstimate(x, y, z);

    /// <summary>Double lanes with two outputs and a returned value.</summary>
    [Kernel(Reductions = Reduction.Sum)]
    public static double Split(double x, out double whole, out double rest)
    {
        whole = x >= 0 ? Math.Sqrt(x) : -Math.Sqrt(-x);
        rest = x - (whole * whole);
        return whole + rest;
    }

    /// <summary>The exact rounding functions and CopySign, under the MathF and float spellings and the MidpointRounding modes.</summary>
    [Kernel]
    public static float Rounding(float x)
        => MathF.Floor(x) + (2 * float.Ceiling(x)) + (4 * MathF.Round(x)) + (8 * MathF.Truncate(x))
            + (16 * MathF.Round(x, MidpointRounding.AwayFromZero)) + (32 * MathF.Round(x, MidpointRounding.ToPositiveInfinity)) + (64 * MathF.CopySign(1f, x));

    /// <summary>Math.Sign, whose int the compiler converts (guarded: the scalar method throws on NaN).</summary>
    [Kernel]
    public static double SignOf(double x) => double.IsNaN(x) ? 0 : Math.Sign(x) + Math.Round(x, MidpointRounding.ToZero);

    /// <summary>Trigonometric and exponential functions of generic math on a generic kernel.</summary>
    [Kernel]
    public static T Wave<T>(T x)
        where T : IFloatingPointIeee754<T>
        => (T.Sin(x) * T.Cos(x)) + T.Exp2(x / T.CreateChecked(16)) + T.Atan2(x, T.One) + T.Hypot(x, T.One) + T.Cbrt(x) + T.Pow(T.Abs(x), T.CreateChecked(0.5)) + T.Log2(T.Abs(x) + T.One) + T.Log10(T.Abs(x) + T.One) + T.Atan(x);

    private static float Half(float v) => v * 0.5f;
}
