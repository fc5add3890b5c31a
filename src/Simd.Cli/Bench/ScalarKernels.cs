using System;
using System.Runtime.CompilerServices;

namespace Simd.Cli.Bench;

/// <summary>The baseline: the plain loops a person would write, one element per iteration.</summary>
internal readonly struct ScalarKernels : IVectorKernels
{
    /// <inheritdoc/>
    public static string Name => "scalar loop";

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
