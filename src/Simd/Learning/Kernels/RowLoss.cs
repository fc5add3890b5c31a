using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simd.Learning.Kernels;

/// <summary>
/// What the fused gradient step does with one row's linear score <c>z = w·x + b</c>: the error whose
/// product with the row is that row's gradient contribution, and the row's term of the cost.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the error is z − y and the cost term its square (the fused kernel then forms them a vector of rows at a time).</summary>
    static abstract bool IsSquaredError { get; }

    /// <summary>The cost is <c>CostScale / m · Σ costTerm</c>.</summary>
    static abstract double CostScale { get; }

    /// <summary>The row's error (its gradient weight) and, in <paramref name="costTerm"/>, its cost term in double.</summary>
    static abstract T Error(T z, T y, out double costTerm);

    /// <summary>
    /// <see cref="Error"/> for a block of rows: <paramref name="scores"/> holds their z on entry and their errors on
    /// return; their cost terms are added to <paramref name="costSum"/> and their errors (in double) to
    /// <paramref name="errorSum"/>, each row in order.
    /// </summary>
    static abstract void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref double costSum, ref double errorSum);
}

/// <summary>Linear regression: error <c>z − y</c>, cost term <c>(z − y)²</c>, cost scale ½.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct SquaredErrorLoss<T> : IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSquaredError => true;

    public static double CostScale => 0.5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Error(T z, T y, out double costTerm)
    {
        T error = z - y;
        double e = double.CreateTruncating(error);
        costTerm = e * e;
        return error;
    }

    /// <summary>Row by row, the operations of <see cref="Error"/> (the rows that take this form are few: the grouped form takes the rest).</summary>
    public static void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref double costSum, ref double errorSum)
    {
        for (int r = 0; r < scores.Length; r++)
        {
            T error = Error(scores[r], y[r], out double term);
            scores[r] = error;
            costSum += term;
            errorSum += double.CreateTruncating(error);
        }
    }
}

/// <summary>
/// Logistic regression: error <c>g(z) − y</c>, cost term <c>−y·log g(z) − (1 − y)·log(1 − g(z))</c> evaluated as
/// <c>softplus(z) − y·z</c>, which never takes log(0) and never overflows; cost scale 1.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LogLoss<T> : IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSquaredError => false;

    public static double CostScale => 1.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Error(T z, T y, out double costTerm)
    {
        costTerm = LearningKernels.LogLossTerm(double.CreateTruncating(z), double.CreateTruncating(y));
        return LearningKernels.LogisticError(z, y);
    }

    /// <summary>
    /// The block's errors by the <c>LogisticError</c> kernel and its cost terms by the fused <c>LogLossTermSum</c>
    /// (in double), at the machine's vector width: one row at a time, their exponentials and logarithms in scalar
    /// code were most of a step's time (10 ms at 200,000 × 32 float, against 1.9 ms for the squared error).
    /// </summary>
    public static void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref double costSum, ref double errorSum)
    {
        int count = scores.Length;
        Span<double> z = stackalloc double[FusedGradientStep.MaxBlockRows];
        Span<double> labels = stackalloc double[FusedGradientStep.MaxBlockRows];
        z = z.Slice(0, count);
        labels = labels.Slice(0, count);
        for (int r = 0; r < count; r++)
        {
            z[r] = double.CreateTruncating(scores[r]);
            labels[r] = double.CreateTruncating(y[r]);
        }

        costSum += LearningKernels.LogLossTermSum(z, labels);
        if (typeof(T) == typeof(float))
        {
            Span<float> values = MemoryMarshal.Cast<T, float>(scores);
            LearningKernels.LogisticError(values, MemoryMarshal.Cast<T, float>(y), values);
        }
        else
        {
            Span<double> values = MemoryMarshal.Cast<T, double>(scores);
            LearningKernels.LogisticError(values, MemoryMarshal.Cast<T, double>(y), values);
        }

        for (int r = 0; r < count; r++)
        {
            errorSum += double.CreateTruncating(scores[r]);
        }
    }
}
