using System;
using System.Threading;
using Simd.Cli.Data;

namespace Simd.Cli.Training;

/// <summary>
/// The one seam between <c>simd train</c> and the learning library: everything else in the command (reading the
/// CSV, options, progress, JSON, the plot, exit codes) is written against this interface.
/// </summary>
internal interface ITrainer
{
    /// <summary>Fits the model in <paramref name="options"/> to <paramref name="data"/>.</summary>
    /// <param name="data">The features and target.</param>
    /// <param name="options">Model, solver, precision and hyper-parameters.</param>
    /// <param name="onUpdate">Called after each update with the update's number (1-based) and the cost after it; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops training between updates.</param>
    /// <returns>The weights and the cost history.</returns>
    /// <exception cref="TrainingDivergedException">The cost became infinite or NaN.</exception>
    /// <exception cref="DataFormatException">The data cannot be used for this model (e.g. a constant column under z-score scaling).</exception>
    TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken);
}
