using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Simd.Benchmarks;

/// <summary>
/// <c>Blas.Dot</c> against a plain scalar loop and <c>TensorPrimitives.Dot</c>, float, in L1 (1K), L2 (32K),
/// L3/DRAM (1M) and DRAM (16M); inputs either cache-line aligned or 16 bytes off (as .NET arrays usually are).
/// <c>ReadBandwidth</c> reads the same bytes with nothing else to do: the ceiling for large n.
/// </summary>
[MemoryDiagnoser(false)]
public unsafe class DotBenchmarks
{
    private AlignedBuffer x = null!;
    private AlignedBuffer y = null!;

    /// <summary>Number of elements.</summary>
    [Params(1_024, 32_768, 1_048_576, 16_777_216)]
    public int N { get; set; }

    /// <summary>Offset of both inputs from a 64-byte boundary, in floats (0 or 4).</summary>
    [Params(0, 4)]
    public int Misalignment { get; set; }

    /// <summary>Allocates the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        x = new AlignedBuffer(N, Misalignment, 1);
        y = new AlignedBuffer(N, Misalignment, 2);
    }

    /// <summary>Frees the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        x.Dispose();
        y.Dispose();
    }

    /// <summary>The scalar loop a user would write.</summary>
    [Benchmark]
    public float ScalarLoop() => ReadBandwidth.ScalarDot(x.Start, y.Start, N);

    /// <summary>System.Numerics.Tensors.</summary>
    [Benchmark(Baseline = true)]
    public float TensorPrimitivesDot() => TensorPrimitives.Dot(x.Span, y.Span);

    /// <summary>Ours.</summary>
    [Benchmark]
    public float SimdBlasDot() => Blas.Dot(x.Span, y.Span);

    /// <summary>A plain vector sum over the same bytes: the read-bandwidth ceiling.</summary>
    [Benchmark]
    public float ReadBandwidthCeiling() => ReadBandwidth.Sum(x.Start, y.Start, N);
}
