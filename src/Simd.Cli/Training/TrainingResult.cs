using System.Collections.Generic;

namespace Simd.Cli.Training;

/// <summary>What the learning library returns from one training run, converted to <see langword="double"/>.</summary>
/// <param name="Weights">One weight per feature, for features in their original units.</param>
/// <param name="Bias">The intercept for features in their original units.</param>
/// <param name="ScaledWeights">The weights the optimiser worked with, for scaled features.</param>
/// <param name="ScaledBias">The intercept for scaled features.</param>
/// <param name="CostHistory">The cost before the first update, then after each update: <paramref name="Iterations"/> + 1 values.</param>
/// <param name="Iterations">The number of updates applied.</param>
/// <param name="Softmax">For softmax regression, the per-class weights and biases and the predictions (then
/// <paramref name="Weights"/> and <paramref name="ScaledWeights"/> are empty and the biases 0); <see langword="null"/> otherwise.</param>
internal sealed record TrainingResult(
    IReadOnlyList<double> Weights,
    double Bias,
    IReadOnlyList<double> ScaledWeights,
    double ScaledBias,
    IReadOnlyList<double> CostHistory,
    int Iterations,
    SoftmaxFit? Softmax = null);
