using System;
using System.Linq;
using Simd.Cuda.Learning;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>The device trainer against the double-precision host reference, with a tolerance derived from the data.</summary>
public sealed class GradientDescentGpuTests
{
    [SkippableTheory]
    [InlineData(RegressionKind.Linear, 5, false)]
    [InlineData(RegressionKind.Linear, 40, false)]
    [InlineData(RegressionKind.Logistic, 7, false)]
    [InlineData(RegressionKind.Linear, 5, true)]
    [InlineData(RegressionKind.Logistic, 33, true)]
    public void Device_training_matches_the_reference(RegressionKind kind, int columns, bool isDouble)
    {
        CudaDevice device = Gpu.Require();
        const int rows = 3001, iterations = 25;
        const double lambda = 0.5;
        (double[] x, double[] y) = Problem(rows, columns, kind);

        // α = 1/L with L ≥ the gradient's Lipschitz constant: L ≤ trace(XᵀX/m) + 1 (bias) + λ/m for linear
        // regression, a quarter of that for logistic (σ' ≤ 1/4). With α ≤ 1/L one step is non-expansive,
        // so rounding errors made in earlier steps are not amplified later (see the bound below).
        double trace = x.Sum(v => v * v) / rows;
        double lipschitz = (trace + 1 + (lambda / rows)) * (kind == RegressionKind.Logistic ? 0.25 : 1);
        double rate = 1 / lipschitz;
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

            // The float data is the double data rounded: the reference on that rounding (x(1+δ), |δ| ≤ ε)
            // differs by at most ε-relative perturbations of each gradient term, covered by the "+ n + 10"
            // slack below; so the same bound applies.
        }

        // Per step, each gradient component is a sum of m terms error·x_j accumulated along at most
        // k = ceil(m / warps) (one warp's rows) + 5 (warp tree) + 5 (block tree) + ceil(warps / 256) + 5 (combine)
        // additions, and each term carries the dot product's error (n + 5 roundings) and the error's
        // (≤ 4 more for σ via exp): |δg_j| ≤ (k + n + 15)·ε·S, S = max_j Σ|error·x_j| / m (from the reference).
        // A non-expansive step adds α‖δg‖₂ ≤ α·√(n+1)·max|δg_j| to the weight error, plus the rounding of the
        // update itself, ε·(|w| + α|g|) ≤ 2ε·max|w|. Summed over the steps:
        long k = ((rows + warps - 1) / warps) + 5 + 5 + ((warps + 255) / 256) + 5;
        double scale = reference.GradientScale.Max();
        double largestWeight = Math.Max(reference.Weights.Select(Math.Abs).Max(), Math.Abs(reference.Bias));
        double weightBound = iterations * epsilon * ((rate * Math.Sqrt(columns + 1) * (k + columns + 15) * scale) + (2 * largestWeight));

        for (int j = 0; j < columns; j++)
        {
            Assert.InRange(weights[j], reference.Weights[j] - weightBound, reference.Weights[j] + weightBound);
        }

        Assert.InRange(bias, reference.Bias - weightBound, reference.Bias + weightBound);

        // The cost is a sum of m losses along the same k additions (relative error (k + n + 15)ε), evaluated at
        // weights off by at most weightBound in each of n + 1 components, where its gradient is at most √(n+1)·S.
        for (int t = 0; t < iterations; t++)
        {
            double costBound = ((k + columns + 15) * epsilon * reference.Costs[t]) + ((columns + 1) * scale * weightBound);
            Assert.InRange(costs[t], reference.Costs[t] - costBound, reference.Costs[t] + costBound);
        }
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
