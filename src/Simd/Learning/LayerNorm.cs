using System;
using System.Numerics;

using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// Layer normalisation over the rows of a matrix, with PyTorch's semantics (<c>torch.nn.LayerNorm</c> over the last
/// dimension): yᵢⱼ = (xᵢⱼ − μᵢ)·rᵢ·γⱼ + βⱼ with μᵢ the row mean, σᵢ² the biased row variance (divided by n) and
/// rᵢ = 1/√(σᵢ² + ε) — ε inside the square root. The backward pass gives ∂L/∂x, ∂L/∂γ and ∂L/∂β from ∂L/∂y.
/// </summary>
/// <remarks>
/// <para>The variance is the two-pass Σ(x − μ)²/n, which never cancels catastrophically, and rᵢ is formed in double and
/// rounded once; the row sums are vectorised in the element type. NaN and ±∞ are not rejected: they propagate through
/// their own row only (as in PyTorch). With ε = 0 a constant row has σ² = 0, r = +∞ and gives NaN.</para>
/// <para>Each row is computed by one thread; ∂γ and ∂β are summed per chunk of rows in a partition fixed by the shape and
/// added in chunk order in double, so every result is bit-identical for every thread count.</para>
/// </remarks>
public static class LayerNorm
{
    /// <summary>PyTorch's default ε for <c>LayerNorm</c>.</summary>
    public const double DefaultEpsilon = 1e-5;

    /// <summary>destination = LayerNorm(x)·γ + β per row; saves each row's mean and 1/√(σ² + ε) for <see cref="Backward"/> when asked.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n input, n ≥ 1.</param>
    /// <param name="gamma">The n scales γ.</param>
    /// <param name="beta">The n shifts β.</param>
    /// <param name="destination">Receives y, m×n: the same view as <paramref name="x"/> (in place) or one sharing no element with it or with the other arguments.</param>
    /// <param name="mean">Receives the m row means μᵢ, or empty when not wanted.</param>
    /// <param name="reciprocalStd">Receives the m values rᵢ = 1/√(σᵢ² + ε), or empty when not wanted.</param>
    /// <param name="epsilon">ε ≥ 0, added to the variance inside the square root.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, a shape or length differs, or an output shares memory with another argument (the arguments are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is negative or not finite, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void Forward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, MatrixView<T> destination,
        Span<T> mean = default, Span<T> reciprocalStd = default, double epsilon = DefaultEpsilon, int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NormArguments.Forward(x, gamma, beta, hasBeta: true, destination, mean, nameof(mean), reciprocalStd, nameof(reciprocalStd), epsilon, maxDegreeOfParallelism);
        NormRows.Forward(x, gamma, beta, destination, mean, reciprocalStd, epsilon, centered: true, maxDegreeOfParallelism);
    }

    /// <summary>
    /// The backward pass: from g = ∂L/∂y, with x̂ = (x − μ)·r and h = g·γ, ∂L/∂x = r·(h − mean(h) − x̂·mean(h·x̂)) per row,
    /// ∂L/∂γ = Σᵢ gᵢ·x̂ᵢ and ∂L/∂β = Σᵢ gᵢ.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n input of the forward pass.</param>
    /// <param name="outputGradient">∂L/∂y, m×n.</param>
    /// <param name="gamma">The n scales γ of the forward pass.</param>
    /// <param name="mean">The m row means the forward pass saved.</param>
    /// <param name="reciprocalStd">The m values 1/√(σ² + ε) the forward pass saved.</param>
    /// <param name="inputGradient">Receives ∂L/∂x, m×n: the same view as <paramref name="x"/> or <paramref name="outputGradient"/> (in place), or one sharing no element with them or with the other arguments.</param>
    /// <param name="gammaGradient">Receives ∂L/∂γ (n elements), sharing no memory with any other argument.</param>
    /// <param name="betaGradient">Receives ∂L/∂β (n elements), sharing no memory with any other argument.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, a shape or length differs, or an output shares memory it may not (the arguments are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void Backward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> outputGradient, ReadOnlySpan<T> gamma, ReadOnlySpan<T> mean, ReadOnlySpan<T> reciprocalStd,
        MatrixView<T> inputGradient, Span<T> gammaGradient, Span<T> betaGradient, int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NormArguments.Backward(
            x, outputGradient, gamma, mean, hasMean: true, reciprocalStd, nameof(reciprocalStd), inputGradient, gammaGradient, betaGradient, hasBeta: true,
            maxDegreeOfParallelism);
        NormRows.Backward(x, outputGradient, gamma, mean, reciprocalStd, inputGradient, gammaGradient, betaGradient, centered: true, maxDegreeOfParallelism);
    }
}
