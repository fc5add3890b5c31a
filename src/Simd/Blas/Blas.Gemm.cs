using System;
using System.Buffers;
using System.Numerics;
using Simd.MatrixMultiply;
using Simd.Widths;

namespace Simd;

/// <content>General matrix multiply (GEMM).</content>
public static partial class Blas
{
    /// <summary>
    /// Products with fewer multiply-adds than this (m·n·k, here 128³) run on one thread whatever
    /// <c>maxDegreeOfParallelism</c> says: below it, waking another thread costs about as much as the work.
    /// </summary>
    public const long GemmParallelThreshold = GemmDispatch.ParallelThreshold;

    /// <summary>
    /// <c>C ← α·op(A)·op(B) + β·C</c> in single precision, with op(A) m × k, op(B) k × n and C m × n, all row-major
    /// strided views. Blocked for the caches with packed panels and a register micro-kernel for the vector path of
    /// this process (AVX-512, AVX2+FMA, <see cref="System.Numerics.Vector{T}"/> or scalar).
    /// </summary>
    /// <remarks>
    /// <para>As in BLAS, β = 0 means C's previous contents are ignored (NaN there does not propagate), and α = 0 or
    /// k = 0 means A and B are not read (C ← β·C).</para>
    /// <para>Error: each element satisfies <c>|ĉ − c| ≤ γ(k+2)·(|α|·(|op(A)|·|op(B)|) + |β|·|C|)</c> elementwise, where
    /// <c>γ(n) = n·u/(1 − n·u)</c> and u = 2⁻²⁴ is the unit roundoff (the bound of a recursively summed dot product, plus the
    /// roundings of α and β).</para>
    /// <para>Threads: above <see cref="GemmParallelThreshold"/> multiply-adds the output is split into disjoint blocks of
    /// whole tiles; every element is summed by the same kernel in the same order whatever the split, so the result is
    /// bit-identical for any <paramref name="maxDegreeOfParallelism"/>.</para>
    /// <para>C must not share an element with A or B (that is rejected); A and B may share memory.</para>
    /// </remarks>
    /// <param name="transposeA">op(A): A as stored or transposed.</param>
    /// <param name="transposeB">op(B): B as stored or transposed.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A (op(A) must be m × k).</param>
    /// <param name="b">B (op(B) must be k × n).</param>
    /// <param name="beta">Scale of C's previous contents; 0 ignores them.</param>
    /// <param name="c">C, m × n, overwritten with the result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor, 1 for the calling thread only.</param>
    /// <exception cref="ArgumentException">The shapes do not agree (the message names both), or C shares elements with A or B.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An op is not a defined value, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static void Gemm(Transpose transposeA, Transpose transposeB, float alpha, ReadOnlyMatrixView<float> a, ReadOnlyMatrixView<float> b, float beta, MatrixView<float> c, int maxDegreeOfParallelism = -1)
        => GemmCore(transposeA, transposeB, alpha, a, b, beta, c, maxDegreeOfParallelism);

    /// <summary>
    /// <c>C ← α·op(A)·op(B) + β·C</c> in double precision; see the single-precision overload for semantics, threading and
    /// the error bound (with u = 2⁻⁵³).
    /// </summary>
    /// <param name="transposeA">op(A): A as stored or transposed.</param>
    /// <param name="transposeB">op(B): B as stored or transposed.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A (op(A) must be m × k).</param>
    /// <param name="b">B (op(B) must be k × n).</param>
    /// <param name="beta">Scale of C's previous contents; 0 ignores them.</param>
    /// <param name="c">C, m × n, overwritten with the result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor, 1 for the calling thread only.</param>
    /// <exception cref="ArgumentException">The shapes do not agree (the message names both), or C shares elements with A or B.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An op is not a defined value, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static void Gemm(Transpose transposeA, Transpose transposeB, double alpha, ReadOnlyMatrixView<double> a, ReadOnlyMatrixView<double> b, double beta, MatrixView<double> c, int maxDegreeOfParallelism = -1)
        => GemmCore(transposeA, transposeB, alpha, a, b, beta, c, maxDegreeOfParallelism);

    /// <summary><c>C ← A·B</c> in single precision (A m × k, B k × n, C m × n).</summary>
    /// <param name="a">A, m × k.</param>
    /// <param name="b">B, k × n.</param>
    /// <param name="c">C, m × n, overwritten.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor.</param>
    /// <exception cref="ArgumentException">The shapes do not agree, or C shares elements with A or B.</exception>
    public static void Gemm(ReadOnlyMatrixView<float> a, ReadOnlyMatrixView<float> b, MatrixView<float> c, int maxDegreeOfParallelism = -1)
        => GemmCore(Transpose.None, Transpose.None, 1f, a, b, 0f, c, maxDegreeOfParallelism);

    /// <summary><c>C ← A·B</c> in double precision (A m × k, B k × n, C m × n).</summary>
    /// <param name="a">A, m × k.</param>
    /// <param name="b">B, k × n.</param>
    /// <param name="c">C, m × n, overwritten.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: -1 (the default) for one per processor.</param>
    /// <exception cref="ArgumentException">The shapes do not agree, or C shares elements with A or B.</exception>
    public static void Gemm(ReadOnlyMatrixView<double> a, ReadOnlyMatrixView<double> b, MatrixView<double> c, int maxDegreeOfParallelism = -1)
        => GemmCore(Transpose.None, Transpose.None, 1d, a, b, 0d, c, maxDegreeOfParallelism);

    /// <summary>The generic body of every <c>Gemm</c> overload, for callers generic over float and double (the learning layer).</summary>
    internal static unsafe void GemmCore<T>(Transpose transposeA, Transpose transposeB, T alpha, ReadOnlyMatrixView<T> a, ReadOnlyMatrixView<T> b, T beta, MatrixView<T> c, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int m, int n, int k) = GemmArguments.CheckGemm(transposeA, transposeB, a, b, c, maxDegreeOfParallelism);
        if (m == 0 || n == 0)
        {
            return;
        }

        using MemoryHandle hc = c.Memory.Pin();
        if (k == 0 || alpha == T.Zero)
        {
            for (int i = 0; i < m; i++)
            {
                GemvKernel<T, T, Width1<T>>.Scale(n, (T*)hc.Pointer + ((nint)i * c.Stride), beta);
            }

            return;
        }

        using MemoryHandle ha = a.Memory.Pin();
        using MemoryHandle hb = b.Memory.Pin();
        var operands = new GemmOperands<T>
        {
            M = m,
            N = n,
            K = k,
            A = (T*)ha.Pointer,
            Lda = a.Stride,
            TransposeA = transposeA == Transpose.Transpose,
            B = (T*)hb.Pointer,
            Ldb = b.Stride,
            TransposeB = transposeB == Transpose.Transpose,
            C = (T*)hc.Pointer,
            Ldc = c.Stride,
            Alpha = alpha,
            Beta = beta,
        };
        GemmDispatch.Run(operands, maxDegreeOfParallelism);
    }
}
