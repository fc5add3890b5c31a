using System;
using System.Numerics;

using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// RMS normalisation over the rows of a matrix, with PyTorch's semantics (<c>torch.nn.RMSNorm</c> over the last
/// dimension): yᵢⱼ = xᵢⱼ·rᵢ·γⱼ with rᵢ = 1/√(mean_j xᵢⱼ² + ε) — ε inside the square root, no centring, no β. The
/// backward pass gives ∂L/∂x and ∂L/∂γ from ∂L/∂y.
/// </summary>
/// <remarks>
/// rᵢ is formed in double from the vectorised row sum of squares and rounded once. NaN and ±∞ propagate through their
/// own row only. Each row is computed by one thread and ∂γ is summed per chunk of rows in a fixed partition, in chunk
/// order, so every result is bit-identical for every thread count. (PyTorch's default ε is the machine epsilon of the
/// element type; here ε is always given.)
/// </remarks>
public static class RmsNorm
{
    /// <summary>destination = x·r·γ per row; saves each row's r = 1/√(mean x² + ε) for <see cref="Backward"/> when asked.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n input, n ≥ 1.</param>
    /// <param name="gamma">The n scales γ.</param>
    /// <param name="destination">Receives y, m×n: the same view as <paramref name="x"/> (in place) or one sharing no element with it or with <paramref name="gamma"/>.</param>
    /// <param name="epsilon">ε ≥ 0, added to the mean square inside the square root.</param>
    /// <param name="reciprocalRms">Receives the m values rᵢ, or empty when not wanted.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, a shape or length differs, or an output shares memory with another argument (the arguments are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is negative or not finite, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void Forward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> gamma, MatrixView<T> destination, double epsilon, Span<T> reciprocalRms = default,
        int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NormArguments.Forward(
            x, gamma, ReadOnlySpan<T>.Empty, hasBeta: false, destination, ReadOnlySpan<T>.Empty, "mean", reciprocalRms, nameof(reciprocalRms), epsilon,
            maxDegreeOfParallelism);
        NormRows.Forward(x, gamma, ReadOnlySpan<T>.Empty, destination, Span<T>.Empty, reciprocalRms, epsilon, centered: false, maxDegreeOfParallelism);
    }

    /// <summary>
    /// The backward pass: from g = ∂L/∂y, with x̂ = x·r and h = g·γ, ∂L/∂x = r·(h − x̂·mean(h·x̂)) per row and
    /// ∂L/∂γ = Σᵢ gᵢ·x̂ᵢ.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n input of the forward pass.</param>
    /// <param name="outputGradient">∂L/∂y, m×n.</param>
    /// <param name="gamma">The n scales γ of the forward pass.</param>
    /// <param name="reciprocalRms">The m values r the forward pass saved.</param>
    /// <param name="inputGradient">Receives ∂L/∂x, m×n: the same view as <paramref name="x"/> or <paramref name="outputGradient"/> (in place), or one sharing no element with them or with the other arguments.</param>
    /// <param name="gammaGradient">Receives ∂L/∂γ (n elements), sharing no memory with any other argument.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, a shape or length differs, or an output shares memory it may not (the arguments are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void Backward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> outputGradient, ReadOnlySpan<T> gamma, ReadOnlySpan<T> reciprocalRms,
        MatrixView<T> inputGradient, Span<T> gammaGradient, int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NormArguments.Backward(
            x, outputGradient, gamma, ReadOnlySpan<T>.Empty, hasMean: false, reciprocalRms, nameof(reciprocalRms), inputGradient, gammaGradient, Span<T>.Empty,
            hasBeta: false, maxDegreeOfParallelism);
        NormRows.Backward(x, outputGradient, gamma, ReadOnlySpan<T>.Empty, reciprocalRms, inputGradient, gammaGradient, Span<T>.Empty, centered: false, maxDegreeOfParallelism);
    }
}
