using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Simd.Benchmarks;

/// <summary>
/// <c>Blas.Axpy</c> (y ← αx + y in place) against a scalar loop and <c>TensorPrimitives.MultiplyAdd</c>
/// writing into y, float. The in-place update reads two streams and writes one.
/// </summary>
[MemoryDiagnoser(false)]
public unsafe class AxpyBenchmarks
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
    public void ScalarLoop() => ReadBandwidth.ScalarAxpy(1e-7f, x.Start, y.Start, N);

    /// <summary>System.Numerics.Tensors: y = x·α + y.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitivesMultiplyAdd() => TensorPrimitives.MultiplyAdd(x.Span, 1e-7f, y.Span, y.Span);

    /// <summary>Ours.</summary>
    [Benchmark]
    public void SimdBlasAxpy() => Blas.Axpy(1e-7f, x.Span, y.Span);

    /// <summary>A plain vector sum over the same two input streams: the read-bandwidth ceiling (axpy also writes one).</summary>
    [Benchmark]
    public float ReadBandwidthCeiling() => ReadBandwidth.Sum(x.Start, y.Start, N);
}
