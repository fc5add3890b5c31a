using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// Adam, as PyTorch's <c>torch.optim.Adam</c> (weight decay coupled, added to the gradient). Per step t ≥ 1 and element:
/// <code>
/// g ← g + λθ                         (if λ ≠ 0)
/// m ← β₁m + (1 − β₁)g
/// v ← β₂v + (1 − β₂)g²
/// v_max ← max(v_max, v)              (AMSGrad; the denominator then uses v_max)
/// θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// The bias corrections are computed once per step in double. State: m, v (and v_max with AMSGrad), all starting at 0.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class Adam<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An Adam optimizer with <paramref name="options"/> (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The hyper-parameters.</param>
    public Adam(AdamOptions? options = null)
        : base(options ?? new AdamOptions())
    {
        Settings = (AdamOptions)Options;
    }

    /// <summary>The hyper-parameters.</summary>
    public AdamOptions Settings { get; }

    /// <inheritdoc/>
    public override int BufferCount => Settings.Amsgrad ? 3 : 2;

    internal override OptimizerStepPlan Plan(long step)
    {
        AdamOptions o = Settings;
        return AdamUpdate.Plan(step, o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, 1, o.WeightDecay, o.Amsgrad);
    }
}
