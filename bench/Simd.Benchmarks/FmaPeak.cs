using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Benchmarks;

/// <summary>
/// A register-only loop of independent 512-bit FMAs: the single-core peak the GEMM kernel is measured against.
/// Twelve accumulators: more than two FMA pipes × four cycles of latency, so the loop is throughput-bound.
/// </summary>
internal static class FmaPeak
{
    public const long Iterations = 4_000_000;

    /// <summary>Floating-point operations per call: iterations × 12 FMAs × 16 lanes × 2.</summary>
    public const double Flops = Iterations * 12.0 * 16 * 2;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float Run()
    {
        Vector512<float> m = Vector512.Create(0.999999f), add = Vector512.Create(1e-7f);
        Vector512<float> a0 = add, a1 = add, a2 = add, a3 = add, a4 = add, a5 = add;
        Vector512<float> a6 = add, a7 = add, a8 = add, a9 = add, a10 = add, a11 = add;
        for (long i = 0; i < Iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, add);
            a1 = Vector512.FusedMultiplyAdd(a1, m, add);
            a2 = Vector512.FusedMultiplyAdd(a2, m, add);
            a3 = Vector512.FusedMultiplyAdd(a3, m, add);
            a4 = Vector512.FusedMultiplyAdd(a4, m, add);
            a5 = Vector512.FusedMultiplyAdd(a5, m, add);
            a6 = Vector512.FusedMultiplyAdd(a6, m, add);
            a7 = Vector512.FusedMultiplyAdd(a7, m, add);
            a8 = Vector512.FusedMultiplyAdd(a8, m, add);
            a9 = Vector512.FusedMultiplyAdd(a9, m, add);
            a10 = Vector512.FusedMultiplyAdd(a10, m, add);
            a11 = Vector512.FusedMultiplyAdd(a11, m, add);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
