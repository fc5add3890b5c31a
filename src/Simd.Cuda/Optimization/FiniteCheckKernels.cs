using System.Numerics;

namespace Simd.Cuda.Optimization;

/// <summary>The device side of the optimizers' finiteness check: a count of the elements that are not finite.</summary>
internal static partial class FiniteCheckKernels
{
    /// <summary>1 where the parameter or the gradient is NaN or ∞, 0 elsewhere: its sum is positive exactly when one of them is (a sum of zeros and ones is never rounded to 0).</summary>
    [Kernel(Reductions = Reduction.Sum)]
    internal static T NonFinite<T>(T parameter, T gradient)
        where T : IFloatingPointIeee754<T>
        => T.IsFinite(parameter) && T.IsFinite(gradient) ? T.Zero : T.One;
}
