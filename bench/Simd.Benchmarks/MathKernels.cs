using System;

namespace Simd.Benchmarks;

/// <summary>Activation kernels as a user writes them, with <c>MathF</c>/<c>Math</c>: the generator maps the calls onto <c>KernelMath</c>.</summary>
public static partial class MathKernels
{
    /// <summary>√(2/π), the GELU-tanh scale.</summary>
    public const float GeluScale = 0.7978845608f;

    /// <summary>The GELU-tanh cubic coefficient.</summary>
    public const float GeluCubic = 0.044715f;

    /// <summary>eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>eˣ.</returns>
    [Kernel]
    public static float Exp(float x) => MathF.Exp(x);

    /// <summary>ln x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x.</returns>
    [Kernel]
    public static float Log(float x) => MathF.Log(x);

    /// <summary>tanh x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh x.</returns>
    [Kernel]
    public static float Tanh(float x) => MathF.Tanh(x);

    /// <summary>The logistic function, as written in a model.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>1/(1 + e⁻ˣ).</returns>
    [Kernel]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>GELU with the tanh approximation.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</returns>
    [Kernel]
    public static float Gelu(float x) => 0.5f * x * (1f + MathF.Tanh(GeluScale * (x + (GeluCubic * x * x * x))));

    /// <summary>Sine and cosine of one argument, as a positional encoding writes them (the generator computes both from one call).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="cos">cos x.</param>
    /// <returns>sin x.</returns>
    [Kernel]
    public static float SinCos(float x, out float cos)
    {
        cos = MathF.Cos(x);
        return MathF.Sin(x);
    }

    /// <summary>eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>eˣ.</returns>
    [Kernel]
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>ln x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln x.</returns>
    [Kernel]
    public static double Log(double x) => Math.Log(x);

    /// <summary>tanh x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh x.</returns>
    [Kernel]
    public static double Tanh(double x) => Math.Tanh(x);
}
