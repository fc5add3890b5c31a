using System.Collections.Generic;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>The hyper-parameters of <see cref="AdamW{T}"/>, named and defaulted as PyTorch's <c>torch.optim.AdamW</c>.</summary>
public sealed class AdamWOptions : OptimizerOptions
{
    /// <summary>Validates and keeps the hyper-parameters.</summary>
    /// <param name="learningRate">γ ≥ 0. Default 0.001.</param>
    /// <param name="beta1">β₁ ∈ [0, 1), the decay of the first moment. Default 0.9.</param>
    /// <param name="beta2">β₂ ∈ [0, 1), the decay of the second moment. Default 0.999.</param>
    /// <param name="epsilon">ε &gt; 0, added to the denominator after the square root. Default 1e-8.</param>
    /// <param name="weightDecay">λ ≥ 0, decoupled: θ is multiplied by 1 − γλ before the Adam step. Default 0.01.</param>
    /// <param name="amsgrad">Use the running maximum of v in the denominator (AMSGrad). Default false.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A value is out of range (the exception names it).</exception>
    public AdamWOptions(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 1e-2, bool amsgrad = false)
        : base(learningRate, weightDecay)
    {
        Beta1 = OptimizerArguments.UnitInterval(beta1, nameof(beta1), "the first-moment decay β₁");
        Beta2 = OptimizerArguments.UnitInterval(beta2, nameof(beta2), "the second-moment decay β₂");
        Epsilon = OptimizerArguments.Positive(epsilon, nameof(epsilon), "the denominator term ε");
        Amsgrad = amsgrad;
    }

    /// <summary>The first-moment decay β₁.</summary>
    public double Beta1 { get; }

    /// <summary>The second-moment decay β₂.</summary>
    public double Beta2 { get; }

    /// <summary>The denominator term ε.</summary>
    public double Epsilon { get; }

    /// <summary>Whether AMSGrad's running maximum of v is used.</summary>
    public bool Amsgrad { get; }

    /// <inheritdoc/>
    public override string Name => "adamw";

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>() => new AdamW<T>(this);

    internal override IReadOnlyList<KeyValuePair<string, double>> Settings =>
    [
        new("learningRate", LearningRate), new("beta1", Beta1), new("beta2", Beta2), new("epsilon", Epsilon),
        new("weightDecay", WeightDecay), new("amsgrad", Amsgrad ? 1 : 0),
    ];
}
