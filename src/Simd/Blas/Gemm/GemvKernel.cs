using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// Matrix-vector products, streaming A once. In the plain orientation rows are taken one at a time, in order, with
/// four accumulators (several rows 4·n bytes apart at once measured much slower for long rows: they contend for the
/// same cache sets); x stays in cache. In the transposed orientation four rows update y together, so y is read and
/// written once per four rows.
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TLanes">The width.</typeparam>
internal static unsafe class GemvKernel<TVector, T, TLanes>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : IVectorWidth<TVector, T>
{
    /// <summary><c>y ← α·A·x + β·y</c> for A m × n: each y[i] is a dot product of row i with x.</summary>
    public static void Plain(int m, int n, T* a, nint lda, T* x, T* y, T alpha, T beta)
    {
        for (int i = 0; i < m; i++)
        {
            y[i] = VectorMath.Update(Dot(n, a + (i * lda), x), alpha, beta, y[i]);
        }
    }

    /// <summary><c>y ← α·Aᵀ·x + β·y</c> for A m × n: y is scaled by β, then gains α·x[i]·(row i) for every row.</summary>
    public static void Transposed(int m, int n, T* a, nint lda, T* x, T* y, T alpha, T beta)
    {
        Scale(n, y, beta);
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            T* a0 = a + (i * lda);
            Axpy4(n, alpha * x[i], a0, alpha * x[i + 1], a0 + lda, alpha * x[i + 2], a0 + (2 * lda), alpha * x[i + 3], a0 + (3 * lda), y);
        }

        for (; i < m; i++)
        {
            Axpy1(n, alpha * x[i], a + (i * lda), y);
        }
    }

    /// <summary><c>y ← β·y</c>, writing zeros (not reading y) when β = 0.</summary>
    public static void Scale(int n, T* y, T beta)
    {
        if (beta == T.One)
        {
            return;
        }

        for (int j = 0; j < n; j++)
        {
            y[j] = beta == T.Zero ? T.Zero : beta * y[j];
        }
    }

    private static T Dot(int n, T* a, T* x)
    {
        int w = (int)TLanes.Count;
        TVector p = TLanes.Zero, q = TLanes.Zero, r = TLanes.Zero, t = TLanes.Zero;
        int j = 0;
        for (; j + (4 * w) <= n; j += 4 * w)
        {
            p = TLanes.MultiplyAdd(TLanes.Load(a + j), TLanes.Load(x + j), p);
            q = TLanes.MultiplyAdd(TLanes.Load(a + j + w), TLanes.Load(x + j + w), q);
            r = TLanes.MultiplyAdd(TLanes.Load(a + j + (2 * w)), TLanes.Load(x + j + (2 * w)), r);
            t = TLanes.MultiplyAdd(TLanes.Load(a + j + (3 * w)), TLanes.Load(x + j + (3 * w)), t);
        }

        for (; j + w <= n; j += w)
        {
            p = TLanes.MultiplyAdd(TLanes.Load(a + j), TLanes.Load(x + j), p);
        }

        T s = TLanes.Sum(TLanes.Add(TLanes.Add(p, q), TLanes.Add(r, t)));
        for (; j < n; j++)
        {
            s += a[j] * x[j];
        }

        return s;
    }

    /// <summary><c>y += c0·r0 + c1·r1 + c2·r2 + c3·r3</c>: y is read and written once for four rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy4(int n, T c0, T* r0, T c1, T* r1, T c2, T* r2, T c3, T* r3, T* y)
    {
        int w = (int)TLanes.Count;
        TVector v0 = TLanes.Broadcast(c0), v1 = TLanes.Broadcast(c1), v2 = TLanes.Broadcast(c2), v3 = TLanes.Broadcast(c3);
        int j = 0;
        for (; j + w <= n; j += w)
        {
            TVector acc = TLanes.Load(y + j);
            acc = TLanes.MultiplyAdd(TLanes.Load(r0 + j), v0, acc);
            acc = TLanes.MultiplyAdd(TLanes.Load(r1 + j), v1, acc);
            acc = TLanes.MultiplyAdd(TLanes.Load(r2 + j), v2, acc);
            acc = TLanes.MultiplyAdd(TLanes.Load(r3 + j), v3, acc);
            TLanes.Store(acc, y + j);
        }

        for (; j < n; j++)
        {
            y[j] += (c0 * r0[j]) + (c1 * r1[j]) + (c2 * r2[j]) + (c3 * r3[j]);
        }
    }

    private static void Axpy1(int n, T c0, T* r0, T* y)
    {
        int w = (int)TLanes.Count;
        TVector v0 = TLanes.Broadcast(c0);
        int j = 0;
        for (; j + w <= n; j += w)
        {
            TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(r0 + j), v0, TLanes.Load(y + j)), y + j);
        }

        for (; j < n; j++)
        {
            y[j] += c0 * r0[j];
        }
    }
}
