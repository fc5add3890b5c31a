using System;
using System.Buffers;
using System.Numerics;
using System.Threading;

namespace Simd.Learning;

/// <summary>
/// Multinomial logistic (softmax) regression over a row-major m×n feature matrix X with K classes: the logits
/// Z = X·W + b (W n×K, b one bias per class), the probabilities P = softmax(Z) row by row, the mean cross-entropy
/// J(W, b) = −(1/m) Σᵢ log Pᵢ,yᵢ + (λ/(2m))·‖W‖² against integer labels yᵢ ∈ [0, K) (b is not regularised), and its
/// gradient ∂J/∂W = (1/m)·Xᵀ(P − Y) + (λ/m)·W, ∂J/∂b = (1/m) Σᵢ (Pᵢ − Yᵢ), Y the one-hot labels.
/// </summary>
/// <remarks>
/// <para>X·W and Xᵀ(P − Y) are <see cref="Blas"/> GEMMs; the rows go through <see cref="Softmax.CrossEntropy{T}"/> (the cost,
/// from the logits, never log 0) and <see cref="Softmax.ComputeRows{T}(ReadOnlyMatrixView{T}, MatrixView{T})"/>. Sums over rows of the cost and of ∂J/∂b are
/// carried in double. With K = 2 this is logistic regression with w = w₁ − w₀, b = b₁ − b₀ (twice over-parameterised).</para>
/// <para>None of these methods modifies its inputs. Non-finite inputs are rejected naming the argument, the row and
/// the column; finite inputs whose logits overflow T are rejected too.</para>
/// </remarks>
public static class SoftmaxRegression
{
    /// <summary>The cost J(W, b) (+ (λ/(2m))·‖W‖²).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="labels">The m class indices, each in [0, K).</param>
    /// <param name="weights">W, n×K (K ≥ 1 classes).</param>
    /// <param name="bias">b, K values.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <returns>J(W, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X has no rows, a label is out of range, or an input holds NaN/∞ (the message names it, with row and column).</exception>
    public static T Cost<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<int> labels, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias, T l2 = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var weightGradient = new T[weights.Rows * weights.Columns];
        var biasGradient = new T[bias.Length];
        return CostAndGradient(x, labels, weights, bias, new MatrixView<T>(weightGradient, weights.Rows, weights.Columns), biasGradient, l2);
    }

    /// <summary>J(W, b), ∂J/∂W and ∂J/∂b: one GEMM for the logits, the softmax of each row, one GEMM for Xᵀ(P − Y).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="labels">The m class indices, each in [0, K).</param>
    /// <param name="weights">W, n×K (K ≥ 1 classes).</param>
    /// <param name="bias">b, K values.</param>
    /// <param name="weightGradient">Receives ∂J/∂W, n×K; it must share no element with <paramref name="x"/>, <paramref name="weights"/> or <paramref name="bias"/>.</param>
    /// <param name="biasGradient">Receives ∂J/∂b, K values; it must share no element with any other argument.</param>
    /// <param name="l2">λ ≥ 0; 0 for none.</param>
    /// <param name="maxDegreeOfParallelism">The most threads the GEMMs use, −1 for all cores; results are bit-identical for every value.</param>
    /// <returns>J(W, b).</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X has no rows, a label is out of range, buffers overlap, or an input holds NaN/∞ (the message names it, with row and column).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="l2"/> is negative or not finite, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static T CostAndGradient<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<int> labels,
        ReadOnlyMatrixView<T> weights,
        ReadOnlySpan<T> bias,
        MatrixView<T> weightGradient,
        Span<T> biasGradient,
        T l2 = default,
        int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireLength(labels.Length, x.Rows, nameof(labels), "one label per row of x");
        RequireModel(x, weights, bias);
        LearningArguments.RequireMatrixShape(weightGradient, weights.Rows, weights.Columns, nameof(weightGradient));
        LearningArguments.RequireLength(biasGradient.Length, bias.Length, nameof(biasGradient), "one per class");
        Overlap.RequireSeparate(x, nameof(x), weightGradient, nameof(weightGradient));
        Overlap.RequireSeparate(weights, nameof(weights), weightGradient, nameof(weightGradient));
        Overlap.RequireSeparate(bias, nameof(bias), weightGradient, nameof(weightGradient));
        Overlap.RequireSeparate(x, nameof(x), biasGradient, nameof(biasGradient));
        Overlap.RequireSeparate(weights, nameof(weights), biasGradient, nameof(biasGradient));
        Overlap.RequireSeparate(bias, nameof(bias), biasGradient, nameof(biasGradient));
        Overlap.RequireSeparate(weightGradient, nameof(weightGradient), biasGradient, nameof(biasGradient));
        RequireLabels(labels, weights.Columns);
        LearningArguments.RequireNonNegativeFinite(double.CreateTruncating(l2), nameof(l2));
        RequireThreads(maxDegreeOfParallelism);

        int classes = weights.Columns;
        T[] logits = ArrayPool<T>.Shared.Rent(x.Rows * classes);
        double[] sums = ArrayPool<double>.Shared.Rent(classes);
        try
        {
            var z = new MatrixView<T>(logits.AsMemory(0, x.Rows * classes), x.Rows, classes);
            double cost = Evaluate(x, labels, weights, bias, weightGradient, biasGradient, double.CreateTruncating(l2), z, sums.AsSpan(0, classes), maxDegreeOfParallelism);
            if (!double.IsFinite(cost))
            {
                RequireFiniteModel(x, weights, bias, z);
            }

            return T.CreateTruncating(cost);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<T>.Shared.Return(logits);
        }
    }

    /// <summary>Fits W and b by batch gradient descent on the cross-entropy; see <see cref="GradientDescent.FitSoftmax{T}"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="labels">The m class indices, each in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">The number of classes K ≥ 2.</param>
    /// <param name="options">Learning rate or optimizer, iterations, tolerance, λ, progress.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>W, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Bad shapes, NaN/∞ in the data, or a label out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2.</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public static SoftmaxRegressionResult<T> Fit<T>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<int> labels, int classes, GradientDescentOptions options, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        => new GradientDescent(options).FitSoftmax(x, labels, classes, default, default, cancellationToken);

    /// <summary>The class probabilities softmax(xᵢ·W + b) of every row.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix.</param>
    /// <param name="weights">W, n×K.</param>
    /// <param name="bias">b, K values.</param>
    /// <param name="destination">Receives the m×K probabilities (each row sums to 1); it must share no element with an input.</param>
    /// <exception cref="ArgumentException">The shapes disagree, the destination shares elements with an input, or an input holds NaN/∞.</exception>
    public static void PredictProbabilities<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        RequireModel(x, weights, bias);
        LearningArguments.RequireMatrixShape(destination, x.Rows, weights.Columns, nameof(destination));
        Overlap.RequireSeparate(x, nameof(x), destination, nameof(destination));
        Overlap.RequireSeparate(weights, nameof(weights), destination, nameof(destination));
        Overlap.RequireSeparate(bias, nameof(bias), destination, nameof(destination));
        if (!Logits(x, weights, bias, destination, -1))
        {
            RequireFiniteModel(x, weights, bias, destination);
        }

        Softmax.ComputeRows<T>(destination, destination);
    }

    /// <summary>
    /// The predicted classes: for each row the k with the largest logit xᵢ·W + b (the most probable class), the lowest
    /// such k on ties.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix.</param>
    /// <param name="weights">W, n×K.</param>
    /// <param name="bias">b, K values.</param>
    /// <param name="destination">Receives the m class indices, each in [0, K).</param>
    /// <exception cref="ArgumentException">The shapes disagree, or an input holds NaN/∞.</exception>
    public static void Predict<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias, Span<int> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        RequireModel(x, weights, bias);
        LearningArguments.RequireLength(destination.Length, x.Rows, nameof(destination), "one class per row of x");
        int classes = weights.Columns;
        T[] logits = ArrayPool<T>.Shared.Rent(x.Rows * classes);
        try
        {
            var z = new MatrixView<T>(logits.AsMemory(0, x.Rows * classes), x.Rows, classes);
            if (!Logits(x, weights, bias, z, -1))
            {
                RequireFiniteModel(x, weights, bias, z);
            }

            ArgMaxRows<T>(z, destination);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(logits);
        }
    }

    /// <summary>destination[i] = the lowest k with z[i, k] = max over the row.</summary>
    internal static void ArgMaxRows<T>(ReadOnlyMatrixView<T> z, Span<int> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Rows; i++)
        {
            ReadOnlySpan<T> row = z.Row(i);
            int best = 0;
            for (int k = 1; k < row.Length; k++)
            {
                if (row[k] > row[best])
                {
                    best = k;
                }
            }

            destination[i] = best;
        }
    }

    /// <summary>
    /// J, ∂J/∂W and ∂J/∂b (arguments already checked), with <paramref name="z"/> (m×K) and <paramref name="sums"/> (K)
    /// as workspace; NaN when the logits are not finite (the gradients are then not written).
    /// </summary>
    internal static double Evaluate<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<int> labels,
        ReadOnlyMatrixView<T> weights,
        ReadOnlySpan<T> bias,
        MatrixView<T> weightGradient,
        Span<T> biasGradient,
        double l2,
        MatrixView<T> z,
        Span<double> sums,
        int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Logits(x, weights, bias, z, maxDegreeOfParallelism))
        {
            return double.NaN;
        }

        double cost = Softmax.CrossEntropy<T>(z, labels);
        Softmax.ComputeRows<T>(z, z);

        // z ← P − Y, and Σᵢ (P − Y)ᵢ in double for ∂J/∂b.
        sums.Clear();
        for (int i = 0; i < z.Rows; i++)
        {
            Span<T> row = z.Row(i);
            row[labels[i]] -= T.One;
            for (int k = 0; k < row.Length; k++)
            {
                sums[k] += double.CreateTruncating(row[k]);
            }
        }

        int m = x.Rows;
        for (int k = 0; k < biasGradient.Length; k++)
        {
            biasGradient[k] = T.CreateTruncating(sums[k] / m);
        }

        // ∂J/∂W = (1/m)·Xᵀ(P − Y) + (λ/m)·W: W is copied into the gradient and GEMM's β scales it.
        double squares = 0;
        if (l2 > 0)
        {
            for (int j = 0; j < weights.Rows; j++)
            {
                ReadOnlySpan<T> w = weights.Row(j);
                w.CopyTo(weightGradient.Row(j));
                foreach (T v in w)
                {
                    double d = double.CreateTruncating(v);
                    squares += d * d;
                }
            }
        }

        Blas.GemmCore(
            Blas.Transpose.Transpose, Blas.Transpose.None, T.CreateTruncating(1.0 / m), x, z, T.CreateTruncating(l2 / m), weightGradient, maxDegreeOfParallelism);
        return cost + (l2 / (2.0 * m) * squares);
    }

    /// <summary>z ← X·W + b; whether every logit is finite.</summary>
    private static bool Logits<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias, MatrixView<T> z, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Rows; i++)
        {
            bias.CopyTo(z.Row(i));
        }

        Blas.GemmCore(Blas.Transpose.None, Blas.Transpose.None, T.One, x, weights, T.One, z, maxDegreeOfParallelism);
        for (int i = 0; i < z.Rows; i++)
        {
            foreach (T v in z.Row(i))
            {
                if (!T.IsFinite(v))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The shape checks shared by every entry point: W is n×K with K ≥ 1, b has K values.</summary>
    internal static void RequireModel<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias)
        where T : unmanaged
    {
        if (weights.Rows != x.Columns)
        {
            throw new ArgumentException(
                $"'{nameof(weights)}' is {weights} but must have {x.Columns} rows (one per column of x) and one column per class.", nameof(weights));
        }

        if (weights.Columns == 0)
        {
            throw new ArgumentException($"'{nameof(weights)}' has no columns ({weights}); it needs one column per class.", nameof(weights));
        }

        LearningArguments.RequireLength(bias.Length, weights.Columns, nameof(bias), "one per class, a column of weights");
    }

    /// <summary>Throws naming the first row whose label is not a class index in [0, <paramref name="classes"/>).</summary>
    internal static void RequireLabels(ReadOnlySpan<int> labels, int classes)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException(
                    $"'{nameof(labels)}' holds {labels[i]} at row {i}; a label must be a class index in [0, {classes}).", nameof(labels));
            }
        }
    }

    internal static void RequireThreads(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The thread limit must be −1 (all cores) or ≥ 1.");
        }
    }

    /// <summary>After non-finite logits: names the input holding NaN/∞, or else says the logits overflow T.</summary>
    private static void RequireFiniteModel<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> weights, ReadOnlySpan<T> bias, ReadOnlyMatrixView<T> z)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFinite(x, nameof(x));
        LearningArguments.RequireFinite(weights, nameof(weights));
        LearningArguments.RequireFinite(bias, nameof(bias), "index");
        for (int i = 0; i < z.Rows; i++)
        {
            ReadOnlySpan<T> row = z.Row(i);
            for (int k = 0; k < row.Length; k++)
            {
                if (!T.IsFinite(row[k]))
                {
                    throw new ArgumentException(
                        $"The logit x·W + b of row {i}, class {k} is {LearningArguments.Format(row[k])}: finite '{nameof(x)}' and '{nameof(weights)}' overflow {typeof(T).Name}; scale the features or use double.",
                        nameof(weights));
                }
            }
        }
    }
}
