using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.MatrixMultiply;

namespace Simd.LowRank;

/// <summary>Runs <see cref="LoraMerge"/> on the width of the vector path this process takes.</summary>
internal static class LoraMergeDispatch
{
    public static unsafe void Run(float* w, nint ldw, int d, int k, float* b, int r, float* a, float s, int threads)
    {
        switch (SimdHardware.Path)
        {
            case SimdPath.Avx512:
                LoraMerge.Run<Vector512<float>, Lanes512<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            case SimdPath.Scalar:
                LoraMerge.Run<float, Lanes1<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
            default:
                LoraMerge.Run<Vector<float>, LanesVector<float>>(w, ldw, d, k, b, r, a, s, threads);
                break;
        }
    }
}
