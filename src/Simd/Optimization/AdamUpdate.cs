using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Simd.Optimization;

/// <summary>The one Adam step behind <see cref="Adam{T}"/> and <see cref="AdamW{T}"/>: host scalars, then one kernel.</summary>
internal static class AdamUpdate
{
    /// <summary>
    /// One step t: stepSize = γ / (1 − β₁ᵗ) and √(1 − β₂ᵗ) in double, then the kernel with shrink (1 for Adam,
    /// 1 − γλ for AdamW) and the coupled decay (λ for Adam, 0 for AdamW).
    /// </summary>
    public static void Run<T>(
        Span<T> parameters, ReadOnlySpan<T> gradients, T[][] state, long step,
        double learningRate, double beta1, double beta2, double epsilon, double shrink, double coupledDecay, bool amsgrad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double stepSize = learningRate / (1 - Math.Pow(beta1, step));
        double c2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, step));
        if (typeof(T) == typeof(float))
        {
            Span<float> p = MemoryMarshal.Cast<T, float>(parameters);
            ReadOnlySpan<float> g = MemoryMarshal.Cast<T, float>(gradients);
            Span<float> m = MemoryMarshal.Cast<T, float>(state[0].AsSpan());
            Span<float> v = MemoryMarshal.Cast<T, float>(state[1].AsSpan());
            if (amsgrad)
            {
                OptimizerKernels.AdamAmsgradStep(
                    p, m, v, MemoryMarshal.Cast<T, float>(state[2].AsSpan()), g,
                    (float)shrink, (float)coupledDecay, (float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)epsilon, (float)stepSize, (float)c2Sqrt);
            }
            else
            {
                OptimizerKernels.AdamStep(p, m, v, g, (float)shrink, (float)coupledDecay, (float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)epsilon, (float)stepSize, (float)c2Sqrt);
            }
        }
        else
        {
            Span<double> p = MemoryMarshal.Cast<T, double>(parameters);
            ReadOnlySpan<double> g = MemoryMarshal.Cast<T, double>(gradients);
            Span<double> m = MemoryMarshal.Cast<T, double>(state[0].AsSpan());
            Span<double> v = MemoryMarshal.Cast<T, double>(state[1].AsSpan());
            if (amsgrad)
            {
                OptimizerKernels.AdamAmsgradStep(
                    p, m, v, MemoryMarshal.Cast<T, double>(state[2].AsSpan()), g, shrink, coupledDecay, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, stepSize, c2Sqrt);
            }
            else
            {
                OptimizerKernels.AdamStep(p, m, v, g, shrink, coupledDecay, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, stepSize, c2Sqrt);
            }
        }
    }
}
