using System.Numerics;

// One source for both assemblies, as OptimizerKernels.cs: Simd's steps check on the CPU, Simd.Cuda's on the device.
#if SIMD_CUDA
namespace Simd.Cuda.Optimization;
#else
namespace Simd.Optimization;
#endif

/// <summary>The optimizers' finiteness check as one vectorised pass: a count of the elements that are not finite.</summary>
internal static partial class FiniteCheckKernels
{
    /// <summary>1 where the parameter or the gradient is NaN or ∞, 0 elsewhere: its sum is positive exactly when one of them is (a sum of zeros and ones is never rounded to 0).</summary>
    [Kernel(Reductions = Reduction.Sum)]
    internal static T NonFinite<T>(T parameter, T gradient)
        where T : IFloatingPointIeee754<T>
        => T.IsFinite(parameter) && T.IsFinite(gradient) ? T.Zero : T.One;
}
