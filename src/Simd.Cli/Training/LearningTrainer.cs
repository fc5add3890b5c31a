using System;
using System.Threading;
using Simd.Cli.Data;

namespace Simd.Cli.Training;

/// <summary>The trainer backed by the learning library (Simd.Learning).</summary>
internal sealed class LearningTrainer : ITrainer
{
    /// <inheritdoc/>
    public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken) =>
        throw new UsageException("training is not available in this build: the learning library is missing");
}
