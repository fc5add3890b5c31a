using System;
using Simd.Optimization;

namespace Simd.Learning;

/// <summary>
/// The settings of batch gradient descent: w ← w − α·∂J/∂w, b ← b − α·∂J/∂b, both computed from the same
/// (w, b) (simultaneous update), for at most <see cref="Iterations"/> updates.
/// </summary>
public sealed class GradientDescentOptions
{
    /// <summary>The learning rate α &gt; 0 of plain gradient descent. Default 0.01. Not used when <see cref="Optimizer"/> is set (the optimizer's own learning rate applies).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>
    /// The largest number of updates, 0 to <see cref="Array.MaxLength"/> − 1 (the cost history keeps one value per
    /// update, allocated as the updates run). Default 1000.
    /// </summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>
    /// Stop early once an update changes the cost by at most this much: |J(before) − J(after)| ≤ Tolerance.
    /// 0 (the default) disables early stopping, so exactly <see cref="Iterations"/> updates run.
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>
    /// The L2 regularisation strength λ ≥ 0: the cost gains (λ/(2m))·‖w‖² and ∂J/∂w gains (λ/m)·w; the bias is
    /// not regularised. Default 0.
    /// </summary>
    public double L2 { get; init; }

    /// <summary>
    /// The most threads one gradient evaluation may use; −1 (the default) means all cores. Inputs with
    /// m·n below 2¹⁸ elements always run on one thread. Results are bit-identical for every value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The update rule: <see langword="null"/> (the default) for plain gradient descent, w ← w − α·∂J/∂w, exactly as
    /// without this option; or the options of an optimizer of <see cref="Simd.Optimization"/> (SGD with momentum, Adam,
    /// AdamW, RMSprop, Adagrad), which then updates w and b as two parameter groups from the same full-batch gradient,
    /// with a fresh state for each fit. Its weight decay applies to b as well; <see cref="L2"/> stays in the cost.
    /// </summary>
    public OptimizerOptions? Optimizer { get; init; }

    /// <summary>The learning rate the updates use: the optimizer's when one is set, else <see cref="LearningRate"/>.</summary>
    internal double EffectiveLearningRate => Optimizer?.LearningRate ?? LearningRate;

    /// <summary>Receives the cost before the first update (iteration 0) and after each update; <see langword="null"/> for none.</summary>
    public IProgress<GradientDescentProgress>? Progress { get; init; }

    internal void Validate()
    {
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"The learning rate must be finite and > 0; it is {LearningRate}.");
        }

        if (Iterations < 0 || Iterations >= Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Iterations), Iterations, $"The number of iterations must be in [0, {Array.MaxLength - 1}] (the cost history keeps one value per update); it is {Iterations}.");
        }

        if (!double.IsFinite(Tolerance) || Tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"The tolerance must be finite and ≥ 0; it is {Tolerance}.");
        }

        if (!double.IsFinite(L2) || L2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L2), L2, $"The L2 strength λ must be finite and ≥ 0; it is {L2}.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "The thread limit must be −1 (all cores) or ≥ 1.");
        }
    }
}
