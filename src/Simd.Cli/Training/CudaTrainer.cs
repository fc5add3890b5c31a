using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Threading;
using Simd.Cli.Data;
using Simd.Cuda;
using Simd.Cuda.Learning;
using Simd.Learning;

namespace Simd.Cli.Training;

/// <summary>
/// Gradient descent on the GPU (Simd.Cuda's <see cref="CudaRegressionTrainer{T}"/>): the features are scaled on the
/// CPU, uploaded once, and the updates run on the device in chunks so progress can be shown between them.
/// Settings validation restricts it to <c>--solver gd</c> without <c>--tolerance</c> (the device runs every update).
/// </summary>
internal sealed class CudaTrainer : ITrainer
{
    // About a hundred chunks: enough for a smooth progress bar, few enough that the per-chunk upload and
    // synchronisation stay small next to the updates themselves.
    private const int Chunks = 100;

    /// <inheritdoc/>
    public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
    {
        if (!CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason))
        {
            throw new UsageException($"--device cuda: {reason}");
        }

        try
        {
            return options.Precision == Precision.Float
                ? Descend<float>(device, data, options, onUpdate, cancellationToken)
                : Descend<double>(device, data, options, onUpdate, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw LibraryErrors.DataError(e, data);
        }
    }

    private static TrainingResult Descend<T>(CudaDevice device, DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] target = FeatureScaling.Targets<T>(data);
        (FeatureScaler<T>? scaler, ReadOnlyMatrixView<T> scaled) = FeatureScaling.Apply<T>(data, options.Scaling);
        RegressionKind kind = options.Model == ModelKind.Linear ? RegressionKind.Linear : RegressionKind.Logistic;
        using var trainer = new CudaRegressionTrainer<T>(scaled, target, kind, device);

        T alpha = T.CreateTruncating(options.Alpha);
        T lambda = T.CreateTruncating(options.Lambda);
        var history = new List<double>(Math.Min(options.Iterations + 1, 1024));
        T[] weights = new T[data.FeatureCount];
        T bias = T.Zero;
        int chunk = onUpdate is null ? options.Iterations : Math.Max(1, options.Iterations / Chunks);
        for (int done = 0; done < options.Iterations;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int steps = Math.Min(chunk, options.Iterations - done);
            CudaTrainingResult<T> part = trainer.Train(alpha, steps, lambda, weights, bias);

            // The device reports the cost each update started from: entry k is the cost after k updates.
            foreach (T cost in part.CostHistory)
            {
                history.Add(double.CreateTruncating(cost));
                onUpdate?.Invoke(history.Count - 1, history[^1]);
            }

            weights = [.. part.Weights];
            bias = part.Bias;
            done += steps;
            ThrowIfDiverged(history, options.Alpha, typeof(T) == typeof(float));
        }

        // The cost after the last update is not part of the device's history: evaluate it here, on the CPU.
        T final = kind == RegressionKind.Linear
            ? LinearRegression.Cost(scaled, target, weights, bias, lambda)
            : LogisticRegression.Cost(scaled, target, weights, bias, lambda);
        history.Add(double.CreateTruncating(final));
        onUpdate?.Invoke(history.Count - 1, history[^1]);
        ThrowIfDiverged(history, options.Alpha, typeof(T) == typeof(float));

        double[] scaledWeights = FeatureScaling.ToDouble(weights);
        double scaledBias = double.CreateTruncating(bias);
        (double[] originalWeights, double originalBias) = FeatureScaling.ToOriginalUnits(scaler, scaledWeights, scaledBias);
        return new TrainingResult(originalWeights, originalBias, scaledWeights, scaledBias, history, history.Count - 1);
    }

    /// <summary>
    /// The CPU trainer's rule: an update that makes the cost NaN/∞ or raises it by more than √ε·|J| (above the
    /// rounding noise of evaluating J) means the learning rate is too large.
    /// </summary>
    private static void ThrowIfDiverged(List<double> history, double alpha, bool single)
    {
        double noise = Math.Sqrt(single ? Math.Pow(2, -23) : Math.Pow(2, -52));
        for (int k = 0; k < history.Count; k++)
        {
            double previous = k == 0 ? history[0] : history[k - 1];
            if (!double.IsFinite(history[k]) || history[k] - previous > noise * Math.Abs(previous))
            {
                CultureInfo c = CultureInfo.InvariantCulture;
                throw new TrainingDivergedException(string.Format(
                    c,
                    "Gradient descent diverged at iteration {0}: the cost went from {1:G6} to {2:G6}. The learning rate α = {3:G6} is too large; try a smaller one, e.g. α = {4:G6} (scaling the features also helps).",
                    k,
                    previous,
                    history[k],
                    alpha,
                    alpha / 10));
            }
        }
    }
}
