using System.Collections.Generic;

namespace Simd.Cli.Training;

/// <summary>What a softmax-regression run adds to <see cref="TrainingResult"/>: one weight column and one bias per class, and the predictions.</summary>
/// <param name="Classes">K, the largest label + 1.</param>
/// <param name="Weights">W for features in their original units, n×K row-major: element [j·K + k] is feature j's weight for class k.</param>
/// <param name="Bias">b for original units, one per class.</param>
/// <param name="ScaledWeights">W as the optimiser found it, for scaled features, n×K row-major.</param>
/// <param name="ScaledBias">b for scaled features.</param>
/// <param name="Labels">The true class of every training row.</param>
/// <param name="Predictions">The predicted class of every training row (the largest logit, the lowest class on ties).</param>
internal sealed record SoftmaxFit(
    int Classes,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> Bias,
    IReadOnlyList<double> ScaledWeights,
    IReadOnlyList<double> ScaledBias,
    IReadOnlyList<int> Labels,
    IReadOnlyList<int> Predictions);
