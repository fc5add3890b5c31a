using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Simd.Widths;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// softmax(z)ₖ = e^(zₖ) / Σⱼ e^(zⱼ) and log-softmax(z)ₖ = zₖ − log Σⱼ e^(zⱼ), of a vector or of each row of a
/// matrix, the cross-entropy against integer labels, and the cross-entropy with its gradient in one call.
/// </summary>
/// <remarks>
/// <para>Every form subtracts the row maximum M first — softmax(z) = softmax(z − M) — so e^t is only taken of t ≤ 0: no
/// overflow, and the largest term is exactly 1, so the sum is ≥ 1 and its logarithm never log(0). Each row takes three
/// passes (maximum; e^(z − M) stored and summed; scale or shift), vectorised at the width the processor path allows,
/// with e^t from <see cref="Operators.KernelMath"/> in the element type (within 1 ulp) and the sums in the element type.</para>
/// <para>−∞ is a valid logit (a masked class): its probability is exactly 0 and its log-probability −∞, the limit of
/// the formula. NaN and +∞ are rejected, as is a row holding only −∞ (its softmax is 0/0); the error names the row and
/// column. A row is checked before anything of it is written, but when a row fails, other rows may already have been
/// written (in place: overwritten).</para>
/// <para>Many rows run on several cores (each row on one thread, in a partition fixed by the shape), so the results
/// are bit-identical for every thread count.</para>
/// </remarks>
public static class Softmax
{
    /// <summary>destination = softmax(z); <paramref name="destination"/> may be <paramref name="z"/> itself (in place).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The logits, at least one; −∞ entries (masked) get probability 0.</param>
    /// <param name="destination">Receives the probabilities (they sum to 1), as long as <paramref name="z"/>; <paramref name="z"/> itself or a separate buffer.</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, the destination overlaps <paramref name="z"/> shifted, a logit is NaN or +∞ (the index is named), or every logit is −∞.</exception>
    public static void Compute<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(z, destination, nameof(z), nameof(destination));
        Vector(z, destination, SoftmaxForm.Softmax);
    }

    /// <summary>destination = log-softmax(z) = z − M − log Σ e^(z − M); may be computed in place.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The logits, at least one; −∞ entries (masked) get log-probability −∞.</param>
    /// <param name="destination">Receives the log-probabilities, as long as <paramref name="z"/>; <paramref name="z"/> itself or a separate buffer.</param>
    /// <exception cref="ArgumentException">Empty input, lengths differ, the destination overlaps <paramref name="z"/> shifted, a logit is NaN or +∞ (the index is named), or every logit is −∞.</exception>
    public static void ComputeLog<T>(ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(z, destination, nameof(z), nameof(destination));
        Vector(z, destination, SoftmaxForm.LogSoftmax);
    }

    /// <summary>The softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>, on all cores.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1; −∞ entries (masked) get probability 0.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, a logit is NaN or +∞, or a row holds only −∞ (row and column are named).</exception>
    public static void ComputeRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, SoftmaxForm.Softmax, -1);

    /// <summary>The softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>, on at most <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1; −∞ entries (masked) get probability 0.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, a logit is NaN or +∞, or a row holds only −∞ (row and column are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void ComputeRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, SoftmaxForm.Softmax, maxDegreeOfParallelism);

    /// <summary>The log-softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>, on all cores.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1; −∞ entries (masked) get log-probability −∞.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, a logit is NaN or +∞, or a row holds only −∞ (row and column are named).</exception>
    public static void ComputeLogRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, SoftmaxForm.LogSoftmax, -1);

    /// <summary>The log-softmax of each row of <paramref name="z"/> into the same row of <paramref name="destination"/>, on at most <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, k ≥ 1; −∞ entries (masked) get log-probability −∞.</param>
    /// <param name="destination">An m×k matrix: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <exception cref="ArgumentException">No columns, shapes differ, the destination partly overlaps <paramref name="z"/>, a logit is NaN or +∞, or a row holds only −∞ (row and column are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void ComputeLogRows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Rows(z, destination, SoftmaxForm.LogSoftmax, maxDegreeOfParallelism);

    /// <summary>
    /// The mean cross-entropy −(1/m) Σᵢ log softmax(zᵢ)[labelᵢ] = (1/m) Σᵢ (log Σⱼ e^(zᵢⱼ) − zᵢ,labelᵢ), from the logits
    /// directly (never log of a rounded-to-zero probability).
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, m ≥ 1, k ≥ 1; a −∞ logit at a row's label makes the loss +∞.</param>
    /// <param name="labels">The m class indices, each in [0, k).</param>
    /// <returns>The mean cross-entropy, ≥ 0.</returns>
    /// <exception cref="ArgumentException">Empty input, lengths differ, a logit is NaN or +∞, a row holds only −∞, or a label is out of range (the row is named).</exception>
    public static double CrossEntropy<T>(ReadOnlyMatrixView<T> z, ReadOnlySpan<int> labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckCrossEntropy(z, labels);
        int failed = SoftmaxRows.Run(z, default, SoftmaxForm.Loss, labels, T.Zero, Span<T>.Empty, -1, out double sum);
        if (failed >= 0)
        {
            throw RowError(z, failed, nameof(z));
        }

        return sum / z.Rows;
    }

    /// <summary>
    /// The cross-entropy of every row and its gradient with respect to the logits in one fused call:
    /// lossᵢ = log Σⱼ e^(zᵢⱼ) − zᵢ,labelᵢ, gradient = s·(softmax(z) − one-hot(labels)) with s = 1/m for
    /// <see cref="LossReduction.Mean"/> and 1 for <see cref="LossReduction.Sum"/>.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="z">The m×k logits, m ≥ 1, k ≥ 1; −∞ entries (masked) get gradient 0 off the label.</param>
    /// <param name="labels">The m class indices, each in [0, k).</param>
    /// <param name="gradient">Receives ∂loss/∂z, m×k: the same view as <paramref name="z"/> (in place) or one sharing no element with it.</param>
    /// <param name="rowLosses">Receives each row's loss (m elements), or empty when not wanted; it may not share memory with <paramref name="z"/> or <paramref name="gradient"/>.</param>
    /// <param name="reduction">Whether the returned loss and the gradient are of the mean (the default) or of the sum over rows.</param>
    /// <param name="maxDegreeOfParallelism">−1 for all cores, or the most threads to use; the results are bit-identical for every value.</param>
    /// <returns>The mean (or summed) loss, summed in double.</returns>
    /// <exception cref="ArgumentException">Empty input, shapes or lengths differ, an output overlaps an input, a logit is NaN or +∞, a row holds only −∞, or a label is out of range (the row is named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is not defined, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static double CrossEntropyAndGradient<T>(
        ReadOnlyMatrixView<T> z, ReadOnlySpan<int> labels, MatrixView<T> gradient, Span<T> rowLosses = default,
        LossReduction reduction = LossReduction.Mean, int maxDegreeOfParallelism = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckCrossEntropy(z, labels);
        LearningArguments.RequireMatrixShape(gradient, z.Rows, z.Columns, nameof(gradient));
        Overlap.RequireSeparateOrInPlace(z, nameof(z), gradient, nameof(gradient));
        if (!rowLosses.IsEmpty)
        {
            LearningArguments.RequireLength(rowLosses.Length, z.Rows, nameof(rowLosses), "one loss per row of z, or none");
            Overlap.RequireSeparate(z, nameof(z), rowLosses, nameof(rowLosses));
            Overlap.RequireSeparate(gradient, nameof(gradient), rowLosses, nameof(rowLosses));
        }

        if (reduction is not (LossReduction.Mean or LossReduction.Sum))
        {
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "The reduction must be Mean or Sum.");
        }

        RowChunks.RequireThreadLimit(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        T scale = reduction == LossReduction.Mean ? T.CreateTruncating(1.0 / z.Rows) : T.One;
        int failed = SoftmaxRows.Run(z, gradient, SoftmaxForm.CrossEntropy, labels, scale, rowLosses, maxDegreeOfParallelism, out double sum);
        if (failed >= 0)
        {
            throw RowError(z, failed, nameof(z));
        }

        return reduction == LossReduction.Mean ? sum / z.Rows : sum;
    }

    private static void CheckCrossEntropy<T>(ReadOnlyMatrixView<T> z, ReadOnlySpan<int> labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireRows(z, nameof(z));
        LearningArguments.RequireColumns(z, nameof(z));
        LearningArguments.RequireLength(labels.Length, z.Rows, nameof(labels), "one label per row of z");
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)z.Columns)
            {
                throw new ArgumentException(
                    $"'{nameof(labels)}' holds {label} at row {i}; a label must be a class index in [0, {z.Columns}).", nameof(labels));
            }
        }
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
    }

    private static void Vector<T>(ReadOnlySpan<T> z, Span<T> destination, SoftmaxForm form)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T zr = ref MemoryMarshal.GetReference(z);
        if (!SoftmaxRows.Row(WidthChoice.For<T>((nuint)z.Length), ref zr, ref MemoryMarshal.GetReference(destination), z.Length, form, 0, T.Zero, out _))
        {
            int index = SoftmaxRow.FirstNaNOrPositiveInfinity(in zr, z.Length);
            throw index >= 0
                ? new ArgumentException($"'z' holds {LearningArguments.Format(z[index])} at index {index}; {Accepted}", nameof(z))
                : new ArgumentException($"'z' holds only −∞; {OnlyNegativeInfinity}", nameof(z));
        }
    }

    private static void Rows<T>(ReadOnlyMatrixView<T> z, MatrixView<T> destination, SoftmaxForm form, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireColumns(z, nameof(z));
        LearningArguments.RequireMatrixShape(destination, z.Rows, z.Columns, nameof(destination));
        Overlap.RequireSeparateOrInPlace(z, nameof(z), destination, nameof(destination));
        RowChunks.RequireThreadLimit(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        int failed = SoftmaxRows.Run(z, destination, form, ReadOnlySpan<int>.Empty, T.Zero, Span<T>.Empty, maxDegreeOfParallelism, out _);
        if (failed >= 0)
        {
            throw RowError(z, failed, nameof(z));
        }
    }

    private const string Accepted = "softmax takes finite logits or −∞ (a masked class), never NaN or +∞.";

    private const string OnlyNegativeInfinity = "softmax needs at least one logit above −∞ (every class is masked).";

    /// <summary>The error for a row that failed the screen: its first NaN or +∞, or that it holds only −∞.</summary>
    private static ArgumentException RowError<T>(ReadOnlyMatrixView<T> z, int row, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> values = z.Memory.Span.Slice(row * z.Stride, z.Columns);
        int column = SoftmaxRow.FirstNaNOrPositiveInfinity(in values[0], values.Length);
        return column >= 0
            ? new ArgumentException($"'{name}' holds {LearningArguments.Format(values[column])} at row {row}, column {column}; {Accepted}", name)
            : new ArgumentException($"'{name}' row {row} holds only −∞; {OnlyNegativeInfinity}", name);
    }
}
