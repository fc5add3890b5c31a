using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Simd.Learning;

namespace Simd.Benchmarks;

/// <summary>
/// The k-means assignment step on float data, one thread: every one of 100,000 points to the nearest of 8
/// centroids, with the inertia, at 4, 16 and 64 features. Simd's <see cref="Centroids.AssignNearest{T}"/> (lanes
/// across points, exact differences) against a plain scalar loop, a per-pair TensorPrimitives composition, and the
/// expanded form ‖x‖² − 2x·μ + ‖μ‖² with the dot products from Simd's GEMM.
/// </summary>
[Config(typeof(ShortInProcess))]
public class KMeansBenchmarks
{
    private const int Points = 100_000;
    private const int Clusters = 8;

    private float[] x = [];
    private float[] c = [];
    private float[] dots = [];
    private float[] centroidNorms = [];
    private int[] labels = [];

    /// <summary>Features per point.</summary>
    [Params(4, 16, 64)]
    public int Features { get; set; } = 4;

    /// <summary>Points from 8 blobs and 8 centroids near them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        c = new float[Clusters * Features];
        for (int i = 0; i < c.Length; i++)
        {
            c[i] = (float)(random.NextDouble() * 10);
        }

        x = new float[Points * Features];
        for (int i = 0; i < Points; i++)
        {
            int q = random.Next(Clusters);
            for (int j = 0; j < Features; j++)
            {
                x[(i * Features) + j] = c[(q * Features) + j] + (float)(random.NextDouble() - 0.5);
            }
        }

        dots = new float[Points * Clusters];
        centroidNorms = new float[Clusters];
        labels = new int[Points];
    }

    /// <summary>Simd: <see cref="Centroids.AssignNearest{T}"/>.</summary>
    [Benchmark]
    public double Simd() => Centroids.AssignNearest(new ReadOnlyMatrixView<float>(x, Points, Features), new ReadOnlyMatrixView<float>(c, Clusters, Features), labels);

    /// <summary>The loop one would write: per point and centroid Σ (x − μ)², keep the least.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        int n = Features;
        double total = 0;
        for (int i = 0; i < Points; i++)
        {
            int best = 0;
            float least = float.PositiveInfinity;
            for (int q = 0; q < Clusters; q++)
            {
                float sum = 0;
                for (int j = 0; j < n; j++)
                {
                    float d = x[(i * n) + j] - c[(q * n) + j];
                    sum += d * d;
                }

                if (sum < least)
                {
                    (best, least) = (q, sum);
                }
            }

            labels[i] = best;
            total += least;
        }

        return total;
    }

    /// <summary>Per point and centroid <c>TensorPrimitives.Distance</c> (‖x − μ‖, monotonic in the square), squared for the inertia.</summary>
    [Benchmark]
    public double TensorPrimitivesComposition()
    {
        int n = Features;
        double total = 0;
        for (int i = 0; i < Points; i++)
        {
            ReadOnlySpan<float> row = x.AsSpan(i * n, n);
            int best = 0;
            float least = float.PositiveInfinity;
            for (int q = 0; q < Clusters; q++)
            {
                float d = TensorPrimitives.Distance(row, c.AsSpan(q * n, n));
                if (d < least)
                {
                    (best, least) = (q, d);
                }
            }

            labels[i] = best;
            total += least * least;
        }

        return total;
    }

    /// <summary>
    /// The expanded form: −2·X·Cᵀ by Simd's <c>Blas.Gemm</c>
    /// on one thread, then per point argmin of ‖μ‖² − 2x·μ, and ‖x‖² added for the inertia (clamped at 0).
    /// </summary>
    [Benchmark]
    public double ExpandedGemm()
    {
        int n = Features;
        var cv = new ReadOnlyMatrixView<float>(c, Clusters, n);
        for (int q = 0; q < Clusters; q++)
        {
            centroidNorms[q] = TensorPrimitives.SumOfSquares(c.AsSpan(q * n, n));
        }

        Blas.Gemm(Blas.Transpose.None, Blas.Transpose.Transpose, -2f, new ReadOnlyMatrixView<float>(x, Points, n), cv, 0f, new MatrixView<float>(dots, Points, Clusters), maxDegreeOfParallelism: 1);
        double total = 0;
        for (int i = 0; i < Points; i++)
        {
            int best = 0;
            float least = float.PositiveInfinity;
            for (int q = 0; q < Clusters; q++)
            {
                float d = centroidNorms[q] + dots[(i * Clusters) + q];
                if (d < least)
                {
                    (best, least) = (q, d);
                }
            }

            labels[i] = best;
            total += Math.Max(0f, least + TensorPrimitives.SumOfSquares(x.AsSpan(i * n, n)));
        }

        return total;
    }

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));

            // On a shared machine the fastest iteration is the least disturbed one; report it beside the mean.
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        }
    }
}
