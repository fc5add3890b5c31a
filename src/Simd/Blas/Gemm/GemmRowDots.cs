using System.Numerics;
using System.Threading.Tasks;

namespace Simd.MatrixMultiply;

/// <summary>
/// The product for few rows: <c>C ← α·A·Bᵀ + β·C</c> with A m × k (m ≤ <see cref="MaxRows"/>) and B n × k, both
/// read along k, so every C element is one dot product of a row of A with a row of B. This is the shape of a batch
/// of inputs times a layer's weights (<c>X·Wᵀ</c>): B (the big matrix) is streamed once, with no packing, while the
/// few rows of A stay in cache. Tiles of 4 rows of A × 2 rows of B keep 8 accumulators (two FMA pipes × four cycles)
/// and load 6 vectors per 8 FMAs.
/// Each element is summed the same way (one vector accumulator over k in order, lanes added in a fixed order, then the
/// scalar tail) whichever tile or thread computes it, so results are bit-identical for any thread count.
/// </summary>
internal static unsafe class GemmRowDots
{
    /// <summary>The most rows of op(A) for which this form is used instead of the packed kernels.</summary>
    public const int MaxRows = 8;

    /// <summary>Whether <paramref name="o"/> has the shape this form serves.</summary>
    public static bool Applies<T>(in GemmOperands<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
        => o.M <= MaxRows && !o.TransposeA && o.TransposeB;

    public static void Run<TVector, T, TLanes>(GemmOperands<T> o, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : ILanes<TVector, T>
    {
        if (threads == 1 || o.N < 4 * threads)
        {
            Columns<TVector, T, TLanes>(o, 0, o.N);
            return;
        }

        // Thread t takes a contiguous run of B rows (columns of C), an even number so the 2-row tiles stay whole.
        int pairs = (o.N + 1) / 2;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int first = (int)((long)pairs * t / threads) * 2, last = int.Min(o.N, (int)((long)pairs * (t + 1) / threads) * 2);
            Columns<TVector, T, TLanes>(o, first, last);
        });
    }

    /// <summary>Columns [j0, j1) of C: B rows in pairs (outer, so each is fetched from memory once), A rows in fours (inner, from cache).</summary>
    private static void Columns<TVector, T, TLanes>(in GemmOperands<T> o, int j0, int j1)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : ILanes<TVector, T>
    {
        int fullRows = o.M / 4 * 4;
        int j = j0;
        for (; j + 2 <= j1; j += 2)
        {
            for (int i = 0; i < fullRows; i += 4)
            {
                Tile4x2<TVector, T, TLanes>(o, i, j);
            }

            for (int i = fullRows; i < o.M; i++)
            {
                Single<TVector, T, TLanes>(o, i, j);
                Single<TVector, T, TLanes>(o, i, j + 1);
            }
        }

        for (; j < j1; j++)
        {
            for (int i = 0; i < o.M; i++)
            {
                Single<TVector, T, TLanes>(o, i, j);
            }
        }
    }

    private static void Tile4x2<TVector, T, TLanes>(in GemmOperands<T> o, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : ILanes<TVector, T>
    {
        int w = TLanes.Count, k = o.K;
        T* a0 = o.A + (i * o.Lda), a1 = a0 + o.Lda, a2 = a1 + o.Lda, a3 = a2 + o.Lda;
        T* b0 = o.B + (j * o.Ldb), b1 = b0 + o.Ldb;
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s10 = TLanes.Zero, s11 = TLanes.Zero;
        TVector s20 = TLanes.Zero, s21 = TLanes.Zero, s30 = TLanes.Zero, s31 = TLanes.Zero;
        int p = 0;
        for (; p + w <= k; p += w)
        {
            TVector v0 = TLanes.Load(b0 + p), v1 = TLanes.Load(b1 + p);
            TVector x = TLanes.Load(a0 + p);
            s00 = TLanes.Fma(x, v0, s00);
            s01 = TLanes.Fma(x, v1, s01);
            x = TLanes.Load(a1 + p);
            s10 = TLanes.Fma(x, v0, s10);
            s11 = TLanes.Fma(x, v1, s11);
            x = TLanes.Load(a2 + p);
            s20 = TLanes.Fma(x, v0, s20);
            s21 = TLanes.Fma(x, v1, s21);
            x = TLanes.Load(a3 + p);
            s30 = TLanes.Fma(x, v0, s30);
            s31 = TLanes.Fma(x, v1, s31);
        }

        Finish(o, i, j, TLanes.Sum(s00), a0, b0, p);
        Finish(o, i, j + 1, TLanes.Sum(s01), a0, b1, p);
        Finish(o, i + 1, j, TLanes.Sum(s10), a1, b0, p);
        Finish(o, i + 1, j + 1, TLanes.Sum(s11), a1, b1, p);
        Finish(o, i + 2, j, TLanes.Sum(s20), a2, b0, p);
        Finish(o, i + 2, j + 1, TLanes.Sum(s21), a2, b1, p);
        Finish(o, i + 3, j, TLanes.Sum(s30), a3, b0, p);
        Finish(o, i + 3, j + 1, TLanes.Sum(s31), a3, b1, p);
    }

    private static void Single<TVector, T, TLanes>(in GemmOperands<T> o, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : ILanes<TVector, T>
    {
        int w = TLanes.Count, k = o.K;
        T* a = o.A + (i * o.Lda);
        T* b = o.B + (j * o.Ldb);
        TVector s = TLanes.Zero;
        int p = 0;
        for (; p + w <= k; p += w)
        {
            s = TLanes.Fma(TLanes.Load(a + p), TLanes.Load(b + p), s);
        }

        Finish(o, i, j, TLanes.Sum(s), a, b, p);
    }

    /// <summary>Adds the scalar tail p … k−1 to the vector part and folds the dot product into C.</summary>
    private static void Finish<T>(in GemmOperands<T> o, int i, int j, T sum, T* a, T* b, int p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (; p < o.K; p++)
        {
            sum += a[p] * b[p];
        }

        T* c = o.C + (i * o.Ldc) + j;
        *c = VectorMath.Update(sum, o.Alpha, o.Beta, *c);
    }
}
