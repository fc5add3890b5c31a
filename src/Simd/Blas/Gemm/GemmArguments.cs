using System;
using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>Shape, aliasing and option checks for <c>Blas.Gemm</c> and <c>Blas.Gemv</c>, with messages that name both shapes.</summary>
internal static class GemmArguments
{
    public static string Op(string name, Blas.Transpose op) => op == Blas.Transpose.None ? name : name + "ᵀ";

    public static (int Rows, int Columns) Shape<T>(ReadOnlyMatrixView<T> x, Blas.Transpose op)
        where T : unmanaged
        => op == Blas.Transpose.None ? (x.Rows, x.Columns) : (x.Columns, x.Rows);

    public static void CheckOp(Blas.Transpose op, string name)
    {
        if (op is not Blas.Transpose.None and not Blas.Transpose.Transpose)
        {
            throw new ArgumentOutOfRangeException(name, op, "Must be Transpose.None or Transpose.Transpose.");
        }
    }

    public static void CheckDegree(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism < 1 && maxDegreeOfParallelism != -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxDegreeOfParallelism),
                maxDegreeOfParallelism,
                "Must be -1 (use every processor) or at least 1.");
        }
    }

    /// <summary>Validates <c>C ← α·op(A)·op(B) + β·C</c> and returns m, n, k.</summary>
    public static (int M, int N, int K) CheckGemm<T>(Blas.Transpose transposeA, Blas.Transpose transposeB, ReadOnlyMatrixView<T> a, ReadOnlyMatrixView<T> b, MatrixView<T> c, int maxDegreeOfParallelism)
        where T : unmanaged
    {
        CheckOp(transposeA, nameof(transposeA));
        CheckOp(transposeB, nameof(transposeB));
        CheckDegree(maxDegreeOfParallelism);
        (int m, int k) = Shape(a, transposeA);
        (int k2, int n) = Shape(b, transposeB);
        string opA = Op("A", transposeA), opB = Op("B", transposeB);
        if (k != k2)
        {
            throw new ArgumentException(
                $"The inner dimensions differ: {opA} is {m}×{k} (a is {a}) but {opB} is {k2}×{n} (b is {b}); op(A)·op(B) needs op(A)'s columns to equal op(B)'s rows.",
                nameof(b));
        }

        if (c.Rows != m || c.Columns != n)
        {
            throw new ArgumentException(
                $"c is {c} but {opA}·{opB} is {m}×{n} ({opA} is {m}×{k}, {opB} is {k}×{n}).",
                nameof(c));
        }

        if (Overlap.Shares<T>(c, a))
        {
            throw new ArgumentException(
                $"c ({c}) shares elements with a ({a}). GEMM reads A while it writes C, so the result would be wrong; write into a separate matrix.",
                nameof(c));
        }

        if (Overlap.Shares<T>(c, b))
        {
            throw new ArgumentException(
                $"c ({c}) shares elements with b ({b}). GEMM reads B while it writes C, so the result would be wrong; write into a separate matrix.",
                nameof(c));
        }

        return (m, n, k);
    }

    /// <summary>Validates <c>y ← α·op(A)·x + β·y</c>.</summary>
    public static void CheckGemv<T>(Blas.Transpose transposeA, ReadOnlyMatrixView<T> a, ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOp(transposeA, nameof(transposeA));
        (int m, int n) = Shape(a, transposeA);
        string opA = Op("A", transposeA);
        if (x.Length != n)
        {
            throw new ArgumentException(
                $"x has {x.Length} elements but {opA} is {m}×{n} (a is {a}); x needs {n}.",
                nameof(x));
        }

        if (y.Length != m)
        {
            throw new ArgumentException(
                $"y has {y.Length} elements but {opA} is {m}×{n} (a is {a}); y needs {m}.",
                nameof(y));
        }

        if (Overlap.Shares<T>(a, y))
        {
            throw new ArgumentException($"y shares elements with a ({a}). GEMV reads A while it writes y; write into a separate vector.", nameof(y));
        }

        if (Overlap.Shares(x, y))
        {
            throw new ArgumentException("y shares elements with x. GEMV reads x while it writes y; write into a separate vector.", nameof(y));
        }
    }
}
