using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// Adagrad, as PyTorch's <c>torch.optim.Adagrad</c>. Per step t ≥ 1 and element:
/// <code>
/// clr ← γ / (1 + (t − 1)η)            (once per step, in double)
/// g ← g + λθ                          (if λ ≠ 0)
/// s ← s + g²
/// θ ← θ − clr · g / (√s + ε)
/// </code>
/// State: the sum of squared gradients s, starting at the initial accumulator value.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class Adagrad<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An Adagrad optimizer with <paramref name="options"/> (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The hyper-parameters.</param>
    public Adagrad(AdagradOptions? options = null)
        : base(options ?? new AdagradOptions())
    {
        Settings = (AdagradOptions)Options;
    }

    /// <summary>The hyper-parameters.</summary>
    public AdagradOptions Settings { get; }

    /// <inheritdoc/>
    public override int BufferCount => 1;

    internal override T InitialValue(int buffer) => T.CreateTruncating(Settings.InitialAccumulatorValue);

    internal override OptimizerStepPlan Plan(long step)
    {
        AdagradOptions o = Settings;
        double clr = o.LearningRate / (1 + ((step - 1) * o.LrDecay));
        return new(OptimizerKernel.Adagrad, [clr, o.Epsilon, o.WeightDecay]);
    }
}
