using System.Numerics;
using System.Threading.Tasks;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// The product for few rows: <c>C ← α·A·Bᵀ + β·C</c> with A m × k (m ≤ <see cref="MaxRows"/>) and B n × k, both
/// read along k, so every C element is one dot product of a row of A with a row of B. This is the shape of a batch
/// of inputs times a layer's weights (<c>X·Wᵀ</c>): B (the big matrix) is streamed once, with no packing, while the
/// few rows of A stay in cache.
/// Each element is summed the same way (one vector accumulator over k in order, its lanes added in a fixed order,
/// then the scalar tail) whichever tile or thread computes it, so results are bit-identical for any thread count.
/// </summary>
internal static unsafe class GemmRowDots
{
    /// <summary>The most rows of op(A) for which this form is used instead of the packed kernels.</summary>
    public const int MaxRows = 8;

    /// <summary>Work items per thread in the parallel split.</summary>
    private const int ChunksPerThread = 8;

    /// <summary>Whether <paramref name="o"/> has the shape this form serves.</summary>
    public static bool Applies<T>(in GemmOperands<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
        => o.M <= MaxRows && !o.TransposeA && o.TransposeB;

    public static void Run<TVector, T, TLanes>(GemmOperands<T> o, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        if (threads == 1 || o.N < 4 * threads)
        {
            Columns<TVector, T, TLanes>(o, 0, o.N);
            return;
        }

        ColumnsInParallel<TVector, T, TLanes>(o, threads);
    }

    /// <summary>
    /// Chunks of whole groups of four B rows (columns of C), several per thread and handed out on demand, so a thread
    /// that loses its core for a while on a busy machine does not hold the others up. A method of its own: the lambda's
    /// captures are allocated where the method starts, and the one-thread path must allocate nothing.
    /// </summary>
    private static void ColumnsInParallel<TVector, T, TLanes>(GemmOperands<T> o, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        int groups = (o.N + 3) / 4;
        int chunks = int.Min(groups, threads * ChunksPerThread);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int first = (int)((long)groups * t / chunks) * 4, last = int.Min(o.N, (int)((long)groups * (t + 1) / chunks) * 4);
            Columns<TVector, T, TLanes>(o, first, last);
        });
    }

    /// <summary>
    /// Columns [j0, j1) of C: B rows in groups (outer, so each is fetched from memory once), rows of A in fours
    /// (inner, from cache). With 512-bit registers (32 of them) a tile is 4 rows of A × 4 rows of B, 16 accumulators,
    /// 8 loads per 16 FMAs; with 16 registers it is 4 × 2, 8 accumulators,
    /// 6 loads per 8 FMAs.
    /// </summary>
    private static void Columns<TVector, T, TLanes>(in GemmOperands<T> o, int j0, int j1)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        int fullRows = o.M / 4 * 4;
        int group = (int)TLanes.Count * sizeof(T) == 64 ? 4 : 2;
        int j = j0;
        for (; j + group <= j1; j += group)
        {
            for (int i = 0; i < fullRows; i += 4)
            {
                if (group == 4)
                {
                    Tile4x4<TVector, T, TLanes>(o, i, j);
                }
                else
                {
                    Tile4x2<TVector, T, TLanes>(o, i, j);
                }
            }

            for (int i = fullRows; i < o.M; i++)
            {
                for (int jj = j; jj < j + group; jj++)
                {
                    Single<TVector, T, TLanes>(o, i, jj);
                }
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

    private static void Tile4x4<TVector, T, TLanes>(in GemmOperands<T> o, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        int w = (int)TLanes.Count, k = o.K;
        T* a0 = o.A + (i * o.Lda), a1 = a0 + o.Lda, a2 = a1 + o.Lda, a3 = a2 + o.Lda;
        T* b0 = o.B + (j * o.Ldb), b1 = b0 + o.Ldb, b2 = b1 + o.Ldb, b3 = b2 + o.Ldb;
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s02 = TLanes.Zero, s03 = TLanes.Zero;
        TVector s10 = TLanes.Zero, s11 = TLanes.Zero, s12 = TLanes.Zero, s13 = TLanes.Zero;
        TVector s20 = TLanes.Zero, s21 = TLanes.Zero, s22 = TLanes.Zero, s23 = TLanes.Zero;
        TVector s30 = TLanes.Zero, s31 = TLanes.Zero, s32 = TLanes.Zero, s33 = TLanes.Zero;
        int p = 0;
        for (; p + w <= k; p += w)
        {
            TVector v0 = TLanes.Load(b0 + p), v1 = TLanes.Load(b1 + p), v2 = TLanes.Load(b2 + p), v3 = TLanes.Load(b3 + p);
            TVector x = TLanes.Load(a0 + p);
            s00 = TLanes.MultiplyAdd(x, v0, s00);
            s01 = TLanes.MultiplyAdd(x, v1, s01);
            s02 = TLanes.MultiplyAdd(x, v2, s02);
            s03 = TLanes.MultiplyAdd(x, v3, s03);
            x = TLanes.Load(a1 + p);
            s10 = TLanes.MultiplyAdd(x, v0, s10);
            s11 = TLanes.MultiplyAdd(x, v1, s11);
            s12 = TLanes.MultiplyAdd(x, v2, s12);
            s13 = TLanes.MultiplyAdd(x, v3, s13);
            x = TLanes.Load(a2 + p);
            s20 = TLanes.MultiplyAdd(x, v0, s20);
            s21 = TLanes.MultiplyAdd(x, v1, s21);
            s22 = TLanes.MultiplyAdd(x, v2, s22);
            s23 = TLanes.MultiplyAdd(x, v3, s23);
            x = TLanes.Load(a3 + p);
            s30 = TLanes.MultiplyAdd(x, v0, s30);
            s31 = TLanes.MultiplyAdd(x, v1, s31);
            s32 = TLanes.MultiplyAdd(x, v2, s32);
            s33 = TLanes.MultiplyAdd(x, v3, s33);
        }

        // Reduce every accumulator before any call: vector registers do not survive a call, and accumulators live
        // across one would be spilled inside the loop.
        T t00 = TLanes.Sum(s00), t01 = TLanes.Sum(s01), t02 = TLanes.Sum(s02), t03 = TLanes.Sum(s03);
        T t10 = TLanes.Sum(s10), t11 = TLanes.Sum(s11), t12 = TLanes.Sum(s12), t13 = TLanes.Sum(s13);
        T t20 = TLanes.Sum(s20), t21 = TLanes.Sum(s21), t22 = TLanes.Sum(s22), t23 = TLanes.Sum(s23);
        T t30 = TLanes.Sum(s30), t31 = TLanes.Sum(s31), t32 = TLanes.Sum(s32), t33 = TLanes.Sum(s33);
        Finish4(o, i, j, t00, t01, t02, t03, a0, b0, p);
        Finish4(o, i + 1, j, t10, t11, t12, t13, a1, b0, p);
        Finish4(o, i + 2, j, t20, t21, t22, t23, a2, b0, p);
        Finish4(o, i + 3, j, t30, t31, t32, t33, a3, b0, p);
    }

    private static void Tile4x2<TVector, T, TLanes>(in GemmOperands<T> o, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        int w = (int)TLanes.Count, k = o.K;
        T* a0 = o.A + (i * o.Lda), a1 = a0 + o.Lda, a2 = a1 + o.Lda, a3 = a2 + o.Lda;
        T* b0 = o.B + (j * o.Ldb), b1 = b0 + o.Ldb;
        TVector s00 = TLanes.Zero, s01 = TLanes.Zero, s10 = TLanes.Zero, s11 = TLanes.Zero;
        TVector s20 = TLanes.Zero, s21 = TLanes.Zero, s30 = TLanes.Zero, s31 = TLanes.Zero;
        int p = 0;
        for (; p + w <= k; p += w)
        {
            TVector v0 = TLanes.Load(b0 + p), v1 = TLanes.Load(b1 + p);
            TVector x = TLanes.Load(a0 + p);
            s00 = TLanes.MultiplyAdd(x, v0, s00);
            s01 = TLanes.MultiplyAdd(x, v1, s01);
            x = TLanes.Load(a1 + p);
            s10 = TLanes.MultiplyAdd(x, v0, s10);
            s11 = TLanes.MultiplyAdd(x, v1, s11);
            x = TLanes.Load(a2 + p);
            s20 = TLanes.MultiplyAdd(x, v0, s20);
            s21 = TLanes.MultiplyAdd(x, v1, s21);
            x = TLanes.Load(a3 + p);
            s30 = TLanes.MultiplyAdd(x, v0, s30);
            s31 = TLanes.MultiplyAdd(x, v1, s31);
        }

        T t00 = TLanes.Sum(s00), t01 = TLanes.Sum(s01), t10 = TLanes.Sum(s10), t11 = TLanes.Sum(s11);
        T t20 = TLanes.Sum(s20), t21 = TLanes.Sum(s21), t30 = TLanes.Sum(s30), t31 = TLanes.Sum(s31);
        Finish(o, i, j, t00, a0, b0, p);
        Finish(o, i, j + 1, t01, a0, b1, p);
        Finish(o, i + 1, j, t10, a1, b0, p);
        Finish(o, i + 1, j + 1, t11, a1, b1, p);
        Finish(o, i + 2, j, t20, a2, b0, p);
        Finish(o, i + 2, j + 1, t21, a2, b1, p);
        Finish(o, i + 3, j, t30, a3, b0, p);
        Finish(o, i + 3, j + 1, t31, a3, b1, p);
    }

    /// <summary>One row of A against one row of B, summed exactly as in the tiles: one accumulator, then its lanes, then the tail.</summary>
    private static void Single<TVector, T, TLanes>(in GemmOperands<T> o, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        int w = (int)TLanes.Count, k = o.K;
        T* a = o.A + (i * o.Lda);
        T* b = o.B + (j * o.Ldb);
        TVector s = TLanes.Zero;
        int p = 0;
        for (; p + w <= k; p += w)
        {
            s = TLanes.MultiplyAdd(TLanes.Load(a + p), TLanes.Load(b + p), s);
        }

        Finish(o, i, j, TLanes.Sum(s), a, b, p);
    }

    private static void Finish4<T>(in GemmOperands<T> o, int i, int j, T t0, T t1, T t2, T t3, T* a, T* b0, int p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Finish(o, i, j, t0, a, b0, p);
        Finish(o, i, j + 1, t1, a, b0 + o.Ldb, p);
        Finish(o, i, j + 2, t2, a, b0 + (2 * o.Ldb), p);
        Finish(o, i, j + 3, t3, a, b0 + (3 * o.Ldb), p);
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
