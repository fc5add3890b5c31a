using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Simd.MatrixMultiply;
using Simd.Widths;

namespace Simd.LowRank;

/// <summary>
/// <c>W ← W + s·B·A</c> in one streaming pass: every element of W is loaded once and stored once, and B·A is never
/// formed. A (r × k) is first copied into column strips of four vectors, each strip's r rows
/// contiguous, so the inner loop reads A sequentially from L1 instead of r rows 4·k bytes apart (which map to the
/// same cache sets). Rows of W are walked two at a time along their length (more rows 4·k bytes apart at once measured
/// slower: they contend for the same cache sets); within a strip each row keeps four vector accumulators, 8 FMA chains
/// in all (two FMA pipes × four cycles of latency), and each loaded piece of A serves both rows.
/// Element (i, j) is always <c>fma(s, Σ_q B[i,q]·A[q,j], W[i,j])</c> with the sum over q in order, so merge and
/// unmerge (s → −s) use the very same Σ and undo each other up to the two final roundings.
/// </summary>
internal static unsafe class LoraMerge
{
    /// <summary>Rows per parallel share below which one thread does everything.</summary>
    private const int MinRowsPerThread = 64;

    public static void Run<TVector, TLanes>(float* w, nint ldw, int d, int k, float* b, int r, float* a, float s, int threads)
        where TLanes : IVectorWidth<TVector, float>
    {
        int strip = 4 * (int)TLanes.Count;
        int strips = k / strip;
        float* packed = (float*)NativeMemory.AlignedAlloc((nuint)((long)strips * strip * r * sizeof(float)), 64);
        try
        {
            for (int t = 0; t < strips; t++)
            {
                for (int q = 0; q < r; q++)
                {
                    new ReadOnlySpan<float>(a + ((nint)q * k) + (t * strip), strip).CopyTo(new Span<float>(packed + (((nint)t * r) + q) * strip, strip));
                }
            }

            if (threads <= 1 || d < MinRowsPerThread * 2)
            {
                Rows<TVector, TLanes>(w, ldw, 0, d, k, b, r, a, packed, s);
                return;
            }

            RowsInParallel<TVector, TLanes>(w, ldw, d, k, b, r, a, packed, s, threads);
        }
        finally
        {
            NativeMemory.AlignedFree(packed);
        }
    }

    /// <summary>
    /// Chunks of whole groups of four rows, several per thread and handed out on demand, so a thread that loses its core
    /// for a while on a busy machine does not hold the others up. A method of its own: the lambda's captures are
    /// allocated where the method starts, and the one-thread path must allocate nothing.
    /// </summary>
    private static void RowsInParallel<TVector, TLanes>(float* w, nint ldw, int d, int k, float* b, int r, float* a, float* packed, float s, int threads)
        where TLanes : IVectorWidth<TVector, float>
    {
        int groups = (d + 3) / 4;
        int chunks = int.Min(groups, threads * 8);
        nint wp = (nint)w, bp = (nint)b, ap = (nint)a, pp = (nint)packed;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int first = (int)((long)groups * t / chunks) * 4, last = int.Min(d, (int)((long)groups * (t + 1) / chunks) * 4);
            Rows<TVector, TLanes>((float*)wp, ldw, first, last, k, (float*)bp, r, (float*)ap, (float*)pp, s);
        });
    }

    private static void Rows<TVector, TLanes>(float* w, nint ldw, int i0, int i1, int k, float* b, int r, float* a, float* packed, float s)
        where TLanes : IVectorWidth<TVector, float>
    {
        int i = i0;
        for (; i + 2 <= i1; i += 2)
        {
            Two<TVector, TLanes>(w + (i * ldw), ldw, k, b + (i * r), r, a, packed, s);
        }

        for (; i < i1; i++)
        {
            One<TVector, TLanes>(w + (i * ldw), k, b + (i * r), r, a, packed, s);
        }
    }

    private static void Two<TVector, TLanes>(float* w0, nint ldw, int k, float* b0, int r, float* a, float* packed, float s)
        where TLanes : IVectorWidth<TVector, float>
    {
        int v = (int)TLanes.Count, strip = 4 * v;
        float* w1 = w0 + ldw;
        float* b1 = b0 + r;
        TVector vs = TLanes.Broadcast(s);
        int j = 0;
        for (float* ap = packed; j + strip <= k; j += strip)
        {
            TVector p0 = TLanes.Zero, p1 = TLanes.Zero, p2 = TLanes.Zero, p3 = TLanes.Zero;
            TVector q0 = TLanes.Zero, q1 = TLanes.Zero, q2 = TLanes.Zero, q3 = TLanes.Zero;
            for (int l = 0; l < r; l++, ap += strip)
            {
                TVector x0 = TLanes.Load(ap), x1 = TLanes.Load(ap + v), x2 = TLanes.Load(ap + (2 * v)), x3 = TLanes.Load(ap + (3 * v));
                TVector c = TLanes.Broadcast(b0[l]);
                p0 = TLanes.MultiplyAdd(c, x0, p0);
                p1 = TLanes.MultiplyAdd(c, x1, p1);
                p2 = TLanes.MultiplyAdd(c, x2, p2);
                p3 = TLanes.MultiplyAdd(c, x3, p3);
                c = TLanes.Broadcast(b1[l]);
                q0 = TLanes.MultiplyAdd(c, x0, q0);
                q1 = TLanes.MultiplyAdd(c, x1, q1);
                q2 = TLanes.MultiplyAdd(c, x2, q2);
                q3 = TLanes.MultiplyAdd(c, x3, q3);
            }

            Fold<TVector, TLanes>(w0 + j, v, vs, p0, p1, p2, p3);
            Fold<TVector, TLanes>(w1 + j, v, vs, q0, q1, q2, q3);
        }

        Tail(w0, j, k, b0, r, a, s);
        Tail(w1, j, k, b1, r, a, s);
    }

    private static void One<TVector, TLanes>(float* w, int k, float* b, int r, float* a, float* packed, float s)
        where TLanes : IVectorWidth<TVector, float>
    {
        int v = (int)TLanes.Count, strip = 4 * v;
        TVector vs = TLanes.Broadcast(s);
        int j = 0;
        for (float* ap = packed; j + strip <= k; j += strip)
        {
            TVector p0 = TLanes.Zero, p1 = TLanes.Zero, p2 = TLanes.Zero, p3 = TLanes.Zero;
            for (int l = 0; l < r; l++, ap += strip)
            {
                TVector c = TLanes.Broadcast(b[l]);
                p0 = TLanes.MultiplyAdd(c, TLanes.Load(ap), p0);
                p1 = TLanes.MultiplyAdd(c, TLanes.Load(ap + v), p1);
                p2 = TLanes.MultiplyAdd(c, TLanes.Load(ap + (2 * v)), p2);
                p3 = TLanes.MultiplyAdd(c, TLanes.Load(ap + (3 * v)), p3);
            }

            Fold<TVector, TLanes>(w + j, v, vs, p0, p1, p2, p3);
        }

        Tail(w, j, k, b, r, a, s);
    }

    // Inlined: the accumulators must not live across a call (vector registers do not survive one), or they are
    // spilled inside the loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold<TVector, TLanes>(float* w, int v, TVector vs, TVector p0, TVector p1, TVector p2, TVector p3)
        where TLanes : IVectorWidth<TVector, float>
    {
        TLanes.Store(TLanes.MultiplyAdd(vs, p0, TLanes.Load(w)), w);
        TLanes.Store(TLanes.MultiplyAdd(vs, p1, TLanes.Load(w + v)), w + v);
        TLanes.Store(TLanes.MultiplyAdd(vs, p2, TLanes.Load(w + (2 * v))), w + (2 * v));
        TLanes.Store(TLanes.MultiplyAdd(vs, p3, TLanes.Load(w + (3 * v))), w + (3 * v));
    }

    /// <summary>Columns j … k−1 one at a time, with the one-lane form of the same FMA chain.</summary>
    private static void Tail(float* w, int j, int k, float* b, int r, float* a, float s)
    {
        for (; j < k; j++)
        {
            float sum = 0;
            for (int q = 0; q < r; q++)
            {
                sum = Fma(b[q], a[(q * k) + j], sum);
            }

            w[j] = Fma(s, sum, w[j]);
        }
    }

    private static float Fma(float x, float y, float z) => Width1<float>.MultiplyAdd(x, y, z);
}
