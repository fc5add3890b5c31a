using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Simd.Learning.Kernels;

/// <summary>
/// The scores and labels, in double, of rows whose cost terms a loss forms later, many blocks at a time: at short
/// rows a block holds only tens of rows, and a kernel call per block spent more on its call and its ends than on the
/// terms (the log-loss's double exponential and logarithm ran 2.5× slower per row in calls of 64 than of 1024). A
/// chunk passes one buffer to each of its blocks in order and empties it at its end, so where it is emptied depends on
/// the chunk's rows alone, never on the thread count.
/// </summary>
internal ref struct CostTermBuffer
{
    /// <summary>Rows the buffer holds: four blocks of the largest size, 16 KiB of stack for the two spans.</summary>
    public const int Capacity = 4 * FusedGradientStep.MaxBlockRows;

    private readonly Span<double> scores;
    private readonly Span<double> labels;
    private int count;

    /// <summary>A buffer over two spans of at least <see cref="Capacity"/> elements (empty for a loss that never defers).</summary>
    public CostTermBuffer(Span<double> scores, Span<double> labels)
    {
        this.scores = scores;
        this.labels = labels;
        count = 0;
    }

    /// <summary>Whether <paramref name="rows"/> more rows fit.</summary>
    public readonly bool Fits(int rows) => count + rows <= scores.Length;

    /// <summary>Appends the rows' scores and labels, widened to double.</summary>
    public void Add<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Widen(z, scores.Slice(count, z.Length));
        Widen(y, labels.Slice(count, y.Length));
        count += z.Length;
    }

    /// <summary>Where the next row's score goes: with <see cref="NextLabel"/>, <see cref="StoreGroup"/> and <see cref="Advance"/>, a loop appends groups without updating the count in every one.</summary>
    public readonly ref double NextScore => ref Unsafe.Add(ref MemoryMarshal.GetReference(scores), count);

    /// <summary>Where the next row's label goes.</summary>
    public readonly ref double NextLabel => ref Unsafe.Add(ref MemoryMarshal.GetReference(labels), count);

    /// <summary>Counts <paramref name="rows"/> rows stored from <see cref="NextScore"/> and <see cref="NextLabel"/> on as held.</summary>
    public void Advance(int rows)
    {
        Debug.Assert(Fits(rows), "The caller made room for the rows before storing them.");
        count += rows;
    }

    /// <summary>
    /// Stores one 128-bit group of rows' scores and labels, widened to double, at <paramref name="offset"/> from
    /// <paramref name="scores"/> and <paramref name="labels"/> (<see cref="NextScore"/> and <see cref="NextLabel"/> of a
    /// buffer with room for them: nothing is checked here, so that nothing in the grouped loops calls out).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreGroup<T>(ref double scores, ref double labels, int offset, Vector128<T> z, Vector128<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            (Vector128<double> zLow, Vector128<double> zHigh) = Vector128.Widen(z.AsSingle());
            (Vector128<double> yLow, Vector128<double> yHigh) = Vector128.Widen(y.AsSingle());
            zLow.StoreUnsafe(ref scores, (nuint)offset);
            zHigh.StoreUnsafe(ref scores, (nuint)offset + 2);
            yLow.StoreUnsafe(ref labels, (nuint)offset);
            yHigh.StoreUnsafe(ref labels, (nuint)offset + 2);
        }
        else
        {
            z.AsDouble().StoreUnsafe(ref scores, (nuint)offset);
            y.AsDouble().StoreUnsafe(ref labels, (nuint)offset);
        }
    }

    /// <summary>The rows held, in order, as <paramref name="heldScores"/> and <paramref name="heldLabels"/>; the buffer is empty afterwards.</summary>
    public void Take(out ReadOnlySpan<double> heldScores, out ReadOnlySpan<double> heldLabels)
    {
        heldScores = scores.Slice(0, count);
        heldLabels = labels.Slice(0, count);
        count = 0;
    }

    /// <summary>Whether no rows are held.</summary>
    public readonly bool IsEmpty => count == 0;

    /// <summary>Each value of <paramref name="source"/> as a double (exact), four floats at a time.</summary>
    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            MemoryMarshal.Cast<T, double>(source).CopyTo(destination);
            return;
        }

        ref float s = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(source));
        ref double d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 4 <= source.Length; i += 4)
            {
                (Vector128<double> low, Vector128<double> high) = Vector128.Widen(Vector128.LoadUnsafe(ref s, (nuint)i));
                low.StoreUnsafe(ref d, (nuint)i);
                high.StoreUnsafe(ref d, (nuint)(i + 2));
            }
        }

        for (; i < source.Length; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
        }
    }
}
