using System;
using System.Collections.Generic;
using System.Globalization;

namespace Simd.Cli.Bench;

/// <summary>
/// The comparisons <c>simd bench</c> runs: Dot and Axpy on 4096 floats (both vectors fit in L2, so this measures
/// the arithmetic, not memory bandwidth) and one gradient-descent update on 512 × 256 floats.
/// </summary>
internal static class QuickBench
{
    /// <summary>The vector length for Dot and Axpy.</summary>
    public const int VectorLength = 4096;

    /// <summary>The rows of the gradient-descent problem.</summary>
    public const int Rows = 512;

    /// <summary>The features of the gradient-descent problem.</summary>
    public const int Features = 256;

    /// <summary>Runs every comparison.</summary>
    /// <param name="repetitions">Timed batches per measurement (the median is reported).</param>
    /// <param name="warmup">Warm-up time per measurement.</param>
    /// <param name="onMeasured">Called after each operation with a short label (for progress).</param>
    public static List<BenchRow> Run(int repetitions, TimeSpan warmup, Action<string>? onMeasured = null)
    {
        var random = new Random(20261129);
        float[] x = RandomVector(random, VectorLength);
        float[] y = RandomVector(random, VectorLength);
        float[] features = RandomVector(random, Rows * Features);
        float[] target = RandomVector(random, Rows);
        var rows = new List<BenchRow>();

        rows.Add(Measure("dot", VectorLength.ToString(CultureInfo.InvariantCulture), repetitions, warmup, Dot<ScalarKernels>, Dot<TensorPrimitivesKernels>, Dot<SimdKernels>));
        onMeasured?.Invoke("dot");
        rows.Add(Measure("axpy", VectorLength.ToString(CultureInfo.InvariantCulture), repetitions, warmup, Axpy<ScalarKernels>, Axpy<TensorPrimitivesKernels>, Axpy<SimdKernels>));
        onMeasured?.Invoke("axpy");
        rows.Add(Measure("gd-iteration", $"{Rows}x{Features}", repetitions, warmup, Step<ScalarKernels>, Step<TensorPrimitivesKernels>, Step<SimdKernels>));
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
    }

    private static BenchRow Measure(string operation, string size, int repetitions, TimeSpan warmup, Func<Action> scalar, Func<Action> tensorPrimitives, Func<Action> simd)
    {
        double s = Timing.MedianNanoseconds(scalar(), repetitions, warmup);
        double t = Timing.MedianNanoseconds(tensorPrimitives(), repetitions, warmup);
        double m = Timing.MedianNanoseconds(simd(), repetitions, warmup);
        return new BenchRow(operation, size, s, t, m);
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
