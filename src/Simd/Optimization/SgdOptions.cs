using System;
using System.Collections.Generic;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>The hyper-parameters of <see cref="Sgd{T}"/>, named and defaulted as PyTorch's <c>torch.optim.SGD</c>.</summary>
public sealed class SgdOptions : OptimizerOptions
{
    /// <summary>Validates and keeps the hyper-parameters.</summary>
    /// <param name="learningRate">γ ≥ 0. Default 0.001.</param>
    /// <param name="momentum">μ ≥ 0; 0 (the default) keeps no momentum buffer.</param>
    /// <param name="dampening">τ, finite: the new gradient enters the buffer with weight 1 − τ after the first step. Default 0.</param>
    /// <param name="weightDecay">λ ≥ 0, added to the gradient as λθ. Default 0.</param>
    /// <param name="nesterov">Nesterov momentum; needs μ &gt; 0 and τ = 0. Default false.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the exception names it).</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> without momentum or with dampening.</exception>
    public SgdOptions(double learningRate = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(learningRate, weightDecay)
    {
        Momentum = OptimizerArguments.NonNegative(momentum, nameof(momentum), "the momentum μ");
        Dampening = OptimizerArguments.Finite(dampening, nameof(dampening), "the dampening τ");
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException(
                $"'{nameof(nesterov)}' Nesterov momentum requires a momentum > 0 and zero dampening; momentum is {momentum} and dampening {dampening}.", nameof(nesterov));
        }

        Nesterov = nesterov;
    }

    /// <summary>The momentum μ.</summary>
    public double Momentum { get; }

    /// <summary>The dampening τ.</summary>
    public double Dampening { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    public override string Name => "sgd";

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>() => new Sgd<T>(this);

    internal override IReadOnlyList<KeyValuePair<string, double>> Settings =>
    [
        new("learningRate", LearningRate), new("momentum", Momentum), new("dampening", Dampening),
        new("weightDecay", WeightDecay), new("nesterov", Nesterov ? 1 : 0),
    ];
}
