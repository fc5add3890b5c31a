using System;
using System.Linq;
using Simd;
using Simd.Cuda;
using Simd.Cuda.Learning;

namespace Simd.GpuCheck;

/// <summary>
/// The device trainer against the double-precision host reference of the same algorithm, within the
/// derived bound of <c>GradientDescentReference.ErrorBounds</c>. (The CPU trainer of Simd.Learning will
/// be compared here too once the device trainer is wired to its options.)
/// </summary>
internal static class TrainerChecks
{
    /// <summary>Runs linear and logistic regression in float and double.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section("Gradient descent: device vs CPU reference");
        foreach (RegressionKind kind in new[] { RegressionKind.Linear, RegressionKind.Logistic })
        {
            foreach ((int rows, int columns) in new[] { (20_000, 8), (5_003, 70) })
            {
                Check(device, report, kind, rows, columns, isDouble: false);
                Check(device, report, kind, rows, columns, isDouble: true);
            }
        }
    }

    private static void Check(CudaDevice device, Report report, RegressionKind kind, int rows, int columns, bool isDouble)
    {
        const int iterations = 30;
        const double lambda = 0.5;
        (double[] x, double[] y) = Problem(rows, columns, kind);
        if (!isDouble)
        {
            x = x.Select(v => (double)(float)v).ToArray();
            y = y.Select(v => (double)(float)v).ToArray();
        }

        // α = 1/L, L ≥ the gradient's Lipschitz constant (trace bound), makes each step non-expansive.
        double trace = x.Sum(v => v * v) / rows;
        double rate = 1 / ((trace + 1 + (lambda / rows)) * (kind == RegressionKind.Logistic ? 0.25 : 1));
        if (!isDouble)
        {
            rate = (float)rate;
        }

        var reference = GradientDescentReference.Train(x, rows, columns, y, kind, rate, iterations, isDouble ? lambda : (float)lambda);
        double[] weights, costs;
        double bias, epsilon;
        uint warps;
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

        double largestWeight = Math.Max(reference.Weights.Select(Math.Abs).Max(), Math.Abs(reference.Bias));
        (double weightBound, double[] costBounds) = GradientDescentReference.ErrorBounds(reference.Costs, reference.GradientScale, largestWeight, rows, columns, warps, rate, epsilon);
        double weightError = Math.Abs(bias - reference.Bias);
        for (int j = 0; j < columns; j++)
        {
            weightError = Math.Max(weightError, Math.Abs(weights[j] - reference.Weights[j]));
        }

        bool costsOk = true;
        double worstCostRatio = 0;
        for (int t = 0; t < iterations; t++)
        {
            double error = Math.Abs(costs[t] - reference.Costs[t]);
            costsOk &= error <= costBounds[t];
            worstCostRatio = Math.Max(worstCostRatio, error / costBounds[t]);
        }

        string what = $"{kind} {(isDouble ? "double" : "float")} {rows}×{columns}, {iterations} steps";
        report.Check(weightError <= weightBound, $"weights {what}", $"max error {Report.Format(weightError)} ≤ bound {Report.Format(weightBound)}");
        report.Check(costsOk, $"costs {what}", $"final cost device {Report.Format(costs[^1])}, CPU {Report.Format(reference.Costs[^1])}; worst error/bound {Report.Format(worstCostRatio)}");
    }

    private static (double[] X, double[] Y) Problem(int rows, int columns, RegressionKind kind)
    {
        var random = new Random((columns * 31) + (int)kind);
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
