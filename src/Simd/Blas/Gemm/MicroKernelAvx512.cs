using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// The AVX-512 micro-kernel: a 6 × 4-vector tile (6 × 64 floats or 6 × 32 doubles).
/// Why this shape: 24 accumulators + 4 B vectors + 1 broadcast = 29 of the 32 zmm registers, and 24
/// independent FMA chains cover two FMA pipes × 4 cycles of latency three times over. Per step of p it
/// issues 4 vector loads and 6 broadcasts for 24 FMAs, well inside the load ports' budget.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct MicroKernelAvx512<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 6;

    public static int NR => 4 * Vector512<T>.Count;

    // Never inlined: its 12–24 accumulators need every vector register, and inlined into the blocked loops (which
    // tiered compilation with PGO did once the loops were hot) the kernel's loop spilled and ran four times slower.
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        nint w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<T> c40 = default, c41 = default, c42 = default, c43 = default;
        Vector512<T> c50 = default, c51 = default, c52 = default, c53 = default;
        VectorMath.PrefetchTile(c, ldc, 6, 4 * w);
        bool inPlace = ldb != 4 * w;
        for (nint p = 0; p < kc; p++)
        {
            if (inPlace)
            {
                // As in MicroKernelAvx2: the same row two panels on; a row of the panel is four lines here.
                VectorMath.Prefetch(b + (8 * w));
                VectorMath.Prefetch(b + (9 * w));
                VectorMath.Prefetch(b + (10 * w));
                VectorMath.Prefetch(b + (11 * w));
            }
            Vector512<T> b0 = Vector512.Load(b);
            Vector512<T> b1 = Vector512.Load(b + w);
            Vector512<T> b2 = Vector512.Load(b + (2 * w));
            Vector512<T> b3 = Vector512.Load(b + (3 * w));
            Vector512<T> ai = Vector512.Create(a[0]);
            c00 = Width512<T>.MultiplyAdd(ai, b0, c00);
            c01 = Width512<T>.MultiplyAdd(ai, b1, c01);
            c02 = Width512<T>.MultiplyAdd(ai, b2, c02);
            c03 = Width512<T>.MultiplyAdd(ai, b3, c03);
            ai = Vector512.Create(a[1]);
            c10 = Width512<T>.MultiplyAdd(ai, b0, c10);
            c11 = Width512<T>.MultiplyAdd(ai, b1, c11);
            c12 = Width512<T>.MultiplyAdd(ai, b2, c12);
            c13 = Width512<T>.MultiplyAdd(ai, b3, c13);
            ai = Vector512.Create(a[2]);
            c20 = Width512<T>.MultiplyAdd(ai, b0, c20);
            c21 = Width512<T>.MultiplyAdd(ai, b1, c21);
            c22 = Width512<T>.MultiplyAdd(ai, b2, c22);
            c23 = Width512<T>.MultiplyAdd(ai, b3, c23);
            ai = Vector512.Create(a[3]);
            c30 = Width512<T>.MultiplyAdd(ai, b0, c30);
            c31 = Width512<T>.MultiplyAdd(ai, b1, c31);
            c32 = Width512<T>.MultiplyAdd(ai, b2, c32);
            c33 = Width512<T>.MultiplyAdd(ai, b3, c33);
            ai = Vector512.Create(a[4]);
            c40 = Width512<T>.MultiplyAdd(ai, b0, c40);
            c41 = Width512<T>.MultiplyAdd(ai, b1, c41);
            c42 = Width512<T>.MultiplyAdd(ai, b2, c42);
            c43 = Width512<T>.MultiplyAdd(ai, b3, c43);
            ai = Vector512.Create(a[5]);
            c50 = Width512<T>.MultiplyAdd(ai, b0, c50);
            c51 = Width512<T>.MultiplyAdd(ai, b1, c51);
            c52 = Width512<T>.MultiplyAdd(ai, b2, c52);
            c53 = Width512<T>.MultiplyAdd(ai, b3, c53);
            a += 6;
            b += ldb;
        }

        Vector512<T> va = Vector512.Create(alpha);
        if (beta == T.Zero)
        {
            StoreRow(c, w, va * c00, va * c01, va * c02, va * c03);
            StoreRow(c + ldc, w, va * c10, va * c11, va * c12, va * c13);
            StoreRow(c + (2 * ldc), w, va * c20, va * c21, va * c22, va * c23);
            StoreRow(c + (3 * ldc), w, va * c30, va * c31, va * c32, va * c33);
            StoreRow(c + (4 * ldc), w, va * c40, va * c41, va * c42, va * c43);
            StoreRow(c + (5 * ldc), w, va * c50, va * c51, va * c52, va * c53);
            return;
        }

        Vector512<T> vb = Vector512.Create(beta);
        UpdateRow(c, w, va, vb, c00, c01, c02, c03);
        UpdateRow(c + ldc, w, va, vb, c10, c11, c12, c13);
        UpdateRow(c + (2 * ldc), w, va, vb, c20, c21, c22, c23);
        UpdateRow(c + (3 * ldc), w, va, vb, c30, c31, c32, c33);
        UpdateRow(c + (4 * ldc), w, va, vb, c40, c41, c42, c43);
        UpdateRow(c + (5 * ldc), w, va, vb, c50, c51, c52, c53);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreRow(T* c, nint w, Vector512<T> x0, Vector512<T> x1, Vector512<T> x2, Vector512<T> x3)
    {
        Vector512.Store(x0, c);
        Vector512.Store(x1, c + w);
        Vector512.Store(x2, c + (2 * w));
        Vector512.Store(x3, c + (3 * w));
    }

    // C = α·acc + β·C, written as fma(α, acc, β·C): one rounding for the product of α, one for β·C.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void UpdateRow(T* c, nint w, Vector512<T> va, Vector512<T> vb, Vector512<T> x0, Vector512<T> x1, Vector512<T> x2, Vector512<T> x3)
    {
        Vector512.Store(Width512<T>.MultiplyAdd(va, x0, vb * Vector512.Load(c)), c);
        Vector512.Store(Width512<T>.MultiplyAdd(va, x1, vb * Vector512.Load(c + w)), c + w);
        Vector512.Store(Width512<T>.MultiplyAdd(va, x2, vb * Vector512.Load(c + (2 * w))), c + (2 * w));
        Vector512.Store(Width512<T>.MultiplyAdd(va, x3, vb * Vector512.Load(c + (3 * w))), c + (3 * w));
    }
}
