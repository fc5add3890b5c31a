using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// The errors of one group of rows (a 128-bit vector of them, in the fused step's grouped loops) from their scores
    /// <paramref name="z"/> and labels <paramref name="y"/>: <see cref="BlockErrors"/>' formula at that width. The cost
    /// terms are the caller's: the squared error sums the errors' squares, the other losses defer them to
    /// <see cref="FlushCostTerms"/>.
    /// </summary>
    static abstract Vector128<T> GroupErrors(Vector128<T> z, Vector128<T> y);

    /// <summary>
    /// <see cref="Error"/> for a block of rows: <paramref name="scores"/> holds their z on entry and their errors on
    /// return; their errors (in double) are added to <paramref name="errorSum"/>, and their cost terms to
    /// <paramref name="costSum"/>, either at once or, for a loss whose terms are costly, once
    /// <paramref name="pending"/> is full or <see cref="FlushCostTerms"/> runs (the rows kept in order).
    /// </summary>
    static abstract void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref CostTermBuffer pending, ref double costSum, ref double errorSum);

    /// <summary>Adds the cost terms of the rows <paramref name="pending"/> holds to <paramref name="costSum"/> and empties it.</summary>
    static abstract void FlushCostTerms(ref CostTermBuffer pending, ref double costSum);
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

    /// <summary>z − y, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> GroupErrors(Vector128<T> z, Vector128<T> y) => z - y;

    /// <summary>Row by row, the operations of <see cref="Error"/> (the rows that take this form are few: the grouped form takes the rest).</summary>
    public static void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref CostTermBuffer pending, ref double costSum, ref double errorSum)
    {
        for (int r = 0; r < scores.Length; r++)
        {
            T error = Error(scores[r], y[r], out double term);
            scores[r] = error;
            costSum += term;
            errorSum += double.CreateTruncating(error);
        }
    }

    /// <summary>Nothing to do: the squared error's terms are added at once.</summary>
    public static void FlushCostTerms(ref CostTermBuffer pending, ref double costSum)
    {
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

    /// <summary>The <c>LogisticError</c> kernel's 128-bit form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> GroupErrors(Vector128<T> z, Vector128<T> y)
        => typeof(T) == typeof(float)
            ? LearningKernels.LogisticError(z.AsSingle(), y.AsSingle()).As<float, T>()
            : LearningKernels.LogisticError(z.AsDouble(), y.AsDouble()).As<double, T>();

    /// <summary>
    /// The block's errors by the <c>LogisticError</c> kernel and its cost terms by the fused <c>LogLossTermSum</c>
    /// (in double), at the machine's vector width: one row at a time, their exponentials and logarithms in scalar
    /// code were most of a step's time (10 ms at 200,000 × 32 float, against 1.9 ms for the squared error).
    /// </summary>
    public static void BlockErrors(Span<T> scores, ReadOnlySpan<T> y, ref CostTermBuffer pending, ref double costSum, ref double errorSum)
    {
        // The cost terms wait, in double, for a kernel call over many blocks; the errors are needed now (the block's
        // weighted rows follow).
        if (!pending.Fits(scores.Length))
        {
            FlushCostTerms(ref pending, ref costSum);
        }

        pending.Add<T>(scores, y);
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

        errorSum += SumAsDouble(scores);
    }

    /// <summary>The log-loss terms of the rows <paramref name="pending"/> holds, in one fused kernel call.</summary>
    public static void FlushCostTerms(ref CostTermBuffer pending, ref double costSum)
    {
        if (!pending.IsEmpty)
        {
            pending.Take(out ReadOnlySpan<double> z, out ReadOnlySpan<double> labels);
            costSum += LearningKernels.LogLossTermSum(z, labels);
        }
    }

    /// <summary>Σ values in double: two double lanes per float pair, in a fixed order.</summary>
    private static double SumAsDouble(ReadOnlySpan<T> values)
    {
        int i = 0;
        double sum = 0;
        if (typeof(T) == typeof(float) && Vector128.IsHardwareAccelerated)
        {
            ref float floats = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(values));
            Vector128<double> lanes = Vector128<double>.Zero;
            for (; i + 4 <= values.Length; i += 4)
            {
                (Vector128<double> low, Vector128<double> high) = Vector128.Widen(Vector128.LoadUnsafe(ref floats, (nuint)i));
                lanes += low + high;
            }

            sum = Vector128.Sum(lanes);
        }

        for (; i < values.Length; i++)
        {
            sum += double.CreateTruncating(values[i]);
        }

        return sum;
    }
}
