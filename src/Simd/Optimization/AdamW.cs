using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// AdamW, as PyTorch's <c>torch.optim.AdamW</c>: Adam with decoupled weight decay. Per step t ≥ 1 and element:
/// <code>
/// θ ← θ(1 − γλ)
/// m ← β₁m + (1 − β₁)g
/// v ← β₂v + (1 − β₂)g²
/// v_max ← max(v_max, v)              (AMSGrad; the denominator then uses v_max)
/// θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// State: m, v (and v_max with AMSGrad), all starting at 0.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class AdamW<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An AdamW optimizer with <paramref name="options"/> (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The hyper-parameters.</param>
    public AdamW(AdamWOptions? options = null)
        : base(options ?? new AdamWOptions())
    {
        Settings = (AdamWOptions)Options;
    }

    /// <summary>The hyper-parameters.</summary>
    public AdamWOptions Settings { get; }

    /// <inheritdoc/>
    public override int BufferCount => Settings.Amsgrad ? 3 : 2;

    internal override OptimizerStepPlan Plan(long step)
    {
        AdamWOptions o = Settings;
        return AdamUpdate.Plan(step, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, 1 - (o.LearningRate * o.WeightDecay), 0, o.Amsgrad);
    }
}
