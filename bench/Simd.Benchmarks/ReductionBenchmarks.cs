using System;
using BenchmarkDotNet.Attributes;

namespace Simd.Benchmarks;

/// <summary>
/// Every kind of reduction the library runs, against the scalar loop a user would write, float: <c>Blas.Dot</c>,
/// <c>Blas.SumOfSquares</c>, the sum of a user's squared-error <c>[Kernel]</c> (the driver fuses its last multiply
/// with the addition) and <c>Blas.Axpy</c> (a map with a multiply-add). Meant for the paths without fused multiply-add:
/// run it with <c>DOTNET_EnableAVX2=0</c> (the 128-bit path, no FMA, what a default NativeAOT build gets), where an
/// emulated fused multiply-add would make these many times slower than the scalar loop.
/// </summary>
[MemoryDiagnoser(false)]
public unsafe class ReductionBenchmarks
{
    private AlignedBuffer x = null!;
    private AlignedBuffer y = null!;

    /// <summary>Number of elements: in L1 and in L3/DRAM.</summary>
    [Params(4_096, 1_048_576)]
    public int N { get; set; }

    /// <summary>Allocates the inputs (16 bytes past a cache line, as .NET arrays usually start).</summary>
    [GlobalSetup]
    public void Setup()
    {
        x = new AlignedBuffer(N, 4, 1);
        y = new AlignedBuffer(N, 4, 2);
    }

    /// <summary>Frees the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        x.Dispose();
        y.Dispose();
    }

    /// <summary>Σ xᵢyᵢ, the scalar loop.</summary>
    [Benchmark(Baseline = true)]
    public float DotScalarLoop() => ReadBandwidth.ScalarDot(x.Start, y.Start, N);

    /// <summary>Σ xᵢyᵢ, ours.</summary>
    [Benchmark]
    public float DotSimd() => Blas.Dot(x.Span, y.Span);

    /// <summary>Σ xᵢ², the scalar loop.</summary>
    [Benchmark]
    public float SumOfSquaresScalarLoop()
    {
        float* p = x.Start;
        float sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += p[i] * p[i];
        }

        return sum;
    }

    /// <summary>Σ xᵢ², ours.</summary>
    [Benchmark]
    public float SumOfSquaresSimd() => Blas.SumOfSquares(x.Span);

    /// <summary>Σ (xᵢ − yᵢ)², the scalar loop over the kernel's scalar method.</summary>
    [Benchmark]
    public float SquaredErrorScalarLoop()
    {
        float* p = x.Start, t = y.Start;
        float sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += ReductionKernels.SquaredError(p[i], t[i]);
        }

        return sum;
    }

    /// <summary>Σ (xᵢ − yᵢ)², the generated sum of the same kernel.</summary>
    [Benchmark]
    public float SquaredErrorSimd() => ReductionKernels.SquaredErrorSum(x.Span, y.Span);

    /// <summary>y ← 0.5·x + y, the scalar loop (multiply-add as the machine does it).</summary>
    [Benchmark]
    public void AxpyScalarLoop()
    {
        float* p = x.Start, q = y.Start;
        for (int i = 0; i < N; i++)
        {
            q[i] = float.MultiplyAddEstimate(0.5f, p[i], q[i]);
        }
    }

    /// <summary>y ← 0.5·x + y, ours.</summary>
    [Benchmark]
    public void AxpySimd() => Blas.Axpy(0.5f, x.Span, y.Span);
}
