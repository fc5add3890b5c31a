using System;
using System.Numerics;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>The cost of linear or logistic regression (one weight per column, one bias) for <see cref="GradientDescent"/>.</summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
/// <typeparam name="TLoss">The per-row loss.</typeparam>
internal readonly ref struct RegressionObjective<T, TLoss>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, double l2, int maxDegreeOfParallelism) : IDescentObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : IRowLoss<T>
{
    private readonly ReadOnlySpan<T> y = y;

    /// <inheritdoc/>
    public double Evaluate(T[] weights, T[] bias, T[] weightGradient, T[] biasGradient)
    {
        double cost = FusedGradientStep.Run<T, TLoss>(x, y, weights, bias[0], l2, weightGradient, out double gradientB, maxDegreeOfParallelism);
        biasGradient[0] = T.CreateTruncating(gradientB);
        return cost;
    }
}
