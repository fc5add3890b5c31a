using System;
using System.Numerics.Tensors;

namespace Simd.Cli.Bench;

/// <summary>The .NET library's hand-vectorised kernels (System.Numerics.Tensors).</summary>
internal readonly struct TensorPrimitivesKernels : IVectorKernels
{
    /// <inheritdoc/>
    public static string Name => "TensorPrimitives";

    /// <inheritdoc/>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);

    /// <inheritdoc/>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.MultiplyAdd(x, alpha, y, y);
}
