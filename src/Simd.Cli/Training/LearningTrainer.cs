using System;
using System.Numerics;
using System.Threading;
using Simd.Cli.Data;
using Simd.Learning;

namespace Simd.Cli.Training;

/// <summary>The trainer backed by Simd.Learning: feature scaling, batch gradient descent and least squares.</summary>
internal sealed class LearningTrainer : ITrainer
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
            throw LibraryErrors.DataError(e, data);
        }
    }

    private static TrainingResult Descend<T>(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] target = FeatureScaling.Targets<T>(data);
        (FeatureScaler<T>? scaler, ReadOnlyMatrixView<T> scaled) = FeatureScaling.Apply<T>(data, options.Scaling);
        var descent = new GradientDescentOptions
        {
            LearningRate = options.Alpha,
            Iterations = options.Iterations,
            Tolerance = options.Tolerance,
            L2 = options.Lambda,
            Optimizer = options.Optimizer,
            Progress = onUpdate is null ? null : new SynchronousProgress(onUpdate),
        };
        if (options.Model == ModelKind.Softmax)
        {
            return DescendSoftmax(data, scaler, scaled, descent, cancellationToken);
        }

        GradientDescentResult<T> fit = options.Model == ModelKind.Linear
            ? LinearRegression.Fit(scaled, target, descent, cancellationToken)
            : LogisticRegression.Fit(scaled, target, descent, cancellationToken);

        double[] scaledWeights = FeatureScaling.ToDouble(fit.Weights);
        double scaledBias = double.CreateTruncating(fit.Bias);
        (double[] weights, double bias) = FeatureScaling.ToOriginalUnits(scaler, scaledWeights, scaledBias);
        return new TrainingResult(weights, bias, scaledWeights, scaledBias, [.. fit.CostHistory], fit.Iterations);
    }

    /// <summary>Softmax regression on the scaled features; the weights of each class are converted to original units like a linear model's.</summary>
    private static TrainingResult DescendSoftmax<T>(
        DataSet data, FeatureScaler<T>? scaler, ReadOnlyMatrixView<T> scaled, GradientDescentOptions descent, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int[] labels, int classes) = data.ClassLabels();
        SoftmaxRegressionResult<T> fit = SoftmaxRegression.Fit(scaled, labels, classes, descent, cancellationToken);
        var predictions = new int[data.Rows];
        SoftmaxRegression.Predict(scaled, fit.Weights, fit.Bias.Span, predictions);

        int n = data.FeatureCount;
        var scaledWeights = new double[n * classes];
        var weights = new double[n * classes];
        var scaledBias = new double[classes];
        var bias = new double[classes];
        var column = new double[n];
        for (int k = 0; k < classes; k++)
        {
            for (int j = 0; j < n; j++)
            {
                column[j] = double.CreateTruncating(fit.Weights[j, k]);
                scaledWeights[(j * classes) + k] = column[j];
            }

            scaledBias[k] = double.CreateTruncating(fit.Bias.Span[k]);
            (double[] original, double originalBias) = FeatureScaling.ToOriginalUnits(scaler, (double[])column.Clone(), scaledBias[k]);
            for (int j = 0; j < n; j++)
            {
                weights[(j * classes) + k] = original[j];
            }

            bias[k] = originalBias;
        }

        var softmax = new SoftmaxFit(classes, weights, bias, scaledWeights, scaledBias, labels, predictions);
        return new TrainingResult([], 0, [], 0, [.. fit.CostHistory], fit.Iterations, softmax);
    }

    /// <summary>
    /// The closed-form fit (least squares by QR, in double; settings validation restricts it to linear, double, λ = 0).
    /// Reported as one update: the cost history is the cost at w = 0, b = 0, then at the solution.
    /// </summary>
    private static TrainingResult SolveNormalEquation(DataSet data, TrainingOptions options, Action<int, double>? onUpdate)
    {
        (FeatureScaler<double>? scaler, ReadOnlyMatrixView<double> scaled) = FeatureScaling.Apply<double>(data, options.Scaling);
        double start = LinearRegression.Cost(scaled, data.Target, new double[data.FeatureCount], 0.0);
        LeastSquaresSolution solution = LinearRegression.SolveLeastSquares(scaled, data.Target);
        onUpdate?.Invoke(1, solution.Cost);

        double[] scaledWeights = [.. solution.Weights];
        (double[] weights, double bias) = FeatureScaling.ToOriginalUnits(scaler, scaledWeights, solution.Bias);
        return new TrainingResult(weights, bias, scaledWeights, solution.Bias, [start, solution.Cost], 1);
    }
}
