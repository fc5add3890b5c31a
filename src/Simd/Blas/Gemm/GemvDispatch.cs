using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>Runs a validated GEMV on the width of the vector path this process takes.</summary>
internal static class GemvDispatch
{
    public static unsafe void Run<T>(bool transpose, int rows, int columns, T* a, nint lda, T* x, T* y, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (WidthChoice.Widest<T>())
        {
            case Width.V512:
                Run<Vector512<T>, T, Width512<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            case Width.V256:
                Run<Vector256<T>, T, Width256<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            case Width.V128:
                Run<Vector128<T>, T, Width128<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            case Width.VectorT:
                Run<Vector<T>, T, WidthVector<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            default:
                Run<T, T, Width1<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
        }
    }

    private static unsafe void Run<TVector, T, TLanes>(bool transpose, int rows, int columns, T* a, nint lda, T* x, T* y, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : IVectorWidth<TVector, T>
    {
        if (transpose)
        {
            GemvKernel<TVector, T, TLanes>.Transposed(rows, columns, a, lda, x, y, alpha, beta);
        }
        else
        {
            GemvKernel<TVector, T, TLanes>.Plain(rows, columns, a, lda, x, y, alpha, beta);
        }
    }
}
