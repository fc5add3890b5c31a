using System;
using Simd.Cuda.Learning;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The host reference the GPU trainer is compared with must itself be right: on a well-conditioned
/// problem it converges to the least-squares solution, and its first cost is the cost of zero weights.
/// </summary>
public sealed class GradientDescentReferenceTests
{
    [Fact]
    public void Linear_regression_converges_to_the_exact_fit()
    {
        // y = 2·x0 − 3·x1 + 0.5 exactly, on 200 points with independent features in [−1, 1].
        var random = new Random(7);
        const int rows = 200;
        double[] x = new double[rows * 2];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            x[2 * r] = (random.NextDouble() * 2) - 1;
            x[(2 * r) + 1] = (random.NextDouble() * 2) - 1;
            y[r] = (2 * x[2 * r]) - (3 * x[(2 * r) + 1]) + 0.5;
        }

        var (weights, bias, costs, _) = GradientDescentReference.Train(x, rows, 2, y, RegressionKind.Linear, 0.5, 2000, 0);

        // The fit is exact, so gradient descent with α = 0.5 < 2/L (L ≤ 1 + Σ E[x²] ≈ 1.7) converges
        // geometrically; after 2000 steps the residual is far below 1e-9.
        Assert.Equal(2, weights[0], 1e-9);
        Assert.Equal(-3, weights[1], 1e-9);
        Assert.Equal(0.5, bias, 1e-9);
        Assert.True(costs[^1] < 1e-18, $"final cost {costs[^1]}");

        // From zero weights the first cost is (1/2m) Σ y².
        double expected = 0;
        foreach (double v in y)
        {
            expected += v * v;
        }

        Assert.Equal(expected / (2 * rows), costs[0], 1e-12);
    }

    [Fact]
    public void Logistic_regression_cost_starts_at_log_two_and_decreases()
    {
        double[] x = [-2, -1, -0.5, 0.5, 1, 2];
        double[] y = [0, 0, 1, 0, 1, 1];

        var (_, _, costs, _) = GradientDescentReference.Train(x, 6, 1, y, RegressionKind.Logistic, 0.5, 100, 0.1);

        // Zero weights predict 0.5 everywhere: cost = −log 0.5 = log 2.
        Assert.Equal(Math.Log(2), costs[0], 1e-15);
        for (int i = 1; i < costs.Length; i++)
        {
            Assert.True(costs[i] <= costs[i - 1], $"cost rose at step {i}: {costs[i - 1]} → {costs[i]}");
        }
    }
}
