using System;

namespace Simd.Cli.Bench;

/// <summary>Simd's generated BLAS kernels (Simd.Blas): not part of this build yet, so <see cref="IsAvailable"/> is false.</summary>
internal readonly struct SimdKernels : IVectorKernels
{
    /// <summary>Whether Simd.Blas is in this build.</summary>
    public static bool IsAvailable => false;

    /// <inheritdoc/>
    public static string Name => "Simd";

    /// <inheritdoc/>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => throw new NotSupportedException("Simd.Blas is not in this build.");

    /// <inheritdoc/>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException("Simd.Blas is not in this build.");
}
