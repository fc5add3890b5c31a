using System;
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
