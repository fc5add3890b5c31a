using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Simd.Benchmarks;

/// <summary>
/// GEMM over a sweep of shapes (square 256…2048, and the tall-skinny / short-wide products of LoRA adapters and of
/// the learning layer), single and double precision, one thread, next to OpenBLAS on the same data. Ratios are
/// read per shape from the <c>Ratio</c> column (OpenBLAS ÷ Simd time).
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
[MedianColumn]
public class GemmSweepBenchmarks
{
    private float[] _sa = [], _sb = [], _sc = [];
    private double[] _da = [], _db = [], _dc = [];
    private int _m, _n, _k;

    /// <summary>The shapes: <c>m×n×k</c> for C (m × n) ← A (m × k) · B (k × n).</summary>
    public static IEnumerable<string> Shapes =>
    [
        "256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
        "4096x16x4096", "4096x4096x16", "16x4096x4096", "200000x32x32",
    ];

    /// <summary>The shape of this case.</summary>
    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "256x256x256";

    /// <summary>Element type: <c>float</c> or <c>double</c>.</summary>
    [Params("float", "double")]
    public string Type { get; set; } = "float";

    /// <summary>Random inputs in [−0.5, 0.5).</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        (_m, _n, _k) = (int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        var random = new Random(1);
        if (Type == "float")
        {
            _sa = Fill(random, (long)_m * _k, r => (float)r - 0.5f);
            _sb = Fill(random, (long)_k * _n, r => (float)r - 0.5f);
            _sc = new float[(long)_m * _n];
        }
        else
        {
            _da = Fill(random, (long)_m * _k, r => r - 0.5);
            _db = Fill(random, (long)_k * _n, r => r - 0.5);
            _dc = new double[(long)_m * _n];
        }

        Console.WriteLine($"// OpenBLAS: {OpenBlas.Description}; Simd path: {Hardware.SimdHardware.Path}");
    }

    /// <summary>Simd, one thread.</summary>
    [Benchmark(Baseline = true)]
    public void Simd_1Thread()
    {
        if (Type == "float")
        {
            Blas.Gemm(new ReadOnlyMatrixView<float>(_sa, _m, _k), new ReadOnlyMatrixView<float>(_sb, _k, _n), new MatrixView<float>(_sc, _m, _n), maxDegreeOfParallelism: 1);
        }
        else
        {
            Blas.Gemm(new ReadOnlyMatrixView<double>(_da, _m, _k), new ReadOnlyMatrixView<double>(_db, _k, _n), new MatrixView<double>(_dc, _m, _n), maxDegreeOfParallelism: 1);
        }
    }

    /// <summary>OpenBLAS, one thread (does nothing, and says why in the setup line, when OpenBLAS is missing).</summary>
    [Benchmark]
    public void OpenBlas_1Thread()
    {
        if (!OpenBlas.IsAvailable)
        {
            return;
        }

        if (Type == "float")
        {
            OpenBlas.Gemm(_sa, _sb, _sc, _m, _n, _k, 1);
        }
        else
        {
            OpenBlas.Gemm(_da, _db, _dc, _m, _n, _k, 1);
        }
    }

    private static T[] Fill<T>(Random random, long length, Func<double, T> map)
    {
        var values = new T[length];
        for (long i = 0; i < length; i++)
        {
            values[i] = map(random.NextDouble());
        }

        return values;
    }
}
