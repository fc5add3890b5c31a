using System;
using System.Numerics;
using System.Threading;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// Linear regression f_w,b(x) = w·x + b over a row-major m×n feature matrix X, with the squared-error cost
/// J(w, b) = (1/(2m)) Σᵢ (f(xᵢ) − yᵢ)² + (λ/(2m))·‖w‖² (b is not regularised) and its gradient
/// ∂J/∂w = (1/m) Σᵢ (f(xᵢ) − yᵢ)·xᵢ + (λ/m)·w, ∂J/∂b = (1/m) Σᵢ (f(xᵢ) − yᵢ).
/// </summary>
/// <remarks>
/// Cost and gradient come from one fused pass over X (see <see cref="CostAndGradient{T}"/>); sums over rows
/// are carried in double across blocks of rows, so float inputs lose accuracy only inside a block.
/// None of these methods modifies its inputs.
/// </remarks>
public static class LinearRegression
{
    /// <summary>The prediction for one example: f(x) = w·x + b.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="features">x, n values.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <returns>w·x + b.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static T Predict<T>(ReadOnlySpan<T> features, ReadOnlySpan<T> weights, T bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireLength(weights.Length, features.Length, nameof(weights), "one weight per feature");
        return RowOperations.Dot(features, weights) + bias;
    }

    /// <summary>The predictions for every row: destinationᵢ = w·xᵢ + b.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="destination">Receives the m predictions; it must share no element with <paramref name="x"/> or <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">The shapes disagree, or the destination shares elements with an input.</exception>
    public static void Predict<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> weights, T bias, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireLength(weights.Length, x.Columns, nameof(weights), "one weight per column of x");
        LearningArguments.RequireLength(destination.Length, x.Rows, nameof(destination), "one prediction per row of x");
        Overlap.RequireSeparate(x, nameof(x), destination, nameof(destination));
        Overlap.RequireSeparate(weights, nameof(weights), destination, nameof(destination));
        RowOperations.Scores(x, weights, bias, destination);
    }

    /// <summary>The cost J(w, b) = (1/(2m)) Σᵢ (w·xᵢ + b − yᵢ)² + (λ/(2m))·‖w‖².</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m targets.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <returns>J(w, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X is empty, or an input holds NaN/∞ (named with its row and column).</exception>
    public static T Cost<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> weights, T bias, T l2 = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var gradient = new T[x.Columns];
        return CostAndGradient(x, y, weights, bias, gradient, out _, l2);
    }

    /// <summary>
    /// J(w, b), ∂J/∂w and ∂J/∂b in one pass over X: each row's prediction, error, cost term and error-weighted
    /// row are formed together, block by block, without storing the m predictions.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m targets.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="weightGradient">Receives ∂J/∂w, n values; it must share no element with <paramref name="x"/>, <paramref name="y"/> or <paramref name="weights"/>.</param>
    /// <param name="biasGradient">Receives ∂J/∂b.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use, −1 for all cores; results are bit-identical for every value.
    /// Inputs with m·n below 2¹⁸ run on one thread.</param>
    /// <returns>J(w, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X is empty, or an input holds NaN/∞ (named with its row and column).</exception>
    public static T CostAndGradient<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<T> y,
        ReadOnlySpan<T> weights,
        T bias,
        Span<T> weightGradient,
        out T biasGradient,
        T l2 = default,
        int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Evaluate<T, SquaredErrorLoss<T>>(x, y, weights, bias, weightGradient, out biasGradient, l2, maxDegreeOfParallelism);

    /// <summary>Fits w and b by batch gradient descent; see <see cref="GradientDescent.FitLinear{T}"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m targets.</param>
    /// <param name="options">Learning rate, iterations, tolerance, λ, progress.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>w, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Bad shapes or NaN/∞ in the data.</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public static GradientDescentResult<T> Fit<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, GradientDescentOptions options, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        => new GradientDescent(options).FitLinear(x, y, default, default, cancellationToken);

    /// <summary>
    /// The exact least-squares fit (the normal equation's solution, no iteration): the w, b minimising
    /// Σᵢ (w·xᵢ + b − yᵢ)², found by Householder QR of [1 | X] in double.
    /// </summary>
    /// <param name="x">The m×n feature matrix, m ≥ n + 1.</param>
    /// <param name="y">The m targets.</param>
    /// <returns>w, b and the cost J at the solution.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, NaN/∞ in the data, fewer rows than unknowns, or a
    /// column that is (numerically) a linear combination of the intercept and the columns before it (the message names it).</exception>
    public static LeastSquaresSolution SolveLeastSquares(ReadOnlyMatrixView<double> x, ReadOnlySpan<double> y)
        => LeastSquares.Solve(x, y);

    internal static T Evaluate<T, TLoss>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<T> y,
        ReadOnlySpan<T> weights,
        T bias,
        Span<T> weightGradient,
        out T biasGradient,
        T l2,
        int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireLength(y.Length, x.Rows, nameof(y), "one target per row of x");
        LearningArguments.RequireLength(weights.Length, x.Columns, nameof(weights), "one weight per column of x");
        LearningArguments.RequireLength(weightGradient.Length, x.Columns, nameof(weightGradient), "one per column of x");
        Overlap.RequireSeparate(x, nameof(x), weightGradient, nameof(weightGradient));
        Overlap.RequireSeparate(y, nameof(y), weightGradient, nameof(weightGradient));
        Overlap.RequireSeparate(weights, nameof(weights), weightGradient, nameof(weightGradient));
        LearningArguments.RequireNonNegativeFinite(double.CreateTruncating(l2), nameof(l2));
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The thread limit must be −1 (all cores) or ≥ 1.");
        }

        double cost = FusedGradientStep.Run<T, TLoss>(
            x, y, weights, bias, double.CreateTruncating(l2), weightGradient, out double gb, maxDegreeOfParallelism);
        if (!double.IsFinite(cost))
        {
            // A NaN/∞ anywhere in the inputs always reaches the cost, so the check costs nothing when all is well.
            LearningArguments.RequireFinite(x, nameof(x));
            LearningArguments.RequireFinite(y, nameof(y), "row");
            LearningArguments.RequireFinite(weights, nameof(weights), "index");
            LearningArguments.RequireFinite(bias, nameof(bias));
        }

        biasGradient = T.CreateTruncating(gb);
        return T.CreateTruncating(cost);
    }
}
