using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// Logistic regression f_w,b(x) = g(w·x + b) with the sigmoid g(z) = 1 / (1 + e^−z), the log-loss
/// J(w, b) = −(1/m) Σᵢ [yᵢ log f(xᵢ) + (1 − yᵢ) log(1 − f(xᵢ))] + (λ/(2m))·‖w‖² for labels yᵢ ∈ {0, 1}, and its
/// gradient ∂J/∂w = (1/m) Σᵢ (f(xᵢ) − yᵢ)·xᵢ + (λ/m)·w, ∂J/∂b = (1/m) Σᵢ (f(xᵢ) − yᵢ).
/// </summary>
/// <remarks>
/// The loss is evaluated per row as softplus(z) − y·z with softplus(z) = max(z, 0) + log1p(e^−|z|), which equals the
/// formula above but never takes log(0) and never overflows, however large |z| is. None of these methods
/// modifies its inputs.
/// </remarks>
public static class LogisticRegression
{
    /// <summary>g(z) = 1 / (1 + e^−z), without overflow for any z (e^t is only taken of t ≤ 0).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The score.</param>
    /// <returns>g(z) in [0, 1].</returns>
    public static T Sigmoid<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T>
        => LearningKernels.Sigmoid(z);

    /// <summary>
    /// destination[i] = g(z[i]) at the process's vector width; <paramref name="destination"/> may be <paramref name="z"/>
    /// itself (in place). On vector paths e^t is the kernel library's (within 1 ulp of the scalar one), so a lane may
    /// differ from <see cref="Sigmoid{T}(T)"/> by a few ulps.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The scores.</param>
    /// <param name="destination">Receives g(z), as long as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Sigmoid<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireLength(destination.Length, z.Length, nameof(destination), "one per score");
        SigmoidInPlaceOrInto(z, destination);
    }

    private static void SigmoidInPlaceOrInto<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            LearningKernels.Sigmoid(MemoryMarshal.Cast<T, float>(z), MemoryMarshal.Cast<T, float>(destination));
        }
        else
        {
            LearningKernels.Sigmoid(MemoryMarshal.Cast<T, double>(z), MemoryMarshal.Cast<T, double>(destination));
        }
    }

    /// <summary>The log-loss J(w, b) (+ (λ/(2m))·‖w‖²).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m labels, each 0 or 1.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <returns>J(w, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X is empty, an input holds NaN/∞, or a label is not 0 or 1.</exception>
    public static T Cost<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> weights, T bias, T l2 = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var gradient = new T[x.Columns];
        return CostAndGradient(x, y, weights, bias, gradient, out _, l2);
    }

    /// <summary>J(w, b), ∂J/∂w and ∂J/∂b in one pass over X (the fused kernel of <see cref="LinearRegression.CostAndGradient{T}"/> with the log-loss).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m labels, each 0 or 1.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="weightGradient">Receives ∂J/∂w, n values; it must share no element with <paramref name="x"/>, <paramref name="y"/> or <paramref name="weights"/>.</param>
    /// <param name="biasGradient">Receives ∂J/∂b.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use, −1 for all cores; results are bit-identical for every value.</param>
    /// <returns>J(w, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X is empty, an input holds NaN/∞, or a label is not 0 or 1.</exception>
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
    {
        LearningArguments.RequireBinaryLabels(y, nameof(y));
        return LinearRegression.Evaluate<T, LogLoss<T>>(x, y, weights, bias, weightGradient, out biasGradient, l2, maxDegreeOfParallelism);
    }

    /// <summary>Fits w and b by batch gradient descent on the log-loss; see <see cref="GradientDescent.FitLogistic{T}"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m labels, each 0 or 1.</param>
    /// <param name="options">Learning rate, iterations, tolerance, λ, progress.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>w, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Bad shapes, NaN/∞ in the data, or a label that is not 0 or 1.</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public static GradientDescentResult<T> Fit<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, GradientDescentOptions options, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        => new GradientDescent(options).FitLogistic(x, y, default, default, cancellationToken);

    /// <summary>The predicted probabilities P(y = 1 | xᵢ) = g(w·xᵢ + b) for every row.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="destination">Receives the m probabilities; it must share no element with <paramref name="x"/> or <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">The shapes disagree, or the destination shares elements with an input.</exception>
    public static void PredictProbabilities<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> weights, T bias, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LinearRegression.Predict(x, weights, bias, destination);
        SigmoidInPlaceOrInto<T>(destination, destination);
    }

    /// <summary>
    /// The predicted classes: 1 where g(w·xᵢ + b) ≥ <paramref name="threshold"/>, else 0. With the default 0.5 this
    /// is the sign test w·xᵢ + b ≥ 0.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix.</param>
    /// <param name="weights">w, n values.</param>
    /// <param name="bias">b.</param>
    /// <param name="destination">Receives the m classes (0 or 1).</param>
    /// <param name="threshold">The probability from which a row is class 1, in (0, 1).</param>
    /// <exception cref="ArgumentException">The shapes disagree.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 1).</exception>
    public static void PredictClasses<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> weights, T bias, Span<int> destination, double threshold = 0.5)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be in (0, 1).");
        }

        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireLength(weights.Length, x.Columns, nameof(weights), "one weight per column of x");
        LearningArguments.RequireLength(destination.Length, x.Rows, nameof(destination), "one class per row of x");

        // g(z) ≥ t ⇔ z ≥ log(t / (1 − t)): compare scores, so no probability is rounded to the threshold.
        double cut = Math.Log(threshold / (1 - threshold));
        ReadOnlySpan<T> data = x.Memory.Span;
        for (int i = 0; i < x.Rows; i++)
        {
            T z = RowOperations.Dot(data.Slice(i * x.Stride, x.Columns), weights) + bias;
            if (T.IsNaN(z))
            {
                LearningArguments.RequireFinite(x, nameof(x));
                LearningArguments.RequireFinite(weights, nameof(weights), "index");
                LearningArguments.RequireFinite(bias, nameof(bias));
            }

            destination[i] = double.CreateTruncating(z) >= cut ? 1 : 0;
        }
    }
}
