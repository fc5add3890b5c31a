using System.Collections.Generic;

namespace Simd.Cli.Training;

/// <summary>Everything <c>simd train</c> reports about one run: the request, the data and the result.</summary>
/// <param name="Options">The validated options.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="DataSource">Where the data came from.</param>
/// <param name="Rows">The number of examples.</param>
/// <param name="FeatureNames">The feature columns, in order.</param>
/// <param name="TargetName">The target column.</param>
/// <param name="Result">The trained model and its cost history.</param>
/// <param name="Seconds">Wall-clock seconds spent training (not reading the data).</param>
/// <param name="Accuracy">For logistic regression, the fraction of training rows classified correctly at threshold 0.5; for softmax regression, at the most probable class.</param>
/// <param name="SimdPath">The vector path the kernels took.</param>
/// <param name="Confusion">For softmax regression, the confusion matrix of the training rows; <see langword="null"/> otherwise.</param>
internal sealed record TrainingReport(
    TrainingOptions Options,
    string Device,
    string DataSource,
    int Rows,
    IReadOnlyList<string> FeatureNames,
    string TargetName,
    TrainingResult Result,
    double Seconds,
    double? Accuracy,
    string SimdPath,
    ConfusionMatrix? Confusion = null)
{
    /// <summary>The final cost.</summary>
    public double Cost => Result.CostHistory[^1];
}
