using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;

namespace Simd.MatrixMultiply;

/// <summary>
/// Runs a validated GEMM on the micro-kernel of the vector path this process takes
/// (<see cref="SimdHardware.Path"/>), so the <c>DOTNET_Enable…</c> settings select each kernel. Products with at most
/// <see cref="GemmRowDots.MaxRows"/> rows of the form <c>A·Bᵀ</c> take the unpacked dot-product form instead.
/// </summary>
internal static class GemmDispatch
{
    /// <summary>
    /// Problems with fewer multiply-adds than this (m·n·k) run on one thread: 128³ ≈ 2.1 million multiply-adds
    /// take some 20 µs on one AVX-512 core, the order of the cost of waking a second thread.
    /// </summary>
    public const long ParallelThreshold = 128L * 128 * 128;

    public static unsafe void Run<T>(GemmOperands<T> o, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        if ((long)o.M * o.N * o.K < ParallelThreshold)
        {
            threads = 1;
        }

        if (GemmRowDots.Applies(o))
        {
            switch (SimdHardware.Path)
            {
                case SimdPath.Avx512:
                    GemmRowDots.Run<Vector512<T>, T, Lanes512<T>>(o, threads);
                    break;
                case SimdPath.Scalar:
                    GemmRowDots.Run<T, T, Lanes1<T>>(o, threads);
                    break;
                default:
                    GemmRowDots.Run<Vector<T>, T, LanesVector<T>>(o, threads);
                    break;
            }

            return;
        }

        switch (SimdHardware.Path)
        {
            case SimdPath.Avx512:
                GemmDriver<T, MicroKernelAvx512<T>>.Run(o, threads);
                break;
            case SimdPath.Avx2:
                GemmDriver<T, MicroKernelAvx2<T>>.Run(o, threads);
                break;
            case SimdPath.VectorT:
            case SimdPath.Vector128:
                GemmDriver<T, MicroKernelVector<T>>.Run(o, threads);
                break;
            default:
                GemmDriver<T, MicroKernelScalar<T>>.Run(o, threads);
                break;
        }
    }
}
