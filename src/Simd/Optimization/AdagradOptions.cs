using System.Collections.Generic;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>The hyper-parameters of <see cref="Adagrad{T}"/>, named and defaulted as PyTorch's <c>torch.optim.Adagrad</c>.</summary>
public sealed class AdagradOptions : OptimizerOptions
{
    /// <summary>Validates and keeps the hyper-parameters.</summary>
    /// <param name="learningRate">γ ≥ 0. Default 0.01.</param>
    /// <param name="lrDecay">η ≥ 0: step t uses γ / (1 + (t − 1)η). Default 0.</param>
    /// <param name="weightDecay">λ ≥ 0, added to the gradient as λθ. Default 0.</param>
    /// <param name="initialAccumulatorValue">The starting value ≥ 0 of the sum of squared gradients. Default 0.</param>
    /// <param name="epsilon">ε &gt; 0, added to the denominator after the square root. Default 1e-10.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">A value is out of range (the exception names it).</exception>
    public AdagradOptions(double learningRate = 1e-2, double lrDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double epsilon = 1e-10)
        : base(learningRate, weightDecay)
    {
        LrDecay = OptimizerArguments.NonNegative(lrDecay, nameof(lrDecay), "the learning-rate decay η");
        InitialAccumulatorValue = OptimizerArguments.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue), "the starting sum of squared gradients");
        Epsilon = OptimizerArguments.Positive(epsilon, nameof(epsilon), "the denominator term ε");
    }

    /// <summary>The learning-rate decay η.</summary>
    public double LrDecay { get; }

    /// <summary>The starting value of the sum of squared gradients.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>The denominator term ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public override string Name => "adagrad";

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>() => new Adagrad<T>(this);

    internal override IReadOnlyList<KeyValuePair<string, double>> Settings =>
    [
        new("learningRate", LearningRate), new("lrDecay", LrDecay), new("weightDecay", WeightDecay),
        new("initialAccumulatorValue", InitialAccumulatorValue), new("epsilon", Epsilon),
    ];
}
