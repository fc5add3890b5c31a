using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight decay, as
/// PyTorch's <c>torch.optim.SGD</c>. Per step t and element:
/// <code>
/// g ← g + λθ                          (if λ ≠ 0)
/// if μ ≠ 0:
///     b ← g                  (t = 1)
///     b ← μb + (1 − τ)g      (t &gt; 1)
///     g ← g + μb  (Nesterov)   or   g ← b
/// θ ← θ − γg
/// </code>
/// State: one buffer b (the momentum buffer) when μ ≠ 0, none otherwise.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class Sgd<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An SGD optimizer with <paramref name="options"/> (the defaults when <see langword="null"/>).</summary>
    /// <param name="options">The hyper-parameters.</param>
    public Sgd(SgdOptions? options = null)
        : base(options ?? new SgdOptions())
    {
        Settings = (SgdOptions)Options;
    }

    /// <summary>The hyper-parameters.</summary>
    public SgdOptions Settings { get; }

    /// <inheritdoc/>
    public override int BufferCount => Settings.Momentum != 0 ? 1 : 0;

    internal override OptimizerStepPlan Plan(long step)
    {
        SgdOptions o = Settings;
        if (o.Momentum == 0)
        {
            return new(OptimizerKernel.Sgd, [o.LearningRate, o.WeightDecay]);
        }

        double keep = step == 1 ? 0 : o.Momentum;
        double scale = step == 1 ? 1 : 1 - o.Dampening;
        double nesterov = o.Nesterov ? 1 : 0;
        return new(OptimizerKernel.SgdMomentum, [o.LearningRate, o.WeightDecay, keep, scale, o.Momentum, nesterov]);
    }
}
