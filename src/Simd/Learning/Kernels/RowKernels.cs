using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>The per-row loops of the learning layer, written once per width through <see cref="IVectorWidth{TVector, T}"/>.</summary>
internal static class RowKernels
{
    /// <summary>
    /// Σ a[j]·b[j] over <paramref name="length"/> ≥ <c>TWidth.Count</c> elements (see <see cref="DotLanes"/>), one
    /// horizontal sum per row. (Summing 16 rows at once by a transposing shuffle reduction — two blends, a shuffle
    /// and an add per pair of vectors and level — measured slower on our AVX-512 machine; short rows are instead
    /// grouped four at a time with 128-bit horizontal adds, see FusedGradientStep.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot<T, TVector, TWidth>(ref readonly T a, ref readonly T b, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        => TWidth.Sum(DotLanes<T, TVector, TWidth>(in a, in b, length));

    /// <summary>
    /// The products a[j]·b[j] summed into one vector whose lanes add up to the dot product, over
    /// <paramref name="length"/> ≥ <c>TWidth.Count</c> elements. Four accumulators hide the FMA latency
    /// (4 cycles, 2 ports) on long rows; the last partial vector is an overlapping load whose lanes already
    /// counted are zeroed, so there is no scalar tail and no read past the row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector DotLanes<T, TVector, TWidth>(ref readonly T a, ref readonly T b, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        TVector s0 = TWidth.Multiply(TWidth.Load(in a, 0), TWidth.Load(in b, 0));
        int j = count;
        if (length >= 4 * count)
        {
            TVector s1 = TWidth.Multiply(TWidth.Load(in a, (nuint)count), TWidth.Load(in b, (nuint)count));
            TVector s2 = TWidth.Multiply(TWidth.Load(in a, (nuint)(2 * count)), TWidth.Load(in b, (nuint)(2 * count)));
            TVector s3 = TWidth.Multiply(TWidth.Load(in a, (nuint)(3 * count)), TWidth.Load(in b, (nuint)(3 * count)));
            for (j = 4 * count; j + (4 * count) <= length; j += 4 * count)
            {
                s0 = TWidth.MultiplyAdd(TWidth.Load(in a, (nuint)j), TWidth.Load(in b, (nuint)j), s0);
                s1 = TWidth.MultiplyAdd(TWidth.Load(in a, (nuint)(j + count)), TWidth.Load(in b, (nuint)(j + count)), s1);
                s2 = TWidth.MultiplyAdd(TWidth.Load(in a, (nuint)(j + (2 * count))), TWidth.Load(in b, (nuint)(j + (2 * count))), s2);
                s3 = TWidth.MultiplyAdd(TWidth.Load(in a, (nuint)(j + (3 * count))), TWidth.Load(in b, (nuint)(j + (3 * count))), s3);
            }

            s0 = TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3));
        }

        for (; j + count <= length; j += count)
        {
            s0 = TWidth.MultiplyAdd(TWidth.Load(in a, (nuint)j), TWidth.Load(in b, (nuint)j), s0);
        }

        if (j < length)
        {
            nuint last = (nuint)(length - count);
            TVector product = TWidth.Multiply(TWidth.Load(in a, last), TWidth.Load(in b, last));
            s0 = TWidth.Add(s0, TWidth.Blend(TWidth.Zero, product, count - (length - j)));
        }

        return s0;
    }

    /// <summary>
    /// <see cref="DotLanes{T, TVector, TWidth}"/> for a row of exactly four vectors against w's four vectors
    /// (<paramref name="w0"/> … <paramref name="w3"/>, loaded by the caller once for several rows): one multiply and three
    /// multiply-adds in column order, where the general form takes four multiplies and three additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector DotLanesOfFourVectors<T, TVector, TWidth>(ref readonly T row, TVector w0, TVector w1, TVector w2, TVector w3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        nuint count = TWidth.Count;
        TVector s = TWidth.Multiply(TWidth.Load(in row, 0), w0);
        s = TWidth.MultiplyAdd(TWidth.Load(in row, count), w1, s);
        s = TWidth.MultiplyAdd(TWidth.Load(in row, 2 * count), w2, s);
        return TWidth.MultiplyAdd(TWidth.Load(in row, 3 * count), w3, s);
    }

    /// <summary>
    /// The dot-product lanes of four rows (<paramref name="row"/> and the three after it, <paramref name="stride"/> apart)
    /// with w, in one column walk that also adds, when <paramref name="accumulate"/> is set, four earlier rows
    /// (<paramref name="done"/> and the three after it) weighted by <paramref name="e0"/> … <paramref name="e3"/> into g.
    /// The four rows share each load of w (a row at a time, w is loaded once per row), and the earlier rows, already in
    /// L1, are read between the loads from memory of the new ones, so the reads from memory never pause for a walk that
    /// asks memory for nothing. One accumulator per row: each column step waits on ten loads, longer than the latency of
    /// the multiply-add it feeds. The partial last column vector goes first, for the store-forwarding reason of
    /// <see cref="LongRows"/>; its lanes already counted are zeroed in the dot products and kept in g. Unless
    /// <paramref name="ahead"/> is null, the walk also asks for the same columns of the four rows that start there,
    /// <paramref name="aheadStride"/> bytes apart, into L2: one line of each per line of the walk (x86 only).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void DotFourRows<T, TVector, TWidth>(
        ref readonly T row, nint stride, ref readonly T w, int columns, bool accumulate, ref readonly T done, T e0, T e1, T e2, T e3, ref T g,
        out TVector d0, out TVector d1, out TVector d2, out TVector d3, byte* ahead, nint aheadStride)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        ref T a0 = ref Unsafe.AsRef(in row);
        ref T a1 = ref Unsafe.Add(ref a0, stride);
        ref T a2 = ref Unsafe.Add(ref a0, 2 * stride);
        ref T a3 = ref Unsafe.Add(ref a0, 3 * stride);
        ref T p0 = ref Unsafe.AsRef(in done);
        ref T p1 = ref Unsafe.Add(ref p0, stride);
        ref T p2 = ref Unsafe.Add(ref p0, 2 * stride);
        ref T p3 = ref Unsafe.Add(ref p0, 3 * stride);
        TVector b0 = TWidth.Broadcast(e0), b1 = TWidth.Broadcast(e1), b2 = TWidth.Broadcast(e2), b3 = TWidth.Broadcast(e3);
        int full = columns / count * count;
        d0 = d1 = d2 = d3 = TWidth.Zero;
        if (full < columns)
        {
            nuint tail = (nuint)(columns - count);
            int keep = count - (columns - full);
            TVector wt = TWidth.Load(in w, tail);
            d0 = TWidth.Blend(TWidth.Zero, TWidth.Multiply(TWidth.Load(in a0, tail), wt), keep);
            d1 = TWidth.Blend(TWidth.Zero, TWidth.Multiply(TWidth.Load(in a1, tail), wt), keep);
            d2 = TWidth.Blend(TWidth.Zero, TWidth.Multiply(TWidth.Load(in a2, tail), wt), keep);
            d3 = TWidth.Blend(TWidth.Zero, TWidth.Multiply(TWidth.Load(in a3, tail), wt), keep);
            if (accumulate)
            {
                TVector s = WeightedFourRows<T, TVector, TWidth>(b0, b1, b2, b3, in p0, in p1, in p2, in p3, tail);
                TVector old = TWidth.Load(in g, tail);
                TWidth.Store(TWidth.Blend(old, TWidth.Add(old, s), keep), ref g, tail);
            }
        }

        // The walk below asks for the lines at 0, 64, 128, … bytes into each row ahead that it reaches; the one or two lines
        // after those (a partial last vector, a row that does not start on a line) are asked for here.
        if (ahead != null)
        {
            nint reached = ((nint)full * Unsafe.SizeOf<T>() + 63) & ~(nint)63;
            nint last = ((nint)columns * Unsafe.SizeOf<T>()) - 1;
            for (int q = 0; q < 4; q++)
            {
                Sse.Prefetch1(ahead + (q * aheadStride) + reached);
                Sse.Prefetch1(ahead + (q * aheadStride) + last);
            }
        }

        for (int j = 0; j < full; j += count)
        {
            // The same column of the four rows ahead, a line each time the walk reaches a new line of its rows.
            if (ahead != null && ((j * Unsafe.SizeOf<T>()) & 63) < count * Unsafe.SizeOf<T>())
            {
                byte* line = ahead + ((nint)j * Unsafe.SizeOf<T>());
                Sse.Prefetch1(line);
                Sse.Prefetch1(line + aheadStride);
                Sse.Prefetch1(line + (2 * aheadStride));
                Sse.Prefetch1(line + (3 * aheadStride));
            }

            TVector wj = TWidth.Load(in w, (nuint)j);
            d0 = TWidth.MultiplyAdd(TWidth.Load(in a0, (nuint)j), wj, d0);
            d1 = TWidth.MultiplyAdd(TWidth.Load(in a1, (nuint)j), wj, d1);
            d2 = TWidth.MultiplyAdd(TWidth.Load(in a2, (nuint)j), wj, d2);
            d3 = TWidth.MultiplyAdd(TWidth.Load(in a3, (nuint)j), wj, d3);
            if (accumulate)
            {
                TVector s = WeightedFourRows<T, TVector, TWidth>(b0, b1, b2, b3, in p0, in p1, in p2, in p3, (nuint)j);
                TWidth.Store(TWidth.Add(TWidth.Load(in g, (nuint)j), s), ref g, (nuint)j);
            }
        }
    }

    /// <summary>
    /// e₀·r₀[j] + e₁·r₁[j] + e₂·r₂[j] + e₃·r₃[j] for the column vector at <paramref name="j"/> of four rows, in that order
    /// (one multiply, three multiply-adds): the four-row step of <see cref="LongRows"/> and <see cref="DotFourRows"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WeightedFourRows<T, TVector, TWidth>(
        TVector e0, TVector e1, TVector e2, TVector e3, ref readonly T r0, ref readonly T r1, ref readonly T r2, ref readonly T r3, nuint j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector s = TWidth.Multiply(e0, TWidth.Load(in r0, j));
        s = TWidth.MultiplyAdd(e1, TWidth.Load(in r1, j), s);
        s = TWidth.MultiplyAdd(e2, TWidth.Load(in r2, j), s);
        return TWidth.MultiplyAdd(e3, TWidth.Load(in r3, j), s);
    }

    /// <summary>Σ a[j]·b[j], one element at a time in index order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T DotScalar<T>(ref readonly T a, ref readonly T b, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < length; j++)
        {
            sum += Unsafe.Add(ref Unsafe.AsRef(in a), j) * Unsafe.Add(ref Unsafe.AsRef(in b), j);
        }

        return sum;
    }

    /// <summary>Σ (a[j] − b[j])² over <paramref name="length"/> ≥ <c>TWidth.Count</c> elements (same loop shape as <see cref="Dot"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SquaredDistance<T, TVector, TWidth>(ref readonly T a, ref readonly T b, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero;
        int j = 0;
        for (; j + (2 * count) <= length; j += 2 * count)
        {
            TVector d0 = TWidth.Subtract(TWidth.Load(in a, (nuint)j), TWidth.Load(in b, (nuint)j));
            TVector d1 = TWidth.Subtract(TWidth.Load(in a, (nuint)(j + count)), TWidth.Load(in b, (nuint)(j + count)));
            s0 = TWidth.MultiplyAdd(d0, d0, s0);
            s1 = TWidth.MultiplyAdd(d1, d1, s1);
        }

        for (; j + count <= length; j += count)
        {
            TVector d = TWidth.Subtract(TWidth.Load(in a, (nuint)j), TWidth.Load(in b, (nuint)j));
            s0 = TWidth.MultiplyAdd(d, d, s0);
        }

        if (j < length)
        {
            nuint last = (nuint)(length - count);
            TVector d = TWidth.Subtract(TWidth.Load(in a, last), TWidth.Load(in b, last));
            s1 = TWidth.Add(s1, TWidth.Blend(TWidth.Zero, TWidth.Multiply(d, d), count - (length - j)));
        }

        return TWidth.Sum(TWidth.Add(s0, s1));
    }

    /// <summary>Σ (a[j] − b[j])², one element at a time in index order.</summary>
    public static T SquaredDistanceScalar<T>(ref readonly T a, ref readonly T b, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < length; j++)
        {
            T d = Unsafe.Add(ref Unsafe.AsRef(in a), j) - Unsafe.Add(ref Unsafe.AsRef(in b), j);
            sum += d * d;
        }

        return sum;
    }

    /// <summary>
    /// g[j] += Σ_r e[r] · x[r, j] for the <paramref name="rows"/> rows of one cache block. The block was just
    /// read for the dot products, so this second walk over it hits L1. Per column vector, four accumulators
    /// over alternating rows hide the FMA latency; the last partial column vector overlaps the previous one
    /// and only its new lanes are stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AccumulateWeighted<T, TVector, TWidth>(ref readonly T x, nint stride, int rows, int columns, ReadOnlySpan<T> e, ref T g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;
        if (columns == 4 * count)
        {
            RowsOfFourVectors<T, TVector, TWidth>(in x, stride, rows, e, ref g);
            return;
        }

        if (columns >= LongRowVectors * count)
        {
            LongRows<T, TVector, TWidth>(in x, stride, rows, columns, e, ref g);
            return;
        }

        int j = 0;
        for (; j + count <= columns; j += count)
        {
            TVector sum = ColumnSum<T, TVector, TWidth>(in Unsafe.Add(ref Unsafe.AsRef(in x), j), stride, rows, e);
            TWidth.Store(TWidth.Add(TWidth.Load(in g, (nuint)j), sum), ref g, (nuint)j);
        }

        if (j < columns)
        {
            int last = columns - count;
            TVector sum = ColumnSum<T, TVector, TWidth>(in Unsafe.Add(ref Unsafe.AsRef(in x), last), stride, rows, e);
            TVector old = TWidth.Load(in g, (nuint)last);
            TWidth.Store(TWidth.Blend(old, TWidth.Add(old, sum), count - (columns - j)), ref g, (nuint)last);
        }
    }

    /// <summary>Rows of at least this many vectors take <see cref="LongRows"/>.</summary>
    private const int LongRowVectors = 16;

    /// <summary>
    /// <see cref="AccumulateWeighted"/> for long rows: four rows at a time, their weights broadcast once into registers,
    /// each column vector of g loaded, given the four products and stored back. Column by column over the whole block
    /// (the short-row form) every row's weight is broadcast again for every column vector; at rows of 256 and 512
    /// floats that cost a fifth of the step (on the AVX2 path 57–60 % of the read bandwidth, 73–77 % this way). The
    /// partial last column vector goes first: it overlaps the vector before it, and storing it just before that
    /// vector's load would stall store forwarding; with the rest of the row in between its store has left the store
    /// buffer. At short rows that distance is missing and the per-group load and store of g cost more than the
    /// broadcasts (at 33 floats on AVX2 the step fell from 54 to 40 % of the read bandwidth); at 8–12 vectors the two
    /// forms measured level, so rows below 16 vectors keep the column form.
    /// </summary>
    private static void LongRows<T, TVector, TWidth>(ref readonly T x, nint stride, int rows, int columns, ReadOnlySpan<T> e, ref T g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int count = (int)TWidth.Count;

        // The callers pass rows ≤ e.Length; reading e through a reference drops a bounds check per row.
        ref T er = ref MemoryMarshal.GetReference(e);
        ref T row = ref Unsafe.AsRef(in x);
        int full = columns / count * count;
        nuint tail = (nuint)(columns - count);
        int keep = count - (columns - full);
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            TVector e0 = TWidth.Broadcast(Unsafe.Add(ref er, r));
            TVector e1 = TWidth.Broadcast(Unsafe.Add(ref er, r + 1));
            TVector e2 = TWidth.Broadcast(Unsafe.Add(ref er, r + 2));
            TVector e3 = TWidth.Broadcast(Unsafe.Add(ref er, r + 3));
            ref T r1 = ref Unsafe.Add(ref row, stride);
            ref T r2 = ref Unsafe.Add(ref row, 2 * stride);
            ref T r3 = ref Unsafe.Add(ref row, 3 * stride);
            if (full < columns)
            {
                TVector s = WeightedFourRows<T, TVector, TWidth>(e0, e1, e2, e3, in row, in r1, in r2, in r3, tail);
                TVector old = TWidth.Load(in g, tail);
                TWidth.Store(TWidth.Blend(old, TWidth.Add(old, s), keep), ref g, tail);
            }

            for (int j = 0; j < full; j += count)
            {
                TVector s = WeightedFourRows<T, TVector, TWidth>(e0, e1, e2, e3, in row, in r1, in r2, in r3, (nuint)j);
                TWidth.Store(TWidth.Add(TWidth.Load(in g, (nuint)j), s), ref g, (nuint)j);
            }

            row = ref Unsafe.Add(ref row, 4 * stride);
        }

        for (; r < rows; r++)
        {
            TVector e0 = TWidth.Broadcast(Unsafe.Add(ref er, r));
            if (full < columns)
            {
                TVector old = TWidth.Load(in g, tail);
                TWidth.Store(TWidth.Blend(old, TWidth.MultiplyAdd(e0, TWidth.Load(in row, tail), old), keep), ref g, tail);
            }

            for (int j = 0; j < full; j += count)
            {
                TWidth.Store(TWidth.MultiplyAdd(e0, TWidth.Load(in row, (nuint)j), TWidth.Load(in g, (nuint)j)), ref g, (nuint)j);
            }

            row = ref Unsafe.Add(ref row, stride);
        }
    }

    /// <summary>
    /// <see cref="AccumulateWeighted"/> for rows of exactly four vectors: row by row, the row's weight broadcast once
    /// for all four vectors, each column vector with its own accumulator (rows in order, then added to g). Strip by
    /// strip the weight was broadcast four times per row, and at 128-byte rows on AVX2 those broadcasts were a fair
    /// part of the step.
    /// </summary>
    private static void RowsOfFourVectors<T, TVector, TWidth>(ref readonly T x, nint stride, int rows, ReadOnlySpan<T> e, ref T g)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector a0 = TWidth.Zero, a1 = TWidth.Zero, a2 = TWidth.Zero, a3 = TWidth.Zero;
        ref T row = ref Unsafe.AsRef(in x);

        // The callers pass rows ≤ e.Length; reading e through a reference drops a bounds check per row.
        ref T er = ref MemoryMarshal.GetReference(e);
        for (int r = 0; r < rows; r++)
        {
            AddWeightedRowOfFourVectors<T, TVector, TWidth>(in row, Unsafe.Add(ref er, r), ref a0, ref a1, ref a2, ref a3);
            row = ref Unsafe.Add(ref row, stride);
        }

        AddFourVectors<T, TVector, TWidth>(ref g, a0, a1, a2, a3);
    }

    /// <summary>a += weight · row for a row of four vectors, one accumulator per column vector: the row step of <see cref="RowsOfFourVectors"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddWeightedRowOfFourVectors<T, TVector, TWidth>(ref readonly T row, T weight, ref TVector a0, ref TVector a1, ref TVector a2, ref TVector a3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector w = TWidth.Broadcast(weight);
        a0 = TWidth.MultiplyAdd(w, TWidth.Load(in row, 0), a0);
        a1 = TWidth.MultiplyAdd(w, TWidth.Load(in row, TWidth.Count), a1);
        a2 = TWidth.MultiplyAdd(w, TWidth.Load(in row, 2 * TWidth.Count), a2);
        a3 = TWidth.MultiplyAdd(w, TWidth.Load(in row, 3 * TWidth.Count), a3);
    }

    /// <summary>g[0 … 4 vectors) += (a0, a1, a2, a3): a block's accumulators of <see cref="AddWeightedRowOfFourVectors"/> folded into g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddFourVectors<T, TVector, TWidth>(ref T g, TVector a0, TVector a1, TVector a2, TVector a3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TWidth.Store(TWidth.Add(TWidth.Load(in g, 0), a0), ref g, 0);
        TWidth.Store(TWidth.Add(TWidth.Load(in g, TWidth.Count), a1), ref g, TWidth.Count);
        TWidth.Store(TWidth.Add(TWidth.Load(in g, 2 * TWidth.Count), a2), ref g, 2 * TWidth.Count);
        TWidth.Store(TWidth.Add(TWidth.Load(in g, 3 * TWidth.Count), a3), ref g, 3 * TWidth.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ColumnSum<T, TVector, TWidth>(ref readonly T x, nint stride, int rows, ReadOnlySpan<T> e)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        TVector a0 = TWidth.Zero, a1 = TWidth.Zero, a2 = TWidth.Zero, a3 = TWidth.Zero;
        ref T row = ref Unsafe.AsRef(in x);

        // The callers pass rows ≤ e.Length; reading e through a reference drops a bounds check per row and column.
        ref T er = ref MemoryMarshal.GetReference(e);
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            a0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref er, r)), TWidth.Load(in row, 0), a0);
            a1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref er, r + 1)), TWidth.Load(in Unsafe.Add(ref row, stride), 0), a1);
            a2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref er, r + 2)), TWidth.Load(in Unsafe.Add(ref row, 2 * stride), 0), a2);
            a3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref er, r + 3)), TWidth.Load(in Unsafe.Add(ref row, 3 * stride), 0), a3);
            row = ref Unsafe.Add(ref row, 4 * stride);
        }

        for (; r < rows; r++)
        {
            a0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref er, r)), TWidth.Load(in row, 0), a0);
            row = ref Unsafe.Add(ref row, stride);
        }

        return TWidth.Add(TWidth.Add(a0, a1), TWidth.Add(a2, a3));
    }

    /// <summary>g[j] += Σ_r e[r] · x[r, j], one element at a time, rows in order.</summary>
    public static void AccumulateWeightedScalar<T>(ref readonly T x, nint stride, int rows, int columns, ReadOnlySpan<T> e, ref T g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T row = ref Unsafe.AsRef(in x);
        for (int r = 0; r < rows; r++)
        {
            T er = e[r];
            for (int j = 0; j < columns; j++)
            {
                Unsafe.Add(ref g, j) += er * Unsafe.Add(ref row, j);
            }

            row = ref Unsafe.Add(ref row, stride);
        }
    }
}
