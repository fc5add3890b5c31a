using System.Numerics;
using System.Threading.Tasks;
using Simd.MatrixMultiply;

namespace Simd.LowRank;

/// <summary>
/// <c>W ← W + s·B·A</c> in one streaming pass: every element of W is loaded once and stored once, and B·A is never
/// formed. Four rows of W are updated together so each loaded piece of A (which stays in cache: r × k) serves four
/// rows; two vectors per row give 8 accumulators. Element (i, j) is always <c>fma(s, Σ_q B[i,q]·A[q,j], W[i,j])</c>
/// with the sum over q in order, so merge and unmerge (s → −s) use the very same <c>Σ</c> and undo each other up to
/// the two final roundings.
/// </summary>
internal static unsafe class LoraMerge
{
    /// <summary>Rows per parallel share below which one thread does everything.</summary>
    private const int MinRowsPerThread = 64;

    public static void Run<TVector, TLanes>(float* w, nint ldw, int d, int k, float* b, int r, float* a, float s, int threads)
        where TLanes : ILanes<TVector, float>
    {
        if (threads <= 1 || d < MinRowsPerThread * 2)
        {
            Rows<TVector, TLanes>(w, ldw, 0, d, k, b, r, a, s);
            return;
        }

        int groups = (d + 3) / 4;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int first = (int)((long)groups * t / threads) * 4, last = int.Min(d, (int)((long)groups * (t + 1) / threads) * 4);
            Rows<TVector, TLanes>(w, ldw, first, last, k, b, r, a, s);
        });
    }

    private static void Rows<TVector, TLanes>(float* w, nint ldw, int i0, int i1, int k, float* b, int r, float* a, float s)
        where TLanes : ILanes<TVector, float>
    {
        int i = i0;
        for (; i + 4 <= i1; i += 4)
        {
            Four<TVector, TLanes>(w + (i * ldw), ldw, k, b + (i * r), r, a, s);
        }

        for (; i < i1; i++)
        {
            One<TVector, TLanes>(w + (i * ldw), k, b + (i * r), r, a, s);
        }
    }

    private static void Four<TVector, TLanes>(float* w0, nint ldw, int k, float* b0, int r, float* a, float s)
        where TLanes : ILanes<TVector, float>
    {
        int v = TLanes.Count;
        float* w1 = w0 + ldw, w2 = w1 + ldw, w3 = w2 + ldw;
        float* b1 = b0 + r, b2 = b1 + r, b3 = b2 + r;
        TVector vs = TLanes.Broadcast(s);
        int j = 0;
        for (; j + (2 * v) <= k; j += 2 * v)
        {
            TVector p0 = TLanes.Zero, q0 = TLanes.Zero, p1 = TLanes.Zero, q1 = TLanes.Zero;
            TVector p2 = TLanes.Zero, q2 = TLanes.Zero, p3 = TLanes.Zero, q3 = TLanes.Zero;
            float* aq = a + j;
            for (int q = 0; q < r; q++, aq += k)
            {
                TVector x = TLanes.Load(aq), y = TLanes.Load(aq + v);
                TVector c = TLanes.Broadcast(b0[q]);
                p0 = TLanes.Fma(c, x, p0);
                q0 = TLanes.Fma(c, y, q0);
                c = TLanes.Broadcast(b1[q]);
                p1 = TLanes.Fma(c, x, p1);
                q1 = TLanes.Fma(c, y, q1);
                c = TLanes.Broadcast(b2[q]);
                p2 = TLanes.Fma(c, x, p2);
                q2 = TLanes.Fma(c, y, q2);
                c = TLanes.Broadcast(b3[q]);
                p3 = TLanes.Fma(c, x, p3);
                q3 = TLanes.Fma(c, y, q3);
            }

            TLanes.Store(TLanes.Fma(vs, p0, TLanes.Load(w0 + j)), w0 + j);
            TLanes.Store(TLanes.Fma(vs, q0, TLanes.Load(w0 + j + v)), w0 + j + v);
            TLanes.Store(TLanes.Fma(vs, p1, TLanes.Load(w1 + j)), w1 + j);
            TLanes.Store(TLanes.Fma(vs, q1, TLanes.Load(w1 + j + v)), w1 + j + v);
            TLanes.Store(TLanes.Fma(vs, p2, TLanes.Load(w2 + j)), w2 + j);
            TLanes.Store(TLanes.Fma(vs, q2, TLanes.Load(w2 + j + v)), w2 + j + v);
            TLanes.Store(TLanes.Fma(vs, p3, TLanes.Load(w3 + j)), w3 + j);
            TLanes.Store(TLanes.Fma(vs, q3, TLanes.Load(w3 + j + v)), w3 + j + v);
        }

        Tail<TVector, TLanes>(w0, j, k, b0, r, a, s);
        Tail<TVector, TLanes>(w1, j, k, b1, r, a, s);
        Tail<TVector, TLanes>(w2, j, k, b2, r, a, s);
        Tail<TVector, TLanes>(w3, j, k, b3, r, a, s);
    }

    private static void One<TVector, TLanes>(float* w, int k, float* b, int r, float* a, float s)
        where TLanes : ILanes<TVector, float>
    {
        int v = TLanes.Count;
        TVector vs = TLanes.Broadcast(s);
        int j = 0;
        for (; j + (2 * v) <= k; j += 2 * v)
        {
            TVector p = TLanes.Zero, q = TLanes.Zero;
            float* aq = a + j;
            for (int l = 0; l < r; l++, aq += k)
            {
                TVector c = TLanes.Broadcast(b[l]);
                p = TLanes.Fma(c, TLanes.Load(aq), p);
                q = TLanes.Fma(c, TLanes.Load(aq + v), q);
            }

            TLanes.Store(TLanes.Fma(vs, p, TLanes.Load(w + j)), w + j);
            TLanes.Store(TLanes.Fma(vs, q, TLanes.Load(w + j + v)), w + j + v);
        }

        Tail<TVector, TLanes>(w, j, k, b, r, a, s);
    }

    /// <summary>Columns j … k−1 one at a time, with the one-lane form of the same FMA chain.</summary>
    private static void Tail<TVector, TLanes>(float* w, int j, int k, float* b, int r, float* a, float s)
        where TLanes : ILanes<TVector, float>
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

    private static float Fma(float x, float y, float z) => VectorMath.HasFma ? float.FusedMultiplyAdd(x, y, z) : (x * y) + z;
}
