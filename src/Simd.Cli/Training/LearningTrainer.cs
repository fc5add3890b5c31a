using System;
using System.Numerics;
using System.Text.RegularExpressions;
using System.Threading;
using Simd.Cli.Data;
using Simd.Learning;

namespace Simd.Cli.Training;

/// <summary>The trainer backed by Simd.Learning: feature scaling, batch gradient descent and least squares.</summary>
internal sealed partial class LearningTrainer : ITrainer
{
    /// <inheritdoc/>
    public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
    {
        try
        {
            if (options.Solver == SolverKind.NormalEquation)
            {
                return SolveNormalEquation(data, options, onUpdate);
            }

            return options.Precision == Precision.Float
                ? Descend<float>(data, options, onUpdate, cancellationToken)
                : Descend<double>(data, options, onUpdate, cancellationToken);
        }
        catch (GradientDescentDivergedException e)
        {
            throw new TrainingDivergedException(e.Message, e);
        }
        catch (ArgumentException e)
        {
            // The library names columns by index; the person knows them by header name.
            string message = ColumnIndex().Replace(
                e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal),
                match => int.TryParse(match.Groups[1].Value, out int j) && j < data.FeatureCount ? $"column '{data.FeatureNames[j]}'" : match.Value);
            throw new DataFormatException(data.Source, message);
        }
    }

    private static TrainingResult Descend<T>(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] target = Array.ConvertAll(data.Target, T.CreateTruncating);
        (FeatureScaler<T>? scaler, ReadOnlyMatrixView<T> scaled) = Scale<T>(data, options.Scaling);
        var descent = new GradientDescentOptions
        {
            LearningRate = options.Alpha,
            Iterations = options.Iterations,
            Tolerance = options.Tolerance,
            L2 = options.Lambda,
            Progress = onUpdate is null ? null : new SynchronousProgress(onUpdate),
        };
        GradientDescentResult<T> fit = options.Model == ModelKind.Linear
            ? LinearRegression.Fit(scaled, target, descent, cancellationToken)
            : LogisticRegression.Fit(scaled, target, descent, cancellationToken);

        var scaledWeights = new double[data.FeatureCount];
        for (int j = 0; j < scaledWeights.Length; j++)
        {
            scaledWeights[j] = double.CreateTruncating(fit.Weights[j]);
        }

        double scaledBias = double.CreateTruncating(fit.Bias);
        (double[] weights, double bias) = scaler is null ? (scaledWeights, scaledBias) : scaler.ToOriginalUnits(fit);
        return new TrainingResult(weights, bias, scaledWeights, scaledBias, [.. fit.CostHistory], fit.Iterations);
    }

    /// <summary>
    /// The closed-form fit (least squares by QR, in double; settings validation restricts it to linear, double, λ = 0).
    /// Reported as one update: the cost history is the cost at w = 0, b = 0, then at the solution.
    /// </summary>
    private static TrainingResult SolveNormalEquation(DataSet data, TrainingOptions options, Action<int, double>? onUpdate)
    {
        (FeatureScaler<double>? scaler, ReadOnlyMatrixView<double> scaled) = Scale<double>(data, options.Scaling);
        double start = LinearRegression.Cost(scaled, data.Target, new double[data.FeatureCount], 0.0);
        LeastSquaresSolution solution = LinearRegression.SolveLeastSquares(scaled, data.Target);
        onUpdate?.Invoke(1, solution.Cost);

        double[] scaledWeights = [.. solution.Weights];
        (double[] weights, double bias) = scaler is null ? (scaledWeights, solution.Bias) : scaler.ToOriginalUnits(scaledWeights, solution.Bias);
        return new TrainingResult(weights, bias, scaledWeights, solution.Bias, [start, solution.Cost], 1);
    }

    private static (FeatureScaler<T>? Scaler, ReadOnlyMatrixView<T> Scaled) Scale<T>(DataSet data, ScalingKind scaling)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new ReadOnlyMatrixView<T>(Array.ConvertAll(data.Features, T.CreateTruncating), data.Rows, data.FeatureCount);
        FeatureScaler<T>? scaler = scaling switch
        {
            ScalingKind.ZScore => FeatureScaler.Fit(x, ScalingMethod.ZScore),
            ScalingKind.MinMax => FeatureScaler.Fit(x, ScalingMethod.MinMax),
            ScalingKind.MeanNorm => FeatureScaler.Fit(x, ScalingMethod.MeanNormalization),
            _ => null,
        };
        return scaler is null ? (null, x) : (scaler, new ReadOnlyMatrixView<T>(scaler.Transform(x), data.Rows, data.FeatureCount));
    }

    [GeneratedRegex(@"column (\d+) of 'x'")]
    private static partial Regex ColumnIndex();
}
