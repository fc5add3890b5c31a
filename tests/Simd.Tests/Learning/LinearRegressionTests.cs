using System;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class LinearRegressionTests
{
    private static readonly Dataset Data = Dataset.Diabetes;

    public static TheoryData<int> Seeds => new() { 0, 1, 2 };

    private static (double[] W, double B) Parameters(int seed, int n)
    {
        // Seed 0 is the usual starting point (all zero); the others are weights of the size a fit reaches.
        if (seed == 0)
        {
            return (new double[n], 0);
        }

        var random = new Random(seed);
        var w = new double[n];
        for (int j = 0; j < n; j++)
        {
            w[j] = (float)((random.NextDouble() * 4) - 2);
        }

        return (w, (float)(random.NextDouble() * 100));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Float_cost_and_gradient_on_diabetes_match_double_reference_within_derived_bound(int seed)
    {
        int m = Data.Rows, n = Data.Columns;
        (double[] w, double b) = Parameters(seed, n);

        // The reference runs on the float-rounded data, so the bound only covers the arithmetic of the fused kernel.
        double[] x = Array.ConvertAll(Data.XFloat, v => (double)v);
        double[] y = Array.ConvertAll(Data.YFloat, v => (double)v);
        var gw = new double[n];
        double expected = Reference.LinearCostAndGradient(x, y, m, n, w, b, 0, gw, out double gb);
        (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(x, y, m, n, w, b, Reference.FloatU);

        var gradient = new float[n];
        float cost = LinearRegression.CostAndGradient(
            new ReadOnlyMatrixView<float>(Data.XFloat, m, n), Data.YFloat, Array.ConvertAll(w, v => (float)v), (float)b, gradient, out float biasGradient);

        Assert.InRange(cost, expected - costBound, expected + costBound);
        Assert.InRange(biasGradient, gb - biasBound, gb + biasBound);
        for (int j = 0; j < n; j++)
        {
            Assert.InRange(gradient[j], gw[j] - weightBounds[j], gw[j] + weightBounds[j]);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Double_cost_and_gradient_on_diabetes_match_reference_within_derived_bound(int seed)
    {
        int m = Data.Rows, n = Data.Columns;
        (double[] w, double b) = Parameters(seed, n);
        var gw = new double[n];
        double expected = Reference.LinearCostAndGradient(Data.X, Data.Y, m, n, w, b, 0.5, gw, out double gb);
        (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(Data.X, Data.Y, m, n, w, b, Reference.DoubleU);

        var gradient = new double[n];
        double cost = LinearRegression.CostAndGradient(Data.View, Data.Y, w, b, gradient, out double biasGradient, l2: 0.5);

        // λ adds (λ/(2m))‖w‖² and (λ/m)w, each a few roundings in double: 1e−15 relative.
        Assert.InRange(cost, expected - costBound - (1e-15 * expected), expected + costBound + (1e-15 * expected));
        Assert.InRange(biasGradient, gb - biasBound, gb + biasBound);
        for (int j = 0; j < n; j++)
        {
            double slack = weightBounds[j] + (1e-15 * Math.Abs(gw[j]));
            Assert.InRange(gradient[j], gw[j] - slack, gw[j] + slack);
        }
    }

    [Fact]
    public void Cost_at_zero_parameters_is_half_the_mean_square_of_y()
    {
        // With w = 0, b = 0 every error is −yᵢ: J = Σ yᵢ² / (2m), summed here independently in double.
        double sum = 0;
        foreach (double v in Data.Y)
        {
            sum += v * v;
        }

        double cost = LinearRegression.Cost(Data.View, Data.Y, new double[Data.Columns], 0.0);
        Assert.Equal(sum / (2.0 * Data.Rows), cost, 1e-12 * cost);
    }

    [Fact]
    public void Predict_matches_reference_scores()
    {
        var random = new Random(5);
        double[] w = new double[Data.Columns];
        for (int j = 0; j < w.Length; j++)
        {
            w[j] = random.NextDouble() - 0.5;
        }

        var predictions = new double[Data.Rows];
        LinearRegression.Predict(Data.View, w, 3.0, predictions);
        for (int i = 0; i < Data.Rows; i++)
        {
            double expected = Reference.Score(Data.X, Data.Columns, i, w, 3.0);
            double magnitude = 3.0;
            for (int j = 0; j < Data.Columns; j++)
            {
                magnitude += Math.Abs(Data.X[(i * Data.Columns) + j] * w[j]);
            }

            // n + 1 roundings of a dot product plus bias: γ(n+1)·Σ|xⱼwⱼ|.
            Assert.Equal(expected, predictions[i], Reference.Gamma(Data.Columns + 1, Reference.DoubleU) * magnitude);
            Assert.Equal(predictions[i], LinearRegression.Predict(Data.X.AsSpan(i * Data.Columns, Data.Columns), w, 3.0));
        }
    }

    [Fact]
    public void Inputs_are_not_modified()
    {
        double[] x = (double[])Data.X.Clone();
        double[] y = (double[])Data.Y.Clone();
        var w = new double[Data.Columns];
        w.AsSpan().Fill(0.25);
        double[] wCopy = (double[])w.Clone();
        LinearRegression.CostAndGradient(new ReadOnlyMatrixView<double>(x, Data.Rows, Data.Columns), y, w, 1.0, new double[Data.Columns], out _);
        LinearRegression.Fit(new ReadOnlyMatrixView<double>(x, Data.Rows, Data.Columns), y, new GradientDescentOptions { LearningRate = 1e-6, Iterations = 3 });
        Assert.Equal(Data.X, x);
        Assert.Equal(Data.Y, y);
        Assert.Equal(wCopy, w);
    }
}
