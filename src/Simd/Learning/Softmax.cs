using System;
using System.Numerics;

namespace Simd.Learning;

/// <summary>
/// softmax(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ) and log-softmax(z)ₖ = zₖ − log Σⱼ e^(zⱼ), of a vector or of each row of a
/// matrix, and the mean cross-entropy against integer labels.
/// </summary>
/// <remarks>
/// Every form subtracts the maximum M first — softmax(z) = softmax(z − M) — so e^t is only taken of t ≤ 0: no
/// overflow, and the largest term is exactly 1, so the sum is ≥ 1 and its logarithm never log(0). The sums are
/// carried in double.
/// </remarks>
public static class Softmax
{
    /// <summary>destination = softmax(z); <paramref name="destination"/> may be <paramref name="z"/> itself (in place).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The logits, at least one.</param>
    /// <param name="destination">Receives the probabilities (they sum to 1), as long as <paramref name="z"/>; <paramref name="z"/> itself or a separate buffer.</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, the destination overlaps <paramref name="z"/> shifted, or a logit is NaN/∞ (the index is named).</exception>
    public static void Compute<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(z, destination, nameof(z), nameof(destination));
        Row(z, destination, log: false);
    }

    /// <summary>destination = log-softmax(z) = z − M − log Σ e^(z − M); may be computed in place.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The logits, at least one.</param>
    /// <param name="destination">Receives the log-probabilities, as long as <paramref name="z"/>; <paramref name="z"/> itself or a separate buffer.</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, the destination overlaps <paramref name="z"/> shifted, or a logit is NaN/∞ (the index is named).</exception>
    public static void ComputeLog<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(z, destination, nameof(z), nameof(destination));
        Row(z, destination, log: true);
    }

    /// <summary>The softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, or a logit is NaN/∞ (row and column are named).</exception>
    public static void ComputeRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, log: false);

    /// <summary>The log-softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, or a logit is NaN/∞ (row and column are named).</exception>
    public static void ComputeLogRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, log: true);

    /// <summary>
    /// The mean cross-entropy −(1/m) Σᵢ log softmax(zᵢ)[labelᵢ] = (1/m) Σᵢ (log Σⱼ e^(zᵢⱼ) − zᵢ,labelᵢ), from the logits
    /// directly (never log of a rounded-to-zero probability).
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, m ≥ 1, k ≥ 1.</param>
    /// <param name="labels">The m class indices, each in [0, k).</param>
    /// <returns>The mean cross-entropy, ≥ 0.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths differ, a logit is NaN/∞, or a label is out of range (the row is named).</exception>
    public static double CrossEntropy<T>(ReadOnlyMatrixView<T> z, ReadOnlySpan<int> labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireRows(z, nameof(z));
        LearningArguments.RequireColumns(z, nameof(z));
        LearningArguments.RequireLength(labels.Length, z.Rows, nameof(labels), "one label per row of z");
        LearningArguments.RequireFinite(z, nameof(z));
        ReadOnlySpan<T> data = z.Memory.Span;
        double total = 0;
        for (int i = 0; i < z.Rows; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)z.Columns)
            {
                throw new ArgumentException(
                    $"'{nameof(labels)}' holds {label} at row {i}; a label must be a class index in [0, {z.Columns}).", nameof(labels));
            }

            ReadOnlySpan<T> row = data.Slice(i * z.Stride, z.Columns);
            double max = Max(row);
            total += max + Math.Log(SumExp(row, max)) - double.CreateTruncating(row[label]);
        }

        return total / z.Rows;
    }

    private static void Validate<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> destination, string name, string destinationName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        if (z.IsEmpty)
        {
            throw new ArgumentException($"'{name}' is empty; softmax needs at least one logit.", name);
        }

        if (destination.Length != z.Length)
        {
            LearningArguments.RequireLength(destination.Length, z.Length, destinationName, "one per element of '" + name + "'");
        }

        Overlap.RequireSeparateOrInPlace(z, name, destination, destinationName);
        LearningArguments.RequireFinite(z, name, "index");
    }

    private static void Rows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireColumns(z, nameof(z));
        LearningArguments.RequireMatrixShape(destination, z.Rows, z.Columns, nameof(destination));
        Overlap.RequireSeparateOrInPlace(z, nameof(z), destination, nameof(destination));
        LearningArguments.RequireFinite(z, nameof(z));
        for (int i = 0; i < z.Rows; i++)
        {
            Row(z.Row(i), destination.Row(i), log);
        }
    }

    private static void Row<T>(ReadOnlySpan<T> z, Span<T> destination, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = Max(z);
        double sum = SumExp(z, max);
        if (log)
        {
            double logSum = Math.Log(sum);
            for (int k = 0; k < z.Length; k++)
            {
                destination[k] = T.CreateTruncating(double.CreateTruncating(z[k]) - max - logSum);
            }
        }
        else
        {
            double inverse = 1.0 / sum;
            for (int k = 0; k < z.Length; k++)
            {
                destination[k] = T.CreateTruncating(Math.Exp(double.CreateTruncating(z[k]) - max) * inverse);
            }
        }
    }

    private static double Max<T>(ReadOnlySpan<T> z)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = z[0];
        foreach (T v in z)
        {
            max = T.Max(max, v);
        }

        return double.CreateTruncating(max);
    }

    private static double SumExp<T>(ReadOnlySpan<T> z, double max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in z)
        {
            sum += Math.Exp(double.CreateTruncating(v) - max);
        }

        return sum;
    }
}
