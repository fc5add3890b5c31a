using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.MatrixMultiply;
using Simd.Widths;

namespace Simd.LowRank;

/// <summary>Runs <see cref="LoraMerge"/> on the width of the vector path this process takes.</summary>
internal static class LoraMergeDispatch
{
    public static unsafe void Run(float* w, nint ldw, int d, int k, float* b, int r, float* a, float s, int threads)
    {
        switch (WidthChoice.Widest<float>())
        {
            case Width.V512:
                LoraMerge.Run<Vector512<float>, Width512<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            case Width.V256:
                LoraMerge.Run<Vector256<float>, Width256<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            case Width.V128:
                LoraMerge.Run<Vector128<float>, Width128<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            case Width.VectorT:
                LoraMerge.Run<Vector<float>, WidthVector<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            default:
                LoraMerge.Run<float, Width1<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
        }
    }
}
