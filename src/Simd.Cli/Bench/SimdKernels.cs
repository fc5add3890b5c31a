using System;

namespace Simd.Cli.Bench;

/// <summary>Simd's generated BLAS kernels (<see cref="Simd.Blas"/>).</summary>
internal readonly struct SimdKernels : IVectorKernels
{
    /// <inheritdoc/>
    public static string Name => "Simd";

    /// <inheritdoc/>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => Blas.Dot(x, y);

    /// <inheritdoc/>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => Blas.Axpy(alpha, x, y);
}
