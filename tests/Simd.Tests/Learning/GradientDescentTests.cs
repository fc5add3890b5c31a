using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class GradientDescentTests
{
    private static readonly Dataset Diabetes = Dataset.Diabetes;

    /// <summary>z-scored diabetes features rounded to float (the reference then works on exactly these values).</summary>
    private static readonly float[] ScaledX = Array.ConvertAll(Reference.ZScore(Diabetes.X, Diabetes.Rows, Diabetes.Columns), v => (float)v);

    private sealed class Recorder : IProgress<GradientDescentProgress>
    {
        public List<GradientDescentProgress> Reports { get; } = [];

        public Action<GradientDescentProgress>? OnReport { get; init; }

        public void Report(GradientDescentProgress value)
        {
            Reports.Add(value);
            OnReport?.Invoke(value);
        }
    }

    /// <summary>
    /// The float trajectory against a double reference descent on the same float inputs. Derivation of the bound:
    /// α = 1/8 is a float exactly and α ≤ 2/trace(H) ≤ 2/λmax(H), so the map w ↦ w − α∇J(w) is non-expansive for
    /// this convex quadratic; an error D_k in (w, b) therefore stays ≤ D_k after the exact map, and each step
    /// adds α·‖gradient-evaluation bound‖₂ (<see cref="Reference.LinearBounds"/>) plus the rounding of the update
    /// in T, u·(‖w_{k+1}‖ + α‖g_k‖)·2 (product and difference). The bounds are evaluated at the reference iterate
    /// and doubled, which covers the (relative D_k ≪ 1 %) difference of magnitudes at the float iterate. The cost at
    /// step k then differs by ≤ its evaluation bound + ‖∇J‖·D_k + ½·trace(H)·D_k².
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(20.0)]
    public void Float_descent_on_scaled_diabetes_follows_double_reference_within_derived_bound(double lambda)
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        const double alpha = 0.125;
        const int iterations = 150;
        double[] x = Array.ConvertAll(ScaledX, v => (double)v);
        double[] y = Array.ConvertAll(Diabetes.YFloat, v => (double)v);
        double trace = Reference.HessianTrace(x, m, n) + (lambda / m);
        Assert.True(alpha <= 2 / trace);

        GradientDescentResult<float> fit = LinearRegression.Fit(
            new ReadOnlyMatrixView<float>(ScaledX, m, n), Diabetes.YFloat, new GradientDescentOptions { LearningRate = alpha, Iterations = iterations, L2 = lambda });

        var w = new double[n];
        double b = 0, drift = 0;
        var gw = new double[n];
        Assert.Equal(iterations, fit.Iterations);
        Assert.Equal(iterations + 1, fit.CostHistory.Count);
        for (int k = 0; k <= iterations; k++)
        {
            double cost = Reference.LinearCostAndGradient(x, y, m, n, w, b, lambda, gw, out double gb);
            (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(x, y, m, n, w, b, Reference.FloatU);
            double gradientNorm = Math.Sqrt(gw.Sum(v => v * v) + (gb * gb));
            double tolerance = (2 * costBound) + (1e-15 * cost) + (gradientNorm * drift) + (0.5 * trace * drift * drift);
            Assert.True(Math.Abs(fit.CostHistory[k] - cost) <= tolerance, $"iteration {k}: {fit.CostHistory[k]} vs {cost} (±{tolerance})");
            if (k == iterations)
            {
                break;
            }

            double evaluation = 2 * Math.Sqrt(weightBounds.Sum(v => v * v) + (biasBound * biasBound));
            for (int j = 0; j < n; j++)
            {
                w[j] -= alpha * gw[j];
            }

            b -= alpha * gb;
            double parameterNorm = Math.Sqrt(w.Sum(v => v * v) + (b * b));
            drift += (alpha * evaluation) + (2 * 2 * Reference.FloatU * (parameterNorm + (alpha * gradientNorm)));
        }

        for (int j = 0; j < n; j++)
        {
            Assert.True(Math.Abs(fit.Weights[j] - w[j]) <= drift, $"w[{j}] = {fit.Weights[j]} vs {w[j]} (±{drift})");
        }

        Assert.True(Math.Abs(fit.Bias - b) <= drift, $"b = {fit.Bias} vs {b} (±{drift})");
    }

    [Fact]
    public void Double_descent_on_scaled_diabetes_matches_reference_trajectory()
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        double[] x = Reference.ZScore(Diabetes.X, m, n);
        const double alpha = 0.1;
        GradientDescentResult<double> fit = LinearRegression.Fit(
            new ReadOnlyMatrixView<double>(x, m, n), Diabetes.Y, new GradientDescentOptions { LearningRate = alpha, Iterations = 100 });

        var w = new double[n];
        double b = 0;
        var gw = new double[n];
        for (int k = 0; k <= 100; k++)
        {
            double cost = Reference.LinearCostAndGradient(x, Diabetes.Y, m, n, w, b, 0, gw, out double gb);

            // Same derivation as the float test with u = 2⁻⁵³: at most ~1e−10 relative after 100 steps; 1e−9 leaves room.
            Assert.Equal(cost, fit.CostHistory[k], 1e-9 * cost);
            if (k == 100)
            {
                break;
            }

            for (int j = 0; j < n; j++)
            {
                w[j] -= alpha * gw[j];
            }

            b -= alpha * gb;
        }

        for (int j = 0; j < n; j++)
        {
            Assert.Equal(w[j], fit.Weights[j], 1e-9 * (1 + Math.Abs(w[j])));
        }
    }

    [Fact]
    public void Cost_history_starts_before_the_first_update_and_decreases()
    {
        var x = new ReadOnlyMatrixView<float>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        GradientDescentResult<float> fit = LinearRegression.Fit(x, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.1, Iterations = 20 });
        Assert.Equal(LinearRegression.Cost(x, Diabetes.YFloat, new float[Diabetes.Columns], 0f), (float)fit.CostHistory[0]);
        for (int k = 1; k < fit.CostHistory.Count; k++)
        {
            Assert.True(fit.CostHistory[k] < fit.CostHistory[k - 1]);
        }

        Assert.Equal(fit.CostHistory[^1], fit.FinalCost);
        Assert.False(fit.Converged);
    }

    [Fact]
    public void Tolerance_stops_once_the_cost_change_is_small_enough()
    {
        var x = new ReadOnlyMatrixView<float>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        const double tolerance = 1.0;
        GradientDescentResult<float> fit = LinearRegression.Fit(x, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.1, Iterations = 10_000, Tolerance = tolerance });
        Assert.True(fit.Converged);
        Assert.True(fit.Iterations < 10_000);
        IReadOnlyList<double> h = fit.CostHistory;
        Assert.True(Math.Abs(h[^2] - h[^1]) <= tolerance);
        Assert.True(Math.Abs(h[^3] - h[^2]) > tolerance);
    }

    [Fact]
    public void Progress_reports_every_iteration_with_the_history_cost()
    {
        var recorder = new Recorder();
        var x = new ReadOnlyMatrixView<float>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        GradientDescentResult<float> fit = LinearRegression.Fit(x, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.1, Iterations = 7, Progress = recorder });
        Assert.Equal(Enumerable.Range(0, 8), recorder.Reports.Select(r => r.Iteration));
        Assert.Equal(fit.CostHistory, recorder.Reports.Select(r => r.Cost));
    }

    [Fact]
    public void Cancellation_stops_between_updates()
    {
        using var source = new CancellationTokenSource();
        var recorder = new Recorder { OnReport = p => { if (p.Iteration == 5) { source.Cancel(); } } };
        var trainer = new GradientDescent(new GradientDescentOptions { LearningRate = 0.1, Iterations = 100, Progress = recorder });
        Assert.Throws<OperationCanceledException>(() => trainer.FitLinear(
            new ReadOnlyMatrixView<float>(ScaledX, Diabetes.Rows, Diabetes.Columns), Diabetes.YFloat, cancellationToken: source.Token));
        Assert.Equal(5, recorder.Reports[^1].Iteration);
    }

    [Fact]
    public void Too_large_a_learning_rate_on_raw_features_reports_divergence()
    {
        var x = new ReadOnlyMatrixView<float>(Diabetes.XFloat, Diabetes.Rows, Diabetes.Columns);
        var e = Assert.Throws<GradientDescentDivergedException>(
            () => LinearRegression.Fit(x, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.01, Iterations = 100 }));
        Assert.Contains("Gradient descent diverged at iteration 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("The learning rate α = 0.01 is too large; try a smaller one, e.g. α = 0.001", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Iteration);
        Assert.True(e.Cost > e.PreviousCost);
        Assert.Equal(0.001, e.SuggestedLearningRate, 1e-15);
    }

    [Fact]
    public void Divergence_to_infinity_is_reported_as_such()
    {
        var x = new ReadOnlyMatrixView<float>(Diabetes.XFloat, Diabetes.Rows, Diabetes.Columns);
        var e = Assert.Throws<GradientDescentDivergedException>(
            () => LinearRegression.Fit(x, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 1e36, Iterations = 5 }));
        Assert.Contains("the cost became", e.Message, StringComparison.Ordinal);
        Assert.False(double.IsFinite(e.Cost));
    }

    [Fact]
    public void Zero_iterations_return_the_start_and_its_cost()
    {
        var x = new ReadOnlyMatrixView<float>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        var start = new float[Diabetes.Columns];
        start.AsSpan().Fill(1f);
        GradientDescentResult<float> fit = new GradientDescent(new GradientDescentOptions { Iterations = 0 }).FitLinear(x, Diabetes.YFloat, start, 2f);
        Assert.Equal(start, fit.Weights);
        Assert.Equal(2f, fit.Bias);
        Assert.Single(fit.CostHistory);
        Assert.Equal(0, fit.Iterations);
    }

    [Theory]
    [InlineData(0.0, 10, 0.0, 0.0, -1, "LearningRate", "The learning rate must be finite and > 0; it is 0.")]
    [InlineData(0.1, -1, 0.0, 0.0, -1, "Iterations", "The number of iterations must be in [0, 2147483590] (the cost history keeps one value per update); it is -1.")]
    [InlineData(0.1, int.MaxValue, 0.0, 0.0, -1, "Iterations", "The number of iterations must be in [0, 2147483590] (the cost history keeps one value per update); it is 2147483647.")]
    [InlineData(0.1, 10, -1.0, 0.0, -1, "Tolerance", "The tolerance must be finite and ≥ 0; it is -1.")]
    [InlineData(0.1, 10, 0.0, double.NaN, -1, "L2", "The L2 strength λ must be finite and ≥ 0; it is NaN.")]
    [InlineData(0.1, 10, 0.0, 0.0, 0, "MaxDegreeOfParallelism", "The thread limit must be −1 (all cores) or ≥ 1.")]
    public void Bad_options_are_rejected_with_a_message(double alpha, int iterations, double tolerance, double l2, int threads, string name, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescent(new GradientDescentOptions
        {
            LearningRate = alpha, Iterations = iterations, Tolerance = tolerance, L2 = l2, MaxDegreeOfParallelism = threads,
        }));
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Noise-free targets y = X·w + b: descent reaches the rounding floor, where J rises and falls by rounding alone.</summary>
    private static (double[] X, double[] Y) Exact(int m, int n, double noise, int seed)
    {
        var random = new Random(seed);
        var x = new double[m * n];
        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            double f = 3;
            for (int j = 0; j < n; j++)
            {
                x[(i * n) + j] = (random.NextDouble() * 2) - 1;
                f += (j + 1) * 0.5 * x[(i * n) + j];
            }

            y[i] = f + (noise * ((random.NextDouble() * 2) - 1));
        }

        return (x, y);
    }

    [Fact]
    public void A_fit_to_noise_free_data_is_returned_not_called_divergent()
    {
        (double[] x, double[] y) = Exact(200, 4, 0, 1);
        GradientDescentResult<double> fit = LinearRegression.Fit(new ReadOnlyMatrixView<double>(x, 200, 4), y, new GradientDescentOptions { LearningRate = 0.5, Iterations = 3000 });
        Assert.Equal(3000, fit.Iterations);
        Assert.True(fit.FinalCost < 1e-25 * fit.CostHistory[0], $"final cost {fit.FinalCost}");
        Assert.Equal(3, fit.Bias, 1e-12);

        // Float at noise 1e-4: the cost's rounding is a large fraction of J itself, which now counts as rounding.
        (double[] xd, double[] yd) = Exact(200, 4, 1e-4, 2);
        float[] xf = Array.ConvertAll(xd, v => (float)v), yf = Array.ConvertAll(yd, v => (float)v);
        GradientDescentResult<float> floatFit = LinearRegression.Fit(new ReadOnlyMatrixView<float>(xf, 200, 4), yf, new GradientDescentOptions { LearningRate = 0.5, Iterations = 3000 });
        Assert.Equal(3f, floatFit.Bias, 1e-3f);
    }

    [Fact]
    public void The_divergence_rule_separates_rounding_at_the_floor_from_growth()
    {
        double eps = Math.Pow(2, -52), noise = Math.Sqrt(eps);

        // The reported case: J₀ ≈ 1.5e4, the cost at 2.03e-28 rises by 2 %: at the floor, not divergence.
        Assert.False(GradientDescent.IsDivergentRise(1.5e4, 2.03e-28, 2.07e-28, eps, noise));

        // Above the floor a rise within 4ε·√(J₀·J) is rounding; a rise past √ε·J and that bound is divergence.
        Assert.False(GradientDescent.IsDivergentRise(1, 1e-6, 1e-6 + (2 * eps * 1e-3), eps, noise));
        Assert.True(GradientDescent.IsDivergentRise(1, 1e-6, 1.001e-6, eps, noise));
        Assert.True(GradientDescent.IsDivergentRise(100, 50, 60, eps, noise));
        Assert.False(GradientDescent.IsDivergentRise(100, 50, 49, eps, noise));
    }

    [Fact]
    public void A_huge_iteration_limit_allocates_as_it_goes()
    {
        (double[] x, double[] y) = Exact(50, 2, 0.1, 3);
        GradientDescentResult<double> fit = LinearRegression.Fit(
            new ReadOnlyMatrixView<double>(x, 50, 2), y, new GradientDescentOptions { LearningRate = 0.01, Iterations = Array.MaxLength - 1, Tolerance = 1e-13 });
        Assert.True(fit.Converged);
        Assert.Equal(fit.Iterations + 1, fit.CostHistory.Count);
        Assert.True(fit.Iterations > 1024, $"{fit.Iterations} updates (the history must have grown past its first block)");
    }
}
