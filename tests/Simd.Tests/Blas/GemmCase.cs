using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.MatrixMultiply;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>
/// Builds one random GEMM case with padded rows and offset starts, runs it through the public API (or one micro-kernel
/// directly), and checks every element against <see cref="GemmReference"/> within the bound derived in
/// <see cref="GemmAccuracyTests"/>, and that the padding around C is untouched.
/// </summary>
internal static class GemmCase
{
    private const double FloatRoundoff = 5.9604644775390625e-08; // 2⁻²⁴
    private const double DoubleRoundoff = 1.1102230246251565e-16; // 2⁻⁵³

    public static float[] RandomFloats(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static bool KernelRuns(string kernel) => kernel switch
    {
        // A forced path (SIMD_FORCE_PATH) runs its kernel in software where the hardware lacks it.
        "avx512" => SimdHardware.Runs512,
        "avx2" => SimdHardware.Runs256,
        "vector" => Vector.IsHardwareAccelerated,
        _ => true,
    };

    public static string KernelOf(SimdPath path) => path switch
    {
        SimdPath.Avx512 => "avx512",
        SimdPath.Avx2 => "avx2",
        SimdPath.VectorT or SimdPath.Vector128 => "vector",
        _ => "scalar",
    };

    public static void RunFloat(int m, int n, int k, Transpose opA, Transpose opB, float alpha, float beta, int seed, int padding = 3, string? kernel = null, int threads = -1)
        => Run(m, n, k, opA, opB, alpha, beta, seed, padding, kernel, threads, FloatRoundoff);

    public static void RunDouble(int m, int n, int k, Transpose opA, Transpose opB, double alpha, double beta, int seed, int padding = 3, string? kernel = null, int threads = -1)
        => Run(m, n, k, opA, opB, alpha, beta, seed, padding, kernel, threads, DoubleRoundoff);

    private static void Run<T>(int m, int n, int k, Transpose opA, Transpose opB, T alpha, T beta, int seed, int padding, string? kernel, int threads, double roundoff)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        bool ta = opA == Transpose.Transpose, tb = opB == Transpose.Transpose;
        (int aRows, int aCols) = ta ? (k, m) : (m, k);
        (int bRows, int bCols) = tb ? (n, k) : (k, n);
        const int offset = 5;
        int lda = aCols + padding, ldb = bCols + padding, ldc = n + padding;
        T[] a = Fill(random, offset + (aRows * lda), T.Zero);
        T[] b = Fill(random, offset + (bRows * ldb), T.Zero);
        T[] c = Fill(random, offset + (m * ldc), T.Zero);
        if (beta == T.Zero)
        {
            // β = 0 must ignore C: poison the matrix itself (the padding keeps its sentinels below).
            for (int i = 0; i < m; i++)
            {
                c.AsSpan(offset + (i * ldc), n).Fill(T.NaN);
            }
        }

        T[] before = (T[])c.Clone();
        var av = new ReadOnlyMatrixView<T>(a.AsMemory(offset), aRows, aCols, lda);
        var bv = new ReadOnlyMatrixView<T>(b.AsMemory(offset), bRows, bCols, ldb);
        var cv = new MatrixView<T>(c.AsMemory(offset), m, n, ldc);

        (double[] expected, double[] magnitude) = GemmReference.Gemm(
            ta, tb, double.CreateChecked(alpha), ToDouble(a, offset), lda, ToDouble(b, offset), ldb, double.CreateChecked(beta), ToDouble(c, offset), ldc, m, n, k);

        if (kernel is null)
        {
            Gemm<T>(opA, opB, alpha, av, bv, beta, cv, threads);
        }
        else
        {
            RunKernel(kernel, m, n, k, ta, tb, alpha, beta, a, lda, b, ldb, c, ldc, offset);
        }

        double gamma = GemmReference.Gamma(k + 2, roundoff) + GemmReference.ReferenceSlackFactor;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double got = double.CreateChecked(c[offset + (i * ldc) + j]);
                double want = expected[(i * n) + j];
                double tolerance = gamma * magnitude[(i * n) + j];
                if (!(Math.Abs(got - want) <= tolerance))
                {
                    Assert.Fail($"{typeof(T).Name} {m}×{n}×{k} {opA}/{opB} α={alpha} β={beta} kernel={kernel ?? "path"}: C[{i},{j}] = {got}, expected {want} ± {tolerance}.");
                }
            }

            for (int j = n; j < ldc && (offset + (i * ldc) + j) < c.Length; j++)
            {
                Assert.Equal(before[offset + (i * ldc) + j], c[offset + (i * ldc) + j]);
            }
        }

        for (int j = 0; j < offset; j++)
        {
            Assert.Equal(before[j], c[j]);
        }
    }

    private static void Gemm<T>(Transpose opA, Transpose opB, T alpha, ReadOnlyMatrixView<T> a, ReadOnlyMatrixView<T> b, T beta, MatrixView<T> c, int threads)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Simd.Blas.Gemm(opA, opB, (float)(object)alpha, (ReadOnlyMatrixView<float>)(object)a, (ReadOnlyMatrixView<float>)(object)b, (float)(object)beta, (MatrixView<float>)(object)c, threads);
        }
        else
        {
            Simd.Blas.Gemm(opA, opB, (double)(object)alpha, (ReadOnlyMatrixView<double>)(object)a, (ReadOnlyMatrixView<double>)(object)b, (double)(object)beta, (MatrixView<double>)(object)c, threads);
        }
    }

    private static unsafe void RunKernel<T>(string kernel, int m, int n, int k, bool ta, bool tb, T alpha, T beta, T[] a, int lda, T[] b, int ldb, T[] c, int ldc, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a, pb = b, pc = c)
        {
            var o = new GemmOperands<T>
            {
                M = m, N = n, K = k, A = pa + offset, Lda = lda, TransposeA = ta, B = pb + offset, Ldb = ldb, TransposeB = tb,
                C = pc + offset, Ldc = ldc, Alpha = alpha, Beta = beta,
            };
            switch (kernel)
            {
                case "avx512": GemmDriver<T, MicroKernelAvx512<T>>.Run(o, 2); break;
                case "avx2": GemmDriver<T, MicroKernelAvx2<T>>.Run(o, 2); break;
                case "vector": GemmDriver<T, MicroKernelVector<T>>.Run(o, 2); break;
                default: GemmDriver<T, MicroKernelScalar<T>>.Run(o, 2); break;
            }
        }
    }

    private static T[] Fill<T>(Random random, int count, T unused)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        _ = unused;
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = T.CreateChecked((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    private static double[] ToDouble<T>(T[] values, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length - offset];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = double.CreateChecked(values[offset + i]);
        }

        return result;
    }
}
