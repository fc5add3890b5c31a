using System;
using Simd;

namespace Simd.Cuda.Tests;

/// <summary>
/// Kernels covering every construct the generator translates, compiled here with Simd.Cuda referenced so
/// that their CUDA C is generated too: the tests compile it to PTX and run it on the host against these methods.
/// </summary>
public static partial class GeneratedKernels
{
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static float SquaredError(float prediction, float target)
    {
        float d = prediction - target;
        return d * d;
    }

    [Kernel(Reductions = Reduction.Sum)]
    public static float Huber(float residual, [Uniform] float delta)
    {
        float a = MathF.Abs(residual);
        return a <= delta ? 0.5f * residual * residual : delta * (a - (0.5f * delta));
    }

    [Kernel]
    public static float Mixed(float a, float b, float c, float d)
    {
        bool ordered = a < b && !(c == d) || a >= 1e30f;
        float m = Math.Max(a, b) - Math.Min(c, d);
        m += MathF.FusedMultiplyAdd(a, b, c) / MathF.Sqrt(MathF.Abs(d));
        m *= -1;
        return ordered ? m : Math.Clamp(-m, -0f, 2.5f);
    }

    [Kernel]
    public static void Step(ref float weight, float gradient, [Uniform] float learningRate) => weight -= learningRate * gradient;

    [Kernel]
    public static float Transcendental(float x) => MathF.Exp(-MathF.Abs(x)) + MathF.Log(MathF.Abs(x)) - MathF.Tanh(x);

    [Kernel]
    public static float Specials(float x, float y) => x != y ? float.PositiveInfinity : (x > 1e38f ? float.NaN : (x < -1e38f ? float.NegativeInfinity : -0f * x));

    [Kernel(Reductions = Reduction.Sum | Reduction.Max)]
    public static double SquaredErrorDouble(double prediction, double target)
    {
        double d = prediction - target;
        return d * d;
    }

    [Kernel]
    public static double MixedDouble(double a, double b, [Uniform] double scale)
    {
        double m = Math.Max(a, b) * scale - Math.Min(a, b) / Math.Sqrt(Math.Abs(b));
        return a > b ? Math.FusedMultiplyAdd(a, b, m) : Math.Clamp(m, -1, 1);
    }

    /// <summary>The fast multiply-add: <c>fma</c> on the device, as the scalar method on a CPU with FMA.</summary>
    [Kernel]
    public static float Estimate(float a, float b, float c) => float.MultiplyAddEstimate(a, b, c);

    [Kernel]
    public static void StepDouble(ref double weight, double gradient, [Uniform] double learningRate) => weight -= learningRate * gradient;

    [Kernel]
    public static double TranscendentalDouble(double x) => Math.Exp(-Math.Abs(x)) + Math.Log(Math.Abs(x)) - Math.Tanh(x);

    /// <summary>Calls another kernel: has CPU overloads, and no device overloads (not translated to CUDA C).</summary>
    [Kernel]
    public static float CallsKernel(float prediction, float target) => SquaredError(prediction, target) + 1f;

    [Kernel]
    public static float Branches(float x, [Uniform] float limit)
    {
        if (float.IsNaN(x))
        {
            return 0;
        }

        float y = x;
        if (x > limit)
        {
            y = limit;
        }
        else if (x < -limit)
        {
            return -limit;
        }

        return y * 0.5f;
    }

    [Kernel]
    public static float Horner(float x)
    {
        static float Step(float r, float v, float c) => (r * v) + c;
        float r = 0;
        for (int i = 4; i >= 0; i--)
        {
            r = Step(r, x, 1f / (i + 1));
        }

        return r;
    }

    [Kernel]
    public static T Relu<T>(T x)
        where T : System.Numerics.INumber<T> => T.IsNegative(x) ? T.Zero : x;

    [Kernel]
    public static void Clip(ref double weight, [Uniform] double limit)
    {
        if (double.IsInfinity(weight) || double.IsNaN(weight))
        {
            weight = 0;
            return;
        }

        weight = Math.Min(Math.Max(weight, -limit), limit);
    }

    [Kernel]
    public static float Rounding(float x)
        => MathF.Floor(x) + (2 * float.Ceiling(x)) + (4 * MathF.Round(x)) + (8 * MathF.Truncate(x))
            + (16 * MathF.Round(x, MidpointRounding.AwayFromZero)) + (32 * MathF.CopySign(1f, x));

    [Kernel]
    public static double SignOf(double x) => double.IsNaN(x) ? 0 : Math.Sign(x) + Math.Floor(x);

    /// <summary>SGD with momentum: two ref lanes, no returned value.</summary>
    [Kernel]
    public static void SgdMomentum(ref float weight, ref float velocity, float gradient, [Uniform] float learningRate, [Uniform] float momentum)
    {
        velocity = (momentum * velocity) + gradient;
        weight -= learningRate * velocity;
    }

    /// <summary>Adam: three ref lanes (the step count as a lane too, so that three lanes are written).</summary>
    [Kernel]
    public static void AdamStep(ref float weight, ref float m, ref float v, float gradient, [Uniform] float learningRate, [Uniform] float beta1, [Uniform] float beta2, [Uniform] float epsilon)
    {
        m = (beta1 * m) + ((1 - beta1) * gradient);
        v = (beta2 * v) + ((1 - beta2) * gradient * gradient);
        weight -= learningRate * m / (MathF.Sqrt(v) + epsilon);
    }

    /// <summary>A returned value and an out lane.</summary>
    [Kernel]
    public static float SigmoidWithGrad(float x, out float grad)
    {
        float s = 1 / (1 + MathF.Exp(-x));
        grad = s * (1 - s);
        return s;
    }

    /// <summary>Out lanes assigned in branches, no returned value, double.</summary>
    [Kernel]
    public static void SplitSign(double x, out double positive, out double negative)
    {
        if (x > 0)
        {
            positive = x;
            negative = 0;
            return;
        }

        positive = 0;
        negative = -x;
    }

    /// <summary>A ref lane and a returned value (the loss before the step).</summary>
    [Kernel(Reductions = Reduction.Sum)]
    public static double StepWithLoss(ref double weight, double target, [Uniform] double learningRate)
    {
        double error = weight - target;
        weight -= learningRate * error;
        return 0.5 * error * error;
    }
}
