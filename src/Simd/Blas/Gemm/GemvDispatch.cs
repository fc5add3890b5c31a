using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;

namespace Simd.MatrixMultiply;

/// <summary>Runs a validated GEMV on the width of the vector path this process takes.</summary>
internal static class GemvDispatch
{
    public static unsafe void Run<T>(bool transpose, int rows, int columns, T* a, nint lda, T* x, T* y, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (SimdHardware.Path)
        {
            case SimdPath.Avx512:
                Run<Vector512<T>, T, Lanes512<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            case SimdPath.Scalar:
                Run<T, T, Lanes1<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
            default:
                Run<Vector<T>, T, LanesVector<T>>(transpose, rows, columns, a, lda, x, y, alpha, beta);
                break;
        }
    }

    private static unsafe void Run<TVector, T, TLanes>(bool transpose, int rows, int columns, T* a, nint lda, T* x, T* y, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLanes : ILanes<TVector, T>
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
