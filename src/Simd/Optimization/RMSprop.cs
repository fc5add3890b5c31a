using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// RMSprop, as PyTorch's <c>torch.optim.RMSprop</c>. Per step and element:
/// <code>
/// g ← g + λθ                          (if λ ≠ 0)
/// v ← αv + (1 − α)g²
/// ḡ ← αḡ + (1 − α)g;  d ← √(v − ḡ²) + ε     (centered)
/// d ← √v + ε                          (otherwise)
/// b ← μb + g / d;  θ ← θ − γb        (μ &gt; 0)
/// θ ← θ − γ·g / d                     (μ = 0)
/// </code>
/// State, in this order: v; then ḡ when centered; then b when μ &gt; 0. All start at 0.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class RMSprop<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An RMSprop optimizer with <paramref name="options"/> (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The hyper-parameters.</param>
    public RMSprop(RMSpropOptions? options = null)
        : base(options ?? new RMSpropOptions())
    {
        Settings = (RMSpropOptions)Options;
    }

    /// <summary>The hyper-parameters.</summary>
    public RMSpropOptions Settings { get; }

    /// <inheritdoc/>
    public override int BufferCount => 1 + (Settings.Centered ? 1 : 0) + (Settings.Momentum > 0 ? 1 : 0);

    internal override OptimizerStepPlan Plan(long step)
    {
        RMSpropOptions o = Settings;
        double[] common = [o.LearningRate, o.Alpha, 1 - o.Alpha, o.Epsilon, o.WeightDecay];
        return (o.Centered, o.Momentum > 0) switch
        {
            (false, false) => new(OptimizerKernel.Rmsprop, common),
            (true, false) => new(OptimizerKernel.RmspropCentered, common),
            (false, true) => new(OptimizerKernel.RmspropMomentum, [.. common, o.Momentum]),
            _ => new(OptimizerKernel.RmspropCenteredMomentum, [.. common, o.Momentum]),
        };
    }
}
