using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.Widths;

namespace Simd.MatrixMultiply;

/// <summary>
/// Runs a validated GEMM on the micro-kernel of the vector path this process takes
/// (the width <see cref="WidthChoice.Widest{T}"/> picks from the process path), so the <c>DOTNET_Enable…</c> settings select each kernel. Products with at most
/// <see cref="GemmRowDots.MaxRows"/> rows of the form <c>A·Bᵀ</c> take the unpacked dot-product form instead.
/// </summary>
internal static class GemmDispatch
{
    /// <summary>
    /// Problems with fewer multiply-adds than this (m·n·k) run on one thread: 128³ ≈ 2.1 million multiply-adds
    /// take some 20 µs on one AVX-512 core, the order of the cost of waking a second thread.
    /// </summary>
    public const long ParallelThreshold = 128L * 128 * 128;

    /// <summary>
    /// The width of the micro-kernel for a product of <paramref name="columns"/> columns: the process path's widest,
    /// except that a product no wider than half the 512-bit kernel's tile (<see cref="MicroKernelAvx512{T}.NR"/>:
    /// 64 floats or 32 doubles) takes the 256-bit kernel, whose tile is a quarter as wide. The 512-bit tile would
    /// compute at least half padding there (three quarters at 16 floats), which costs more than the 512-bit
    /// kernel gains: nothing on cores that split a 512-bit operation in two (Zen 4), at most twice the 256-bit
    /// kernel's rate on cores with two full-width FMA units.
    /// </summary>
    internal static Width KernelWidth<T>(int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Width widest = WidthChoice.Widest<T>();
        return widest == Width.V512 && columns <= MicroKernelAvx512<T>.NR / 2 ? Width.V256 : widest;
    }

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
            switch (WidthChoice.Widest<T>())
            {
                case Width.V512:
                    GemmRowDots.Run<Vector512<T>, T, Width512<T>>(o, threads);
                    break;
                case Width.V256:
                    GemmRowDots.Run<Vector256<T>, T, Width256<T>>(o, threads);
                    break;
                case Width.V128:
                    GemmRowDots.Run<Vector128<T>, T, Width128<T>>(o, threads);
                    break;
                case Width.VectorT:
                    GemmRowDots.Run<Vector<T>, T, WidthVector<T>>(o, threads);
                    break;
                default:
                    GemmRowDots.Run<T, T, Width1<T>>(o, threads);
                    break;
            }

            return;
        }

        // The micro-kernel of the width the process path runs at (the 128-bit and Vector<T> widths share the
        // Vector<T> kernel, which is that width on those paths), narrowed for products of few columns.
        switch (KernelWidth<T>(o.N))
        {
            case Width.V512:
                GemmDriver<T, MicroKernelAvx512<T>>.Run(o, threads);
                break;
            case Width.V256:
                GemmDriver<T, MicroKernelAvx2<T>>.Run(o, threads);
                break;
            case Width.V128:
            case Width.VectorT:
                GemmDriver<T, MicroKernelVector<T>>.Run(o, threads);
                break;
            default:
                GemmDriver<T, MicroKernelScalar<T>>.Run(o, threads);
                break;
        }
    }
}
