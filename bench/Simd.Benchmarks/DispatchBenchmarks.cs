using BenchmarkDotNet.Attributes;

namespace Simd.Benchmarks;

/// <summary>
/// Short calls, where the per-call dispatch (path, width choice, tail handling) is a large share of the time:
/// <c>Blas.Dot</c> (the sum driver) and <c>Blas.Axpy</c> (the in-place map driver). Run before and after a change to the dispatch (such as
/// reading <c>SIMD_FORCE_PATH</c>) to show the default path did not get slower.
/// </summary>
public unsafe class DispatchBenchmarks
{
    private AlignedBuffer x = null!;
    private AlignedBuffer y = null!;

    /// <summary>Number of elements: below one 512-bit vector, a few vectors, and one L1-sized block.</summary>
    [Params(7, 100, 1_024)]
    public int N { get; set; }

    /// <summary>Allocates the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        x = new AlignedBuffer(N, 0, 1);
        y = new AlignedBuffer(N, 0, 2);
    }

    /// <summary>Frees the inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        x.Dispose();
        y.Dispose();
    }

    /// <summary>The sum driver.</summary>
    [Benchmark]
    public float Dot() => Blas.Dot(x.Span, y.Span);

    /// <summary>The map driver, in place.</summary>
    [Benchmark]
    public void Axpy() => Blas.Axpy(0.5f, x.Span, y.Span);
}
