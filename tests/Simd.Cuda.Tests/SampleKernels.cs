using System;

namespace Simd.Cuda.Tests;

/// <summary>
/// Device functions shaped like the generator's output (all parameters of the element type, in C# order),
/// with the C# scalar method each one translates, for the template checks and the GPU comparisons.
/// </summary>
internal static class SampleKernels
{
    public static CudaKernelDefinition Create(string sample, bool isDouble)
    {
        string t = isDouble ? "double" : "float";
        string suffix = isDouble ? "_f64" : "_f32";
        return sample switch
        {
            // static T SquaredDifference(T a, T b) { var d = a - b; return d * d; }
            "squared_difference" => new CudaKernelDefinition(
                "squared_difference" + suffix,
                $"static __device__ {t} squared_difference{suffix}({t} a, {t} b) {{ {t} d = a - b; return d * d; }}",
                isDouble,
                [true, true]),

            // static T ScaledUpdate(ref T w, T g, [Uniform] T rate) => w - rate * g;   (a ref lane: returns its new value)
            "scaled_update" => new CudaKernelDefinition(
                "scaled_update" + suffix,
                $"static __device__ {t} scaled_update{suffix}({t} w, {t} g, {t} rate) {{ return w - rate * g; }}",
                isDouble,
                [true, true, false]),

            // static T ClampMinMax(T x, [Uniform] T lo, [Uniform] T hi) => Math.Min(Math.Max(x, lo), hi);
            "clamp_min_max" => new CudaKernelDefinition(
                "clamp_min_max" + suffix,
                $"static __device__ {t} clamp_min_max{suffix}({t} lo, {t} x, {t} hi) {{ return simd_min(simd_max(x, lo), hi); }}",
                isDouble,
                [false, true, false]),
            // static void Momentum(ref T w, ref T b, T g, [Uniform] T rate, [Uniform] T mu) { b = mu * b + g; w -= rate * b; }
            "momentum" => new CudaKernelDefinition(
                "momentum" + suffix,
                $"static __device__ void momentum{suffix}({t}& w, {t}& b, {t} g, {t} rate, {t} mu) {{ b = mu * b + g; w = w - rate * b; }}",
                isDouble,
                [new("w", CudaParameterKind.RefLane), new("b", CudaParameterKind.RefLane), new("g", CudaParameterKind.Lane), new("rate", CudaParameterKind.Uniform), new("mu", CudaParameterKind.Uniform)],
                returnsValue: false),

            // static T Halves(T x, out T half) { half = x * 0.5; return x + half; }
            "halves" => new CudaKernelDefinition(
                "halves" + suffix,
                $"static __device__ {t} halves{suffix}({t} x, {t}& half) {{ half = x * ({t})0.5; return x + half; }}",
                isDouble,
                [new("x", CudaParameterKind.Lane), new("half", CudaParameterKind.OutLane)],
                returnsValue: true),
            _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "Unknown sample kernel."),
        };
    }

    public static double SquaredDifference(double a, double b)
    {
        double d = a - b;
        return d * d;
    }

    public static float SquaredDifference(float a, float b)
    {
        float d = a - b;
        return d * d;
    }

    public static double ScaledUpdate(double w, double g, double rate) => w - (rate * g);

    public static float ScaledUpdate(float w, float g, float rate) => w - (rate * g);

    public static double ClampMinMax(double lo, double x, double hi) => Math.Min(Math.Max(x, lo), hi);

    public static float ClampMinMax(float lo, float x, float hi) => MathF.Min(MathF.Max(x, lo), hi);

    public static void Momentum(ref float w, ref float b, float g, float rate, float mu)
    {
        b = (mu * b) + g;
        w -= rate * b;
    }

    public static float Halves(float x, out float half)
    {
        half = x * 0.5f;
        return x + half;
    }
}
