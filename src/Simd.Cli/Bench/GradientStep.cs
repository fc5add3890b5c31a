using System;

namespace Simd.Cli.Bench;

/// <summary>
/// One batch gradient-descent update of linear regression written with only Dot and Axpy, so the three
/// implementations are compared on the same algorithm: per row rᵢ = xᵢ·w + b − yᵢ and g += rᵢxᵢ, then w −= (α/m)g.
/// </summary>
internal static class GradientStep
{
    /// <summary>Applies one update to <paramref name="weights"/> and <paramref name="bias"/>.</summary>
    /// <param name="features">m × n features, row-major.</param>
    /// <param name="target">m targets.</param>
    /// <param name="weights">n weights, updated.</param>
    /// <param name="bias">The bias, updated.</param>
    /// <param name="gradient">n elements of scratch.</param>
    /// <param name="alpha">The learning rate.</param>
    public static void Run<TKernels>(ReadOnlySpan<float> features, ReadOnlySpan<float> target, Span<float> weights, ref float bias, Span<float> gradient, float alpha)
        where TKernels : IVectorKernels
    {
        int n = weights.Length;
        int m = target.Length;
        gradient.Clear();
        float biasGradient = 0;
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = features.Slice(i * n, n);
            float residual = TKernels.Dot(row, weights) + bias - target[i];
            TKernels.Axpy(residual, row, gradient);
            biasGradient += residual;
        }

        TKernels.Axpy(-alpha / m, gradient, weights);
        bias -= alpha / m * biasGradient;
    }
}
