using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// The AVX2+FMA micro-kernel: a 6 × 2-vector tile (6 × 16 floats or 6 × 8 doubles).
/// Why this shape: 12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 ymm registers; 12
/// independent FMA chains cover two FMA pipes × 4–5 cycles of latency.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct MicroKernelAvx2<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 6;

    public static int NR => 2 * Vector256<T>.Count;

    // Never inlined: its 12–24 accumulators need every vector register, and inlined into the blocked loops (which
    // tiered compilation with PGO did once the loops were hot) the kernel's loop spilled and ran four times slower.
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        nint w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        VectorMath.PrefetchTile(c, ldc, 6, 2 * w);
        if (ldb != 2 * w)
        {
            for (nint p = 0; p < kc; p++)
            {
                // B read in place (GemmDriver.ReadsBInPlace): the same row two panels on, which nothing else fetches
                // early, since the rows lie a row of B apart, in different pages.
                VectorMath.Prefetch(b + (4 * w));
                Step(a, b, w, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                a += 6;
                b += ldb;
            }
        }
        else
        {
            // A packed panel: two k-steps per iteration, so the loop's own instructions (pointer steps, count,
            // branch) are shared by 24 FMAs instead of 12.
            nint p = 0;
            for (; p + 2 <= kc; p += 2)
            {
                Step(a, b, w, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                Step(a + 6, b + (2 * w), w, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                a += 12;
                b += 4 * w;
            }

            if (p < kc)
            {
                Step(a, b, w, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            }
        }

        Vector256<T> va = Vector256.Create(alpha);
        Vector256<T> vb = Vector256.Create(beta);
        bool readC = beta != T.Zero;
        UpdateRow(c, w, va, vb, readC, c00, c01);
        UpdateRow(c + ldc, w, va, vb, readC, c10, c11);
        UpdateRow(c + (2 * ldc), w, va, vb, readC, c20, c21);
        UpdateRow(c + (3 * ldc), w, va, vb, readC, c30, c31);
        UpdateRow(c + (4 * ldc), w, va, vb, readC, c40, c41);
        UpdateRow(c + (5 * ldc), w, va, vb, readC, c50, c51);
    }

    /// <summary>One k-step: the tile's 12 accumulators += the 6 values of A (one per row) times the 2 vectors of B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step(
        T* a,
        T* b,
        nint w,
        ref Vector256<T> c00,
        ref Vector256<T> c01,
        ref Vector256<T> c10,
        ref Vector256<T> c11,
        ref Vector256<T> c20,
        ref Vector256<T> c21,
        ref Vector256<T> c30,
        ref Vector256<T> c31,
        ref Vector256<T> c40,
        ref Vector256<T> c41,
        ref Vector256<T> c50,
        ref Vector256<T> c51)
    {
        Vector256<T> b0 = Vector256.Load(b);
        Vector256<T> b1 = Vector256.Load(b + w);
        Vector256<T> ai = Vector256.Create(a[0]);
        c00 = Width256<T>.MultiplyAdd(ai, b0, c00);
        c01 = Width256<T>.MultiplyAdd(ai, b1, c01);
        ai = Vector256.Create(a[1]);
        c10 = Width256<T>.MultiplyAdd(ai, b0, c10);
        c11 = Width256<T>.MultiplyAdd(ai, b1, c11);
        ai = Vector256.Create(a[2]);
        c20 = Width256<T>.MultiplyAdd(ai, b0, c20);
        c21 = Width256<T>.MultiplyAdd(ai, b1, c21);
        ai = Vector256.Create(a[3]);
        c30 = Width256<T>.MultiplyAdd(ai, b0, c30);
        c31 = Width256<T>.MultiplyAdd(ai, b1, c31);
        ai = Vector256.Create(a[4]);
        c40 = Width256<T>.MultiplyAdd(ai, b0, c40);
        c41 = Width256<T>.MultiplyAdd(ai, b1, c41);
        ai = Vector256.Create(a[5]);
        c50 = Width256<T>.MultiplyAdd(ai, b0, c50);
        c51 = Width256<T>.MultiplyAdd(ai, b1, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void UpdateRow(T* c, nint w, Vector256<T> va, Vector256<T> vb, bool readC, Vector256<T> x0, Vector256<T> x1)
    {
        if (readC)
        {
            Vector256.Store(Width256<T>.MultiplyAdd(va, x0, vb * Vector256.Load(c)), c);
            Vector256.Store(Width256<T>.MultiplyAdd(va, x1, vb * Vector256.Load(c + w)), c + w);
        }
        else
        {
            Vector256.Store(va * x0, c);
            Vector256.Store(va * x1, c + w);
        }
    }
}
