using System.Collections.Generic;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// The hyper-parameters of one optimizer, validated on construction and independent of the element type: the same
/// options create an optimizer for <see langword="float"/> or for <see langword="double"/> (<see cref="Create{T}"/>).
/// Parameter names and defaults are those of PyTorch's <c>torch.optim</c>.
/// </summary>
public abstract class OptimizerOptions
{
    private protected OptimizerOptions(double learningRate, double weightDecay)
    {
        LearningRate = OptimizerArguments.NonNegative(learningRate, nameof(learningRate), "the learning rate γ");
        WeightDecay = OptimizerArguments.NonNegative(weightDecay, nameof(weightDecay), "the weight decay λ");
    }

    /// <summary>The learning rate γ ≥ 0.</summary>
    public double LearningRate { get; }

    /// <summary>The weight decay λ ≥ 0 (L2 added to the gradient, or decoupled for AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>The optimizer's short name: <c>sgd</c>, <c>adam</c>, <c>adamw</c>, <c>rmsprop</c> or <c>adagrad</c>.</summary>
    public abstract string Name { get; }

    /// <summary>A new optimizer with these options and no state yet.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <returns>The optimizer.</returns>
    public abstract Optimizer<T> Create<T>()
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Every hyper-parameter by its PyTorch-style name, for reports (booleans as 0 or 1).</summary>
    internal abstract IReadOnlyList<KeyValuePair<string, double>> Settings { get; }
}
