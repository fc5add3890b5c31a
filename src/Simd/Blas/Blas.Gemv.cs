using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Simd.MatrixMultiply;
using Simd.Widths;

namespace Simd;

/// <content>General matrix-vector multiply (GEMV).</content>
public static partial class Blas
{
    /// <summary>
    /// <c>y ← α·op(A)·x + β·y</c> in single precision, with op(A) m × n, x of length n and y of length m. A is read once. With β = 0, y's previous contents are ignored.
    /// </summary>
    /// <remarks>
    /// Error: each element satisfies <c>|ŷ − y| ≤ γ(n+2)·(|α|·(|op(A)|·|x|) + |β|·|y|)</c> with <c>γ(n) = n·u/(1 − n·u)</c>,
    /// u = 2⁻²⁴. y must not share elements with A or x (that is rejected).
    /// </remarks>
    /// <param name="transposeA">op(A): A as stored (y[i] is row i · x) or transposed (y gains x[i]·row i).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A.</param>
    /// <param name="x">x, as long as op(A) has columns.</param>
    /// <param name="beta">Scale of y's previous contents; 0 ignores them.</param>
    /// <param name="y">y, as long as op(A) has rows; overwritten.</param>
    /// <exception cref="ArgumentException">A length does not match op(A)'s shape (the message names both), or y shares elements with A or x.</exception>
    public static void Gemv(Transpose transposeA, float alpha, ReadOnlyMatrixView<float> a, ReadOnlySpan<float> x, float beta, Span<float> y)
        => GemvCore(transposeA, alpha, a, x, beta, y);

    /// <summary><c>y ← α·op(A)·x + β·y</c> in double precision; see the single-precision overload (u = 2⁻⁵³).</summary>
    /// <param name="transposeA">op(A): A as stored or transposed.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A.</param>
    /// <param name="x">x, as long as op(A) has columns.</param>
    /// <param name="beta">Scale of y's previous contents; 0 ignores them.</param>
    /// <param name="y">y, as long as op(A) has rows; overwritten.</param>
    /// <exception cref="ArgumentException">A length does not match op(A)'s shape, or y shares elements with A or x.</exception>
    public static void Gemv(Transpose transposeA, double alpha, ReadOnlyMatrixView<double> a, ReadOnlySpan<double> x, double beta, Span<double> y)
        => GemvCore(transposeA, alpha, a, x, beta, y);

    private static unsafe void GemvCore<T>(Transpose transposeA, T alpha, ReadOnlyMatrixView<T> a, ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        GemmArguments.CheckGemv(transposeA, a, x, y);
        fixed (T* py = &MemoryMarshal.GetReference(y))
        fixed (T* px = &MemoryMarshal.GetReference(x))
        {
            if (a.IsEmpty || alpha == T.Zero)
            {
                GemvKernel<T, T, Width1<T>>.Scale(y.Length, py, beta);
                return;
            }

            fixed (T* pa = &MemoryMarshal.GetReference(a.Memory.Span))
            {
                GemvDispatch.Run(transposeA == Transpose.Transpose, a.Rows, a.Columns, pa, a.Stride, px, py, alpha, beta);
            }
        }
    }
}
