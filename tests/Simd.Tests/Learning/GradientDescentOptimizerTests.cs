using System;
using Simd.Learning;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>Gradient descent with an optimizer of Simd.Optimization as its update rule.</summary>
public sealed class GradientDescentOptimizerTests
{
    private static readonly Dataset Diabetes = Dataset.Diabetes;

    private static readonly double[] ScaledX = Reference.ZScore(Diabetes.X, Diabetes.Rows, Diabetes.Columns);

    private static readonly double[] Y = Array.ConvertAll(Diabetes.YFloat, v => (double)v);

    [Fact]
    public void Sgd_without_momentum_is_plain_gradient_descent_bit_for_bit()
    {
        float[] x = Array.ConvertAll(ScaledX, v => (float)v);
        var view = new ReadOnlyMatrixView<float>(x, Diabetes.Rows, Diabetes.Columns);
        GradientDescentResult<float> plain = LinearRegression.Fit(view, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.125, Iterations = 60 });
        GradientDescentResult<float> sgd = LinearRegression.Fit(
            view, Diabetes.YFloat, new GradientDescentOptions { LearningRate = 0.5, Iterations = 60, Optimizer = new SgdOptions(0.125) });
        Assert.Equal(plain.Weights, sgd.Weights);
        Assert.Equal(plain.Bias, sgd.Bias);
        Assert.Equal(plain.CostHistory, sgd.CostHistory);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("sgd")]
    public void Optimizers_reach_the_least_squares_cost(string name)
    {
        OptimizerOptions optimizer = name switch
        {
            "adam" => new AdamOptions(0.5),
            "rmsprop" => new RMSpropOptions(0.05),
            _ => new SgdOptions(0.05, momentum: 0.9, nesterov: true),
        };
        var view = new ReadOnlyMatrixView<double>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        LeastSquaresSolution exact = LinearRegression.SolveLeastSquares(view, Y);
        GradientDescentResult<double> fit = LinearRegression.Fit(view, Y, new GradientDescentOptions { Iterations = 4000, Optimizer = optimizer });
        double last = fit.CostHistory[^1];
        Assert.True(last <= exact.Cost * 1.001, $"{name}: cost {last} vs least squares {exact.Cost}");
    }

    [Fact]
    public void A_diverging_optimizer_reports_its_learning_rate()
    {
        var view = new ReadOnlyMatrixView<double>(ScaledX, Diabetes.Rows, Diabetes.Columns);
        var e = Assert.Throws<GradientDescentDivergedException>(() => LinearRegression.Fit(
            view, Y, new GradientDescentOptions { Iterations = 200, Optimizer = new SgdOptions(5, momentum: 0.9) }));
        Assert.Equal(5, e.LearningRate);
    }
}
