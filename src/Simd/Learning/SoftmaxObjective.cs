using System;
using System.Numerics;

namespace Simd.Learning;

/// <summary>
/// The cross-entropy of softmax regression for <see cref="GradientDescent"/>: W (n×K) and b (K) as flat arrays, with the
/// m×K logits and the K column sums allocated once and reused by every evaluation.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
internal readonly ref struct SoftmaxObjective<T> : IDescentObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReadOnlyMatrixView<T> x;
    private readonly ReadOnlySpan<int> labels;
    private readonly int classes;
    private readonly double l2;
    private readonly int maxDegreeOfParallelism;
    private readonly MatrixView<T> logits;
    private readonly double[] sums;

    public SoftmaxObjective(ReadOnlyMatrixView<T> x, ReadOnlySpan<int> labels, int classes, double l2, int maxDegreeOfParallelism)
    {
        this.x = x;
        this.labels = labels;
        this.classes = classes;
        this.l2 = l2;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
        logits = new MatrixView<T>(new T[x.Rows * classes], x.Rows, classes);
        sums = new double[classes];
    }

    /// <inheritdoc/>
    public double Evaluate(T[] weights, T[] bias, T[] weightGradient, T[] biasGradient)
        => SoftmaxRegression.Evaluate(
            x,
            labels,
            new ReadOnlyMatrixView<T>(weights, x.Columns, classes),
            bias,
            new MatrixView<T>(weightGradient, x.Columns, classes),
            biasGradient,
            l2,
            logits,
            sums,
            maxDegreeOfParallelism);
}
