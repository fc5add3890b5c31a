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

    private protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T[][] state, long step)
    {
        RMSpropOptions o = Settings;
        bool momentum = o.Momentum > 0;
        if (typeof(T) == typeof(float))
        {
            Span<float> p = As<float>(parameters);
            ReadOnlySpan<float> g = As<float>(gradients);
            float lr = (float)o.LearningRate, alpha = (float)o.Alpha, rest = (float)(1 - o.Alpha), eps = (float)o.Epsilon, wd = (float)o.WeightDecay, mu = (float)o.Momentum;
            switch (o.Centered, momentum)
            {
                case (false, false): OptimizerKernels.RmspropStep(p, As<float>(state[0]), g, lr, alpha, rest, eps, wd); break;
                case (true, false): OptimizerKernels.RmspropCenteredStep(p, As<float>(state[0]), As<float>(state[1]), g, lr, alpha, rest, eps, wd); break;
                case (false, true): OptimizerKernels.RmspropMomentumStep(p, As<float>(state[0]), As<float>(state[1]), g, lr, alpha, rest, eps, wd, mu); break;
                default: OptimizerKernels.RmspropCenteredMomentumStep(p, As<float>(state[0]), As<float>(state[1]), As<float>(state[2]), g, lr, alpha, rest, eps, wd, mu); break;
            }
        }
        else
        {
            Span<double> p = As<double>(parameters);
            ReadOnlySpan<double> g = As<double>(gradients);
            double lr = o.LearningRate, alpha = o.Alpha, rest = 1 - o.Alpha, eps = o.Epsilon, wd = o.WeightDecay, mu = o.Momentum;
            switch (o.Centered, momentum)
            {
                case (false, false): OptimizerKernels.RmspropStep(p, As<double>(state[0]), g, lr, alpha, rest, eps, wd); break;
                case (true, false): OptimizerKernels.RmspropCenteredStep(p, As<double>(state[0]), As<double>(state[1]), g, lr, alpha, rest, eps, wd); break;
                case (false, true): OptimizerKernels.RmspropMomentumStep(p, As<double>(state[0]), As<double>(state[1]), g, lr, alpha, rest, eps, wd, mu); break;
                default: OptimizerKernels.RmspropCenteredMomentumStep(p, As<double>(state[0]), As<double>(state[1]), As<double>(state[2]), g, lr, alpha, rest, eps, wd, mu); break;
            }
        }
    }
}
