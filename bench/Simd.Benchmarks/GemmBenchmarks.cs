using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;

namespace Simd.Benchmarks;

/// <summary>
/// Single-precision GEMM, 1024³ (C ← A·B, 2·1024³ flops), on one and two threads, next to OpenBLAS's
/// <c>cblas_sgemm</c> on the same data and thread counts, and the single-core FMA peak.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 4, iterationCount: 12)]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[MedianColumn]
public class GemmBenchmarks
{
    private const int N = 1024;
    private const double Flops = 2.0 * N * N * N;
    private float[] _a = [], _b = [], _c = [];

    /// <summary>Random inputs in [−0.5, 0.5).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = new float[N * N];
        _b = new float[N * N];
        _c = new float[N * N];
        for (int i = 0; i < _a.Length; i++)
        {
            _a[i] = (float)random.NextDouble() - 0.5f;
            _b[i] = (float)random.NextDouble() - 0.5f;
        }

        Console.WriteLine($"// OpenBLAS: {OpenBlas.Description}");
        Console.WriteLine($"// Simd path: {Hardware.SimdHardware.Path}; FmaPeak width: {FmaPeak.Width} bits");
    }

    /// <summary>Simd, one thread.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1 thread")]
    [Flops(Flops)]
    public void Simd_Sgemm_1Thread()
        => Blas.Gemm(new ReadOnlyMatrixView<float>(_a, N, N), new ReadOnlyMatrixView<float>(_b, N, N), new MatrixView<float>(_c, N, N), maxDegreeOfParallelism: 1);

    /// <summary>OpenBLAS, one thread (skipped with a printed reason when OpenBLAS is missing).</summary>
    [Benchmark]
    [BenchmarkCategory("1 thread")]
    [Flops(Flops)]
    public void OpenBlas_Sgemm_1Thread()
    {
        if (OpenBlas.IsAvailable)
        {
            OpenBlas.Gemm(_a, _b, _c, N, 1);
        }
    }

    /// <summary>Simd, two threads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("2 threads")]
    [Flops(Flops)]
    public void Simd_Sgemm_2Threads()
        => Blas.Gemm(new ReadOnlyMatrixView<float>(_a, N, N), new ReadOnlyMatrixView<float>(_b, N, N), new MatrixView<float>(_c, N, N), maxDegreeOfParallelism: 2);

    /// <summary>OpenBLAS, two threads.</summary>
    [Benchmark]
    [BenchmarkCategory("2 threads")]
    [Flops(Flops)]
    public void OpenBlas_Sgemm_2Threads()
    {
        if (OpenBlas.IsAvailable)
        {
            OpenBlas.Gemm(_a, _b, _c, N, 2);
        }
    }

    /// <summary>The single-core FMA peak of this path: a register-only loop of FMAs at its vector width.</summary>
    [Benchmark]
    [BenchmarkCategory("peak")]
    [Flops(FmaPeak.Flops)]
    public float FmaPeak_1Core() => FmaPeak.Run();

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new FlopsColumn());
    }
}
