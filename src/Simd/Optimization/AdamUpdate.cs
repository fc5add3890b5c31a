namespace Simd.Optimization;

/// <summary>The one Adam step behind <see cref="Adam{T}"/> and <see cref="AdamW{T}"/>: its host scalars and kernel.</summary>
internal static class AdamUpdate
{
    /// <summary>
    /// The plan of step t: stepSize = γ / (1 − β₁ᵗ) and √(1 − β₂ᵗ) in double, then the kernel with shrink (1 for Adam,
    /// 1 − γλ for AdamW) and the coupled decay (λ for Adam, 0 for AdamW).
    /// </summary>
    public static OptimizerStepPlan Plan(long step, double learningRate, double beta1, double beta2, double epsilon, double shrink, double coupledDecay, bool amsgrad)
    {
        double stepSize = learningRate / (1 - System.Math.Pow(beta1, step));
        double c2Sqrt = System.Math.Sqrt(1 - System.Math.Pow(beta2, step));
        return new(
            amsgrad ? OptimizerKernel.AdamAmsgrad : OptimizerKernel.Adam,
            [shrink, coupledDecay, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, stepSize, c2Sqrt]);
    }
}
