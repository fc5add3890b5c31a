using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Simd.LowRank;

namespace Simd.Benchmarks;

/// <summary>
/// LoRA on a 4096 × 4096 layer with r = 16: merging the adapter into W (against forming B·A with GEMM first, the
/// way <c>W + s·(B@A)</c> is written in NumPy, and against one plain read-and-write pass over W, the memory floor),
/// and the forward pass for a batch of 8 inputs and for one.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 4, iterationCount: 12)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[MedianColumn]
[CategoriesColumn]
public class LoRABenchmarks
{
    private const int D = 4096, K = 4096, R = 16, Batch = 8;
    private float[] _w = [], _product = [], _x = [], _y = [];
    private LoraAdapter _adapter = null!;

    /// <summary>Random W, X; an adapter with non-zero B.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _w = new float[D * K];
        _product = new float[D * K];
        _x = new float[Batch * K];
        _y = new float[Batch * D];
        for (int i = 0; i < _w.Length; i++)
        {
            _w[i] = (float)random.NextDouble() - 0.5f;
        }

        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] = (float)random.NextDouble() - 0.5f;
        }

        _adapter = new LoraAdapter(D, K, R, alpha: 32, seed: 2);
        Span<float> b = _adapter.B.Memory.Span;
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = ((float)random.NextDouble() - 0.5f) * 1e-3f;
        }
    }

    /// <summary>Merge in one streaming pass, all processors.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("merge")]
    public void Merge() => _adapter.Merge(new MatrixView<float>(_w, D, K));

    /// <summary>Merge on one thread.</summary>
    [Benchmark]
    [BenchmarkCategory("merge")]
    public void Merge_1Thread() => _adapter.Merge(new MatrixView<float>(_w, D, K), maxDegreeOfParallelism: 1);

    /// <summary>The composed form: P = B·A with Simd's GEMM, then W += s·P (what <c>W + s*(B@A)</c> does).</summary>
    [Benchmark]
    [BenchmarkCategory("merge")]
    public void Merge_ComposedGemm()
    {
        Blas.Gemm(_adapter.B, _adapter.A, new MatrixView<float>(_product, D, K));
        TensorPrimitives.MultiplyAdd(_product, _adapter.Scale, _w, _w);
    }

    /// <summary>The memory floor: one read and one write of W (W ← W + 1).</summary>
    [Benchmark]
    [BenchmarkCategory("merge")]
    public void StreamW_ReadWriteOnce() => TensorPrimitives.Add(_w, 1e-30f, _w);

    /// <summary>Adapted forward for 8 inputs: Y = X·Wᵀ + s·(X·Aᵀ)·Bᵀ.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("forward")]
    public void Forward_Batch8()
        => _adapter.Forward(new ReadOnlyMatrixView<float>(_w, D, K), new ReadOnlyMatrixView<float>(_x, Batch, K), new MatrixView<float>(_y, Batch, D));

    /// <summary>Adapted forward for 8 inputs on one thread.</summary>
    [Benchmark]
    [BenchmarkCategory("forward")]
    public void Forward_Batch8_1Thread()
        => _adapter.Forward(new ReadOnlyMatrixView<float>(_w, D, K), new ReadOnlyMatrixView<float>(_x, Batch, K), new MatrixView<float>(_y, Batch, D), maxDegreeOfParallelism: 1);

    /// <summary>Adapted forward for one input.</summary>
    [Benchmark]
    [BenchmarkCategory("forward")]
    public void Forward_1Vector() => _adapter.Forward(new ReadOnlyMatrixView<float>(_w, D, K), _x.AsSpan(0, K), _y.AsSpan(0, D));
}
