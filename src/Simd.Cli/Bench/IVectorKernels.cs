using System;

namespace Simd.Cli.Bench;

/// <summary>
/// The two BLAS-1 kernels the quick benchmark compares. Static abstract members, so each implementation is a type
/// argument and the JIT compiles the measured loops once per implementation with direct, inlinable calls.
/// </summary>
internal interface IVectorKernels
{
    /// <summary>The column header of this implementation.</summary>
    static abstract string Name { get; }

    /// <summary>Σ xᵢyᵢ.</summary>
    static abstract float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y);

    /// <summary>y ← αx + y.</summary>
    static abstract void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y);
}
