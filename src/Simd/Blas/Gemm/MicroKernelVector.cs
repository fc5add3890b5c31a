using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// The portable micro-kernel on <see cref="Vector{T}"/>: a 6 × 2-vector tile. It serves the
/// <c>Vector&lt;T&gt;</c> path (when <see cref="Vector{T}"/> was widened to 512 bits) and the 128-bit path.
/// 12 accumulators + 2 B vectors + 1 broadcast fit the 16 registers of the narrowest target.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct MicroKernelVector<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 6;

    public static int NR => 2 * Vector<T>.Count;

    // Never inlined: its 12–24 accumulators need every vector register, and inlined into the blocked loops (which
    // tiered compilation with PGO did once the loops were hot) the kernel's loop spilled and ran four times slower.
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        nint w = Vector<T>.Count;
        Vector<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (nint p = 0; p < kc; p++)
        {
            Vector<T> b0 = Vector.Load(b);
            Vector<T> b1 = Vector.Load(b + w);
            Vector<T> ai = new(a[0]);
            c00 = WidthVector<T>.MultiplyAdd(ai, b0, c00);
            c01 = WidthVector<T>.MultiplyAdd(ai, b1, c01);
            ai = new(a[1]);
            c10 = WidthVector<T>.MultiplyAdd(ai, b0, c10);
            c11 = WidthVector<T>.MultiplyAdd(ai, b1, c11);
            ai = new(a[2]);
            c20 = WidthVector<T>.MultiplyAdd(ai, b0, c20);
            c21 = WidthVector<T>.MultiplyAdd(ai, b1, c21);
            ai = new(a[3]);
            c30 = WidthVector<T>.MultiplyAdd(ai, b0, c30);
            c31 = WidthVector<T>.MultiplyAdd(ai, b1, c31);
            ai = new(a[4]);
            c40 = WidthVector<T>.MultiplyAdd(ai, b0, c40);
            c41 = WidthVector<T>.MultiplyAdd(ai, b1, c41);
            ai = new(a[5]);
            c50 = WidthVector<T>.MultiplyAdd(ai, b0, c50);
            c51 = WidthVector<T>.MultiplyAdd(ai, b1, c51);
            a += 6;
            b += ldb;
        }

        Vector<T> va = new(alpha);
        Vector<T> vb = new(beta);
        bool readC = beta != T.Zero;
        UpdateRow(c, w, va, vb, readC, c00, c01);
        UpdateRow(c + ldc, w, va, vb, readC, c10, c11);
        UpdateRow(c + (2 * ldc), w, va, vb, readC, c20, c21);
        UpdateRow(c + (3 * ldc), w, va, vb, readC, c30, c31);
        UpdateRow(c + (4 * ldc), w, va, vb, readC, c40, c41);
        UpdateRow(c + (5 * ldc), w, va, vb, readC, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void UpdateRow(T* c, nint w, Vector<T> va, Vector<T> vb, bool readC, Vector<T> x0, Vector<T> x1)
    {
        if (readC)
        {
            Vector.Store(WidthVector<T>.MultiplyAdd(va, x0, vb * Vector.Load(c)), c);
            Vector.Store(WidthVector<T>.MultiplyAdd(va, x1, vb * Vector.Load(c + w)), c + w);
        }
        else
        {
            Vector.Store(va * x0, c);
            Vector.Store(va * x1, c + w);
        }
    }
}
