namespace Simd.Benchmarks;

/// <summary>A reduction kernel as a user writes it.</summary>
public static partial class ReductionKernels
{
    /// <summary>The squared error of one prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="target">The target.</param>
    /// <returns>(prediction − target)².</returns>
    [Kernel(Reductions = Reduction.Sum)]
    public static float SquaredError(float prediction, float target)
    {
        float d = prediction - target;
        return d * d;
    }
}
