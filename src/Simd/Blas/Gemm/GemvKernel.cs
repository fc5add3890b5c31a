using System.Numerics;
using System.Runtime.CompilerServices;

namespace Simd.MatrixMultiply;

/// <summary>
/// Matrix-vector products, streaming A once. Four rows of A are processed together so that each loaded piece
/// of x (or y) serves four rows; in the plain orientation each row keeps two accumulators, so eight FMA
/// chains are in flight (two FMA pipes × four cycles of latency).
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TLanes">The width.</typeparam>
internal static unsafe class GemvKernel<TVector, T, TLanes>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : ILanes<TVector, T>
{
    /// <summary><c>y ← α·A·x + β·y</c> for A m × n: each y[i] is a dot product of row i with x.</summary>
    public static void Plain(int m, int n, T* a, nint lda, T* x, T* y, T alpha, T beta)
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            T* a0 = a + (i * lda);
            (T s0, T s1, T s2, T s3) = Dot4(n, a0, a0 + lda, a0 + (2 * lda), a0 + (3 * lda), x);
            y[i] = VectorMath.Update(s0, alpha, beta, y[i]);
            y[i + 1] = VectorMath.Update(s1, alpha, beta, y[i + 1]);
            y[i + 2] = VectorMath.Update(s2, alpha, beta, y[i + 2]);
            y[i + 3] = VectorMath.Update(s3, alpha, beta, y[i + 3]);
        }

        for (; i < m; i++)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T, T, T, T) Dot4(int n, T* a0, T* a1, T* a2, T* a3, T* x)
    {
        int w = TLanes.Count;
        TVector p0 = TLanes.Zero, p1 = TLanes.Zero, p2 = TLanes.Zero, p3 = TLanes.Zero;
        TVector q0 = TLanes.Zero, q1 = TLanes.Zero, q2 = TLanes.Zero, q3 = TLanes.Zero;
        int j = 0;
        for (; j + (2 * w) <= n; j += 2 * w)
        {
            TVector x0 = TLanes.Load(x + j), x1 = TLanes.Load(x + j + w);
            p0 = TLanes.Fma(TLanes.Load(a0 + j), x0, p0);
            q0 = TLanes.Fma(TLanes.Load(a0 + j + w), x1, q0);
            p1 = TLanes.Fma(TLanes.Load(a1 + j), x0, p1);
            q1 = TLanes.Fma(TLanes.Load(a1 + j + w), x1, q1);
            p2 = TLanes.Fma(TLanes.Load(a2 + j), x0, p2);
            q2 = TLanes.Fma(TLanes.Load(a2 + j + w), x1, q2);
            p3 = TLanes.Fma(TLanes.Load(a3 + j), x0, p3);
            q3 = TLanes.Fma(TLanes.Load(a3 + j + w), x1, q3);
        }

        T s0 = TLanes.Sum(TLanes.Add(p0, q0)), s1 = TLanes.Sum(TLanes.Add(p1, q1));
        T s2 = TLanes.Sum(TLanes.Add(p2, q2)), s3 = TLanes.Sum(TLanes.Add(p3, q3));
        for (; j < n; j++)
        {
            s0 += a0[j] * x[j];
            s1 += a1[j] * x[j];
            s2 += a2[j] * x[j];
            s3 += a3[j] * x[j];
        }

        return (s0, s1, s2, s3);
    }

    private static T Dot(int n, T* a, T* x)
    {
        int w = TLanes.Count;
        TVector p = TLanes.Zero, q = TLanes.Zero;
        int j = 0;
        for (; j + (2 * w) <= n; j += 2 * w)
        {
            p = TLanes.Fma(TLanes.Load(a + j), TLanes.Load(x + j), p);
            q = TLanes.Fma(TLanes.Load(a + j + w), TLanes.Load(x + j + w), q);
        }

        T s = TLanes.Sum(TLanes.Add(p, q));
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
        int w = TLanes.Count;
        TVector v0 = TLanes.Broadcast(c0), v1 = TLanes.Broadcast(c1), v2 = TLanes.Broadcast(c2), v3 = TLanes.Broadcast(c3);
        int j = 0;
        for (; j + w <= n; j += w)
        {
            TVector acc = TLanes.Load(y + j);
            acc = TLanes.Fma(TLanes.Load(r0 + j), v0, acc);
            acc = TLanes.Fma(TLanes.Load(r1 + j), v1, acc);
            acc = TLanes.Fma(TLanes.Load(r2 + j), v2, acc);
            acc = TLanes.Fma(TLanes.Load(r3 + j), v3, acc);
            TLanes.Store(acc, y + j);
        }

        for (; j < n; j++)
        {
            y[j] += (c0 * r0[j]) + (c1 * r1[j]) + (c2 * r2[j]) + (c3 * r3[j]);
        }
    }

    private static void Axpy1(int n, T c0, T* r0, T* y)
    {
        int w = TLanes.Count;
        TVector v0 = TLanes.Broadcast(c0);
        int j = 0;
        for (; j + w <= n; j += w)
        {
            TLanes.Store(TLanes.Fma(TLanes.Load(r0 + j), v0, TLanes.Load(y + j)), y + j);
        }

        for (; j < n; j++)
        {
            y[j] += c0 * r0[j];
        }
    }
}
