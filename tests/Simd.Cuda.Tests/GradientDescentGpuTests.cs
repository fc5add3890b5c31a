using System;
using System.Linq;
using Simd.Cuda.Learning;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>The device trainer against the double-precision host reference, with a tolerance derived from the data.</summary>
public sealed class GradientDescentGpuTests : GpuTest
{
    [SkippableTheory]
    [InlineData(RegressionKind.Linear, 5, false)]
    [InlineData(RegressionKind.Linear, 40, false)]
    [InlineData(RegressionKind.Logistic, 7, false)]
    [InlineData(RegressionKind.Linear, 5, true)]
    [InlineData(RegressionKind.Logistic, 33, true)]
    public void Device_training_matches_the_reference(RegressionKind kind, int columns, bool isDouble)
    {
        CudaDevice device = Device;
        const int rows = 3001, iterations = 25;
        const double lambda = 0.5;
        (double[] x, double[] y) = Problem(rows, columns, kind);
        if (!isDouble)
        {
            // The reference runs on exactly the data the device sees: the float-rounded values, held in double.
            x = x.Select(v => (double)(float)v).ToArray();
            y = y.Select(v => (double)(float)v).ToArray();
        }

        // α = 1/L with L ≥ the gradient's Lipschitz constant: L ≤ trace(XᵀX/m) + 1 (bias) + λ/m for linear
        // regression, a quarter of that for logistic (σ' ≤ 1/4). With α ≤ 1/L one step is non-expansive,
        // so rounding errors made in earlier steps are not amplified later (see the bound below).
        double trace = x.Sum(v => v * v) / rows;
        double lipschitz = (trace + 1 + (lambda / rows)) * (kind == RegressionKind.Logistic ? 0.25 : 1);
        double rate = 1 / lipschitz;
        if (!isDouble)
        {
            rate = (float)rate; // the device run gets the float α; λ = 0.5 is exact in float
        }
        var reference = GradientDescentReference.Train(x, rows, columns, y, kind, rate, iterations, lambda);

        double[] weights, costs;
        double bias;
        uint warps;
        double epsilon;
        if (isDouble)
        {
            using var trainer = new CudaRegressionTrainer<double>(new ReadOnlyMatrixView<double>(x, rows, columns), y, kind, device);
            CudaTrainingResult<double> result = trainer.Train(rate, iterations, lambda);
            (weights, bias, costs, warps, epsilon) = ([.. result.Weights], result.Bias, [.. result.CostHistory], trainer.Warps, Math.Pow(2, -53));
        }
        else
        {
            float[] xf = x.Select(v => (float)v).ToArray();
            float[] yf = y.Select(v => (float)v).ToArray();
            using var trainer = new CudaRegressionTrainer<float>(new ReadOnlyMatrixView<float>(xf, rows, columns), yf, kind, device);
            CudaTrainingResult<float> result = trainer.Train((float)rate, iterations, (float)lambda);
            (weights, bias, costs, warps, epsilon) = (result.Weights.Select(v => (double)v).ToArray(), result.Bias, result.CostHistory.Select(v => (double)v).ToArray(), trainer.Warps, Math.Pow(2, -24));

        }

        // The bound's derivation is written next to it, in GradientDescentReference.ErrorBounds.
        double largestWeight = Math.Max(reference.Weights.Select(Math.Abs).Max(), Math.Abs(reference.Bias));
        (double weightBound, double[] costBounds) = GradientDescentReference.ErrorBounds(
            reference.Costs, reference.GradientScale, largestWeight, rows, columns, warps, rate, epsilon);

        for (int j = 0; j < columns; j++)
        {
            Assert.InRange(weights[j], reference.Weights[j] - weightBound, reference.Weights[j] + weightBound);
        }

        Assert.InRange(bias, reference.Bias - weightBound, reference.Bias + weightBound);
        for (int t = 0; t < iterations; t++)
        {
            Assert.InRange(costs[t], reference.Costs[t] - costBounds[t], reference.Costs[t] + costBounds[t]);
        }
    }

    [SkippableFact]
    public void Initial_weights_must_match_the_columns_and_are_where_training_starts()
    {
        CudaDevice device = Device;
        double[] x = [1, 0, 0, 1, 1, 1];
        using var trainer = new CudaRegressionTrainer<double>(new ReadOnlyMatrixView<double>(x, 3, 2), [1, 2, 3], RegressionKind.Linear, device);

        Assert.Equal(
            "The initial weights have 3 elements but X has 2 columns. (Parameter 'initialWeights')",
            Assert.Throws<ArgumentException>(() => trainer.Train(0.1, 1, 0, [1, 2, 3])).Message);

        // Zero steps return the starting point; the exact fit y = x0 + 2·x1 + 0 has zero cost and stays put.
        CudaTrainingResult<double> none = trainer.Train(0.1, 0, 0, [5, 6], 7);
        Assert.Equal([5.0, 6.0], none.Weights);
        Assert.Equal(7.0, none.Bias);
        Assert.Empty(none.CostHistory);
        CudaTrainingResult<double> exact = trainer.Train(0.1, 3, 0, [1, 2], 0);
        Assert.Equal([1.0, 2.0], exact.Weights);
        Assert.Equal([0.0, 0.0, 0.0], exact.CostHistory);
    }

    private static (double[] X, double[] Y) Problem(int rows, int columns, RegressionKind kind)
    {
        var random = new Random(columns * 31 + (int)kind);
        double[] truth = Enumerable.Range(0, columns).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        double[] x = new double[rows * columns];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double z = 0.25;
            for (int j = 0; j < columns; j++)
            {
                double v = (random.NextDouble() * 2) - 1;
                x[(r * columns) + j] = v;
                z += truth[j] * v;
            }

            y[r] = kind == RegressionKind.Logistic ? (random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0) : z + (0.1 * (random.NextDouble() - 0.5));
        }

        return (x, y);
    }
}
