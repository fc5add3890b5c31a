using System;
using System.Collections.Generic;
using System.Globalization;

namespace Simd.Cli.Bench;

/// <summary>
/// The comparisons <c>simd bench</c> runs: Dot and Axpy on 4096 floats (both vectors fit in L2, so this measures
/// the arithmetic, not memory bandwidth) and one gradient-descent update on 20000 × 512 floats (the shape of the
/// BenchmarkDotNet suite's GradientDescentBenchmarks, 40 MB, so the one pass over X that fusing saves shows) — for Simd the
/// library's fused step (<see cref="FusedStep"/>), for the scalar loop and TensorPrimitives a Dot and an Axpy per row.
/// </summary>
internal static class QuickBench
{
    /// <summary>The vector length for Dot and Axpy.</summary>
    public const int VectorLength = 4096;

    /// <summary>The rows of the gradient-descent problem.</summary>
    public const int Rows = 20000;

    /// <summary>The features of the gradient-descent problem.</summary>
    public const int Features = 512;

    /// <summary>The threshold of <see cref="BenchRow.MaxSpread"/> above which the machine counts as too noisy for the ratios.</summary>
    public const double NoisySpread = 0.10;

    /// <summary>What the Simd column of the gradient-descent row runs.</summary>
    public const string FusedStep = "LinearRegression.CostAndGradient (the fused one-pass kernel, one thread) and the update";

    /// <summary>Runs every comparison, the three implementations of each interleaved.</summary>
    /// <param name="repetitions">Timed batches per implementation (the median is reported).</param>
    /// <param name="warmup">The least warm-up per operation; it lasts until tiered compilation has settled.</param>
    /// <param name="settled">Whether compilation settled before every operation's timing.</param>
    /// <param name="onMeasured">Called after each operation with a short label (for progress).</param>
    public static List<BenchRow> Run(int repetitions, TimeSpan warmup, out bool settled, Action<string>? onMeasured = null)
    {
        var random = new Random(20261129);
        float[] x = RandomVector(random, VectorLength);
        float[] y = RandomVector(random, VectorLength);
        float[] features = RandomVector(random, Rows * Features);
        float[] target = RandomVector(random, Rows);
        var rows = new List<BenchRow>();
        settled = true;

        rows.Add(Measure("dot", VectorLength.ToString(CultureInfo.InvariantCulture), repetitions, warmup, ref settled, [Dot<ScalarKernels>(), Dot<TensorPrimitivesKernels>(), Dot<SimdKernels>()], "Blas.Dot"));
        onMeasured?.Invoke("dot");
        rows.Add(Measure("axpy", VectorLength.ToString(CultureInfo.InvariantCulture), repetitions, warmup, ref settled, [Axpy<ScalarKernels>(), Axpy<TensorPrimitivesKernels>(), Axpy<SimdKernels>()], "Blas.Axpy"));
        onMeasured?.Invoke("axpy");
        rows.Add(Measure("gd-iteration", $"{Rows}x{Features}", repetitions, warmup, ref settled, [Step<ScalarKernels>(), Step<TensorPrimitivesKernels>(), FusedSimdStep()], FusedStep));
        onMeasured?.Invoke("gd-iteration");
        return rows;

        Action Dot<TK>()
            where TK : IVectorKernels
        {
            return () => Sink.Value += TK.Dot(x, y);
        }

        Action Axpy<TK>()
            where TK : IVectorKernels
        {
            // A tiny alpha keeps y bounded however many times the batch runs.
            float[] destination = (float[])y.Clone();
            return () => TK.Axpy(1e-7f, x, destination);
        }

        Action Step<TK>()
            where TK : IVectorKernels
        {
            float[] weights = new float[Features];
            float[] gradient = new float[Features];
            float bias = 0;

            // α = 0.01 is below 2/λmax of XᵀX/m for uniform [-1, 1) features (λmax ≈ 1), so repeated updates converge.
            return () => GradientStep.Run<TK>(features, target, weights, ref bias, gradient, 0.01f);
        }

        Action FusedSimdStep()
        {
            // The library's own step, as a user calls it: the same update as GradientStep (the gradient it returns is
            // already divided by m), from one fused pass over X instead of a Dot and an Axpy per row.
            float[] weights = new float[Features];
            float[] gradient = new float[Features];
            float bias = 0;
            var view = new ReadOnlyMatrixView<float>(features, Rows, Features);
            return () =>
            {
                Learning.LinearRegression.CostAndGradient(view, target, weights, bias, gradient, out float gb, 0f, maxDegreeOfParallelism: 1);
                Blas.Axpy(-0.01f, gradient, weights);
                bias -= 0.01f * gb;
            };
        }
    }

    private static BenchRow Measure(string operation, string size, int repetitions, TimeSpan warmup, ref bool settled, Action[] implementations, string simd)
    {
        Measurement[] m = Timing.Interleaved(implementations, repetitions, warmup, out bool quiet);
        settled &= quiet;
        return new BenchRow(operation, size, m[0], m[1], m[2], simd);
    }

    private static float[] RandomVector(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextSingle() * 2) - 1;
        }

        return values;
    }

    /// <summary>Where dot products go so the JIT cannot drop the work.</summary>
    private static class Sink
    {
        public static float Value;
    }
}
