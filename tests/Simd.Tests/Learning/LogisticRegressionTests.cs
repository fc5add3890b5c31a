using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class LogisticRegressionTests
{
    private static readonly Dataset Cancer = Dataset.BreastCancer;

    private static readonly float[] ScaledX = Array.ConvertAll(Reference.ZScore(Cancer.X, Cancer.Rows, Cancer.Columns), v => (float)v);

    [Fact]
    public void Float_cost_and_gradient_on_breast_cancer_match_double_reference_within_derived_bound()
    {
        int m = Cancer.Rows, n = Cancer.Columns;
        double[] x = Array.ConvertAll(ScaledX, v => (double)v);
        var random = new Random(3);
        double[] w = Enumerable.Range(0, n).Select(_ => (double)(float)(random.NextDouble() - 0.5)).ToArray();
        const double b = 0.25;
        var gw = new double[n];
        double expected = Reference.LogisticCostAndGradient(x, Cancer.Y, m, n, w, b, 0, gw, out double gb);
        (double costBound, double[] weightBounds, double biasBound) = Reference.LogisticBounds(x, m, n, w, b, Reference.FloatU);

        var gradient = new float[n];
        float cost = LogisticRegression.CostAndGradient(
            new ReadOnlyMatrixView<float>(ScaledX, m, n), Cancer.YFloat, Array.ConvertAll(w, v => (float)v), (float)b, gradient, out float biasGradient);
        Assert.InRange(cost, expected - costBound, expected + costBound);
        Assert.InRange(biasGradient, gb - biasBound, gb + biasBound);
        for (int j = 0; j < n; j++)
        {
            Assert.InRange(gradient[j], gw[j] - weightBounds[j], gw[j] + weightBounds[j]);
        }
    }

    [Fact]
    public void Double_descent_on_breast_cancer_matches_reference_trajectory_and_classifies_well()
    {
        int m = Cancer.Rows, n = Cancer.Columns;
        double[] x = Reference.ZScore(Cancer.X, m, n);

        // α ≤ 2/L with L ≤ ¼·trace(H): the descent is a contraction, so rounding differences do not grow;
        // in double they stay ~1e−13 relative after 200 steps, 1e−9 leaves ample room.
        const double alpha = 0.25;
        const int iterations = 200;
        Assert.True(alpha <= 2 / (0.25 * Reference.HessianTrace(x, m, n)));
        GradientDescentResult<double> fit = LogisticRegression.Fit(
            new ReadOnlyMatrixView<double>(x, m, n), Cancer.Y, new GradientDescentOptions { LearningRate = alpha, Iterations = iterations, L2 = 1.0 });

        var w = new double[n];
        double b = 0;
        var gw = new double[n];
        for (int k = 0; k <= iterations; k++)
        {
            double cost = Reference.LogisticCostAndGradient(x, Cancer.Y, m, n, w, b, 1.0, gw, out double gb);
            Assert.Equal(cost, fit.CostHistory[k], 1e-9 * cost);
            if (k == iterations)
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

        var view = new ReadOnlyMatrixView<double>(x, m, n);
        var p = new double[m];
        var classes = new int[m];
        LogisticRegression.PredictProbabilities(view, fit.Weights.ToArray(), fit.Bias, p);
        LogisticRegression.PredictClasses(view, fit.Weights.ToArray(), fit.Bias, classes);
        int correct = 0;
        for (int i = 0; i < m; i++)
        {
            double expected = 1 / (1 + Math.Exp(-Reference.Score(x, n, i, w, b)));
            Assert.Equal(expected, p[i], 1e-9);
            Assert.Equal(p[i] >= 0.5 ? 1 : 0, classes[i]);
            correct += classes[i] == (int)Cancer.Y[i] ? 1 : 0;
        }

        // A linear model separates this data set well: published training accuracy is about 98 %.
        Assert.True(correct >= 0.97 * m, $"{correct} of {m} correct");
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.7310585786300049)]
    [InlineData(-1.0, 0.2689414213699951)]
    [InlineData(800.0, 1.0)]
    [InlineData(-700.0, 9.8596765437597708e-305)]
    public void Sigmoid_is_stable_for_any_score(double z, double expected)
    {
        // Far below 1 the e^z/(1 + e^z) form keeps relative accuracy: e^−700 is representable, 1 − (1 − e^−700) is not.
        Assert.Equal(expected, LogisticRegression.Sigmoid(z), Math.Abs(expected) * 1e-14);
        Assert.Equal((float)expected, LogisticRegression.Sigmoid((float)z), Math.Max((float)expected * 1e-6f, 1e-38f));
    }

    /// <summary>
    /// The span overload (a generated kernel) against the scalar method. On vector paths e^t may differ from the
    /// scalar Exp by 1 ulp (docs/kernel-math.md), i.e. relatively by ≤ 2u; 1 + t and the quotient can then round
    /// differently (≤ 1 ulp each), so the results differ relatively by at most 2u + 2u + 2u = 6u; 8u is the bound.
    /// </summary>
    [Fact]
    public void Span_sigmoid_matches_the_scalar_one_within_a_few_ulps_and_works_in_place()
    {
        var random = new Random(9);
        double[] z = [.. Enumerable.Range(0, 997).Select(_ => (random.NextDouble() * 100) - 50), 0.0, -0.0, 745.0, -745.0, 1e-300, double.MaxValue, double.MinValue];
        var p = new double[z.Length];
        LogisticRegression.Sigmoid<double>(z, p);
        float[] zf = Array.ConvertAll(z, v => (float)v);
        var pf = new float[z.Length];
        LogisticRegression.Sigmoid<float>(zf, pf);
        for (int i = 0; i < z.Length; i++)
        {
            double expected = LogisticRegression.Sigmoid(z[i]);
            Assert.True(Math.Abs(p[i] - expected) <= 8 * Reference.DoubleU * expected, $"g({z[i]}) = {p[i]} vs {expected}");
            float expectedF = LogisticRegression.Sigmoid(zf[i]);
            Assert.True(Math.Abs(pf[i] - expectedF) <= 8 * Reference.FloatU * expectedF, $"g({zf[i]}) = {pf[i]} vs {expectedF}");
        }

        LogisticRegression.Sigmoid<double>(z, z);
        Assert.Equal(p, z);
        var e = Assert.Throws<ArgumentException>(() => LogisticRegression.Sigmoid<double>(new double[3], new double[2]));
        Assert.StartsWith("'destination' has 2 elements but must have 3 (one per score).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_loss_is_finite_and_exact_for_huge_scores()
    {
        // One row x = 1 with w = 1000: z = ±1000. A naive −log(1 − g(1000)) is log(0) = ∞; the true loss is
        // softplus(z) − y·z: 1000 for a wrong label and e^−1000 ≈ 0 for a right one.
        var x = new ReadOnlyMatrixView<double>(new[] { 1.0, -1.0 }, 2, 1);
        double wrong = LogisticRegression.Cost(x, new[] { 0.0, 1.0 }, new[] { 1000.0 }, 0.0);
        double right = LogisticRegression.Cost(x, new[] { 1.0, 0.0 }, new[] { 1000.0 }, 0.0);
        Assert.Equal(1000.0, wrong, 1e-12);
        Assert.Equal(0.0, right, 1e-300);
        float wrongF = LogisticRegression.Cost(new ReadOnlyMatrixView<float>(new[] { 1f, -1f }, 2, 1), new[] { 0f, 1f }, new[] { 1000f }, 0f);
        Assert.Equal(1000f, wrongF);
    }

    [Fact]
    public void Labels_other_than_zero_or_one_are_rejected_with_the_row()
    {
        var x = new ReadOnlyMatrixView<double>(new double[6], 3, 2);
        var e = Assert.Throws<ArgumentException>(() => LogisticRegression.CostAndGradient(x, new[] { 0.0, 1.0, 2.0 }, new double[2], 0.0, new double[2], out _));
        Assert.Equal("y", e.ParamName);
        Assert.StartsWith("'y' holds 2 at row 2; logistic regression needs labels 0 or 1.", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(x, new[] { 0.0, 0.5, 1.0 }, new GradientDescentOptions()));
    }

    [Fact]
    public void Class_threshold_outside_the_unit_interval_is_rejected()
    {
        var x = new ReadOnlyMatrixView<double>(new double[2], 1, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.PredictClasses(x, new double[2], 0.0, new int[1], 1.0));
        Assert.StartsWith("The threshold must be in (0, 1).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicted_class_of_a_row_with_nan_is_an_error_not_a_zero()
    {
        var x = new ReadOnlyMatrixView<double>(new[] { 1.0, 2.0, double.NaN, 4.0 }, 2, 2);
        var e = Assert.Throws<ArgumentException>(() => LogisticRegression.PredictClasses(x, new double[2], 0.0, new int[2]));
        Assert.StartsWith("'x' holds NaN at row 1, column 0;", e.Message, StringComparison.Ordinal);
    }
}
