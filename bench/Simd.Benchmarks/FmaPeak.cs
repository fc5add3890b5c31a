using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Hardware;

namespace Simd.Benchmarks;

/// <summary>
/// A register-only loop of independent FMAs at the vector width of the path the process takes
/// (<see cref="SimdHardware.Path"/>: 512-bit on AVX-512, 256-bit on AVX2, 128-bit otherwise): the single-core peak
/// the GEMM kernel of that path is measured against. Twelve accumulators: more than two FMA pipes × 4–5 cycles of
/// latency, so the loop is throughput-bound on every core we run on; 12 + 2 constants fit the 16 ymm registers
/// of an AVX2 core, so nothing spills. The iteration count scales with the width so that one call always does
/// <see cref="Flops"/> operations. The loops are compiled fully optimised from the first call
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a call that starts in tier-0 code runs its loop through
/// on-stack replacement, and BenchmarkDotNet then measured 66 GFLOP/s on a Zen 3 core whose peak is 92–97 (the same
/// loop timed on its own after warm-up).
/// </summary>
internal static class FmaPeak
{
    private const long Iterations512 = 4_000_000;

    /// <summary>Floating-point operations per call: 12 FMAs × 2 × 16 lanes × <see cref="Iterations512"/> (the narrower widths run more iterations).</summary>
    public const double Flops = Iterations512 * 12.0 * 16 * 2;

    /// <summary>The vector width the loop runs at on this path, in bits.</summary>
    public static int Width => SimdHardware.Path switch
    {
        SimdPath.Avx512 => 512,
        SimdPath.Avx2 => 256,
        _ => 128,
    };

    /// <summary>Runs the loop at <see cref="Width"/>.</summary>
    public static float Run() => Width switch
    {
        512 => Run512(Iterations512),
        256 => Run256(Iterations512 * 2),
        _ => Run128(Iterations512 * 4),
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run512(long iterations)
    {
        Vector512<float> m = Vector512.Create(0.999999f), add = Vector512.Create(1e-7f);
        Vector512<float> a0 = add, a1 = add, a2 = add, a3 = add, a4 = add, a5 = add;
        Vector512<float> a6 = add, a7 = add, a8 = add, a9 = add, a10 = add, a11 = add;
        for (long i = 0; i < iterations; i++)
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

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run256(long iterations)
    {
        Vector256<float> m = Vector256.Create(0.999999f), add = Vector256.Create(1e-7f);
        Vector256<float> a0 = add, a1 = add, a2 = add, a3 = add, a4 = add, a5 = add;
        Vector256<float> a6 = add, a7 = add, a8 = add, a9 = add, a10 = add, a11 = add;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, add);
            a1 = Vector256.FusedMultiplyAdd(a1, m, add);
            a2 = Vector256.FusedMultiplyAdd(a2, m, add);
            a3 = Vector256.FusedMultiplyAdd(a3, m, add);
            a4 = Vector256.FusedMultiplyAdd(a4, m, add);
            a5 = Vector256.FusedMultiplyAdd(a5, m, add);
            a6 = Vector256.FusedMultiplyAdd(a6, m, add);
            a7 = Vector256.FusedMultiplyAdd(a7, m, add);
            a8 = Vector256.FusedMultiplyAdd(a8, m, add);
            a9 = Vector256.FusedMultiplyAdd(a9, m, add);
            a10 = Vector256.FusedMultiplyAdd(a10, m, add);
            a11 = Vector256.FusedMultiplyAdd(a11, m, add);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run128(long iterations)
    {
        Vector128<float> m = Vector128.Create(0.999999f), add = Vector128.Create(1e-7f);
        Vector128<float> a0 = add, a1 = add, a2 = add, a3 = add, a4 = add, a5 = add;
        Vector128<float> a6 = add, a7 = add, a8 = add, a9 = add, a10 = add, a11 = add;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector128.FusedMultiplyAdd(a0, m, add);
            a1 = Vector128.FusedMultiplyAdd(a1, m, add);
            a2 = Vector128.FusedMultiplyAdd(a2, m, add);
            a3 = Vector128.FusedMultiplyAdd(a3, m, add);
            a4 = Vector128.FusedMultiplyAdd(a4, m, add);
            a5 = Vector128.FusedMultiplyAdd(a5, m, add);
            a6 = Vector128.FusedMultiplyAdd(a6, m, add);
            a7 = Vector128.FusedMultiplyAdd(a7, m, add);
            a8 = Vector128.FusedMultiplyAdd(a8, m, add);
            a9 = Vector128.FusedMultiplyAdd(a9, m, add);
            a10 = Vector128.FusedMultiplyAdd(a10, m, add);
            a11 = Vector128.FusedMultiplyAdd(a11, m, add);
        }

        return Vector128.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
