using System.Collections.Generic;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>The hyper-parameters of <see cref="RMSprop{T}"/>, named and defaulted as PyTorch's <c>torch.optim.RMSprop</c>.</summary>
public sealed class RMSpropOptions : OptimizerOptions
{
    /// <summary>Validates and keeps the hyper-parameters.</summary>
    /// <param name="learningRate">γ ≥ 0. Default 0.01.</param>
    /// <param name="alpha">α ∈ [0, 1], the smoothing constant of the squared-gradient average. Default 0.99.</param>
    /// <param name="epsilon">ε &gt; 0, added to the denominator after the square root. Default 1e-8.</param>
    /// <param name="weightDecay">λ ≥ 0, added to the gradient as λθ. Default 0.</param>
    /// <param name="momentum">μ ≥ 0; 0 (the default) keeps no momentum buffer.</param>
    /// <param name="centered">Normalise by the estimated variance v − ḡ² instead of v. Default false.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A value is out of range (the exception names it).</exception>
    public RMSpropOptions(double learningRate = 1e-2, double alpha = 0.99, double epsilon = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false)
        : base(learningRate, weightDecay)
    {
        Alpha = OptimizerArguments.ClosedUnitInterval(alpha, nameof(alpha), "the smoothing constant α");
        Epsilon = OptimizerArguments.Positive(epsilon, nameof(epsilon), "the denominator term ε");
        Momentum = OptimizerArguments.NonNegative(momentum, nameof(momentum), "the momentum μ");
        Centered = centered;
    }

    /// <summary>The smoothing constant α.</summary>
    public double Alpha { get; }

    /// <summary>The denominator term ε.</summary>
    public double Epsilon { get; }

    /// <summary>The momentum μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether the centered variant is used.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    public override string Name => "rmsprop";

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>() => new RMSprop<T>(this);

    internal override IReadOnlyList<KeyValuePair<string, double>> Settings =>
    [
        new("learningRate", LearningRate), new("alpha", Alpha), new("epsilon", Epsilon),
        new("weightDecay", WeightDecay), new("momentum", Momentum), new("centered", Centered ? 1 : 0),
    ];
}
