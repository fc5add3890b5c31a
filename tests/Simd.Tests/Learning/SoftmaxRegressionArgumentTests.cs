using System;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>Every refusal of <see cref="SoftmaxRegression"/> and <see cref="GradientDescent.FitSoftmax{T}"/>: the argument named and the message read.</summary>
public class SoftmaxRegressionArgumentTests
{
    // 4 rows, 2 features, 3 classes.
    private static readonly double[] X = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly int[] Y = [0, 1, 2, 1];

    private static ReadOnlyMatrixView<double> XView => new(X, 4, 2);

    private static ReadOnlyMatrixView<double> W => new(new double[6], 2, 3);

    private static void Throws(string parameter, string message, Action call)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message);
    }

    private static void Gradient(ReadOnlyMatrixView<double> x, int[] y, ReadOnlyMatrixView<double> w, double[] b, MatrixView<double> gw, double[] gb, double l2 = 0, int threads = -1)
        => SoftmaxRegression.CostAndGradient(x, y, w, b, gw, gb, l2, threads);

    private static MatrixView<double> Gw => new(new double[6], 2, 3);

    [Fact]
    public void Shapes_are_checked_with_the_argument_named()
    {
        Throws("x", "'x' has no rows", () => Gradient(new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 2), [], W, new double[3], Gw, new double[3]));
        Throws("labels", "'labels' has 3 elements but must have 4 (one label per row of x)", () => Gradient(XView, [0, 1, 2], W, new double[3], Gw, new double[3]));
        Throws("weights", "'weights' is 3×3 but must have 2 rows (one per column of x) and one column per class", () => Gradient(XView, Y, new ReadOnlyMatrixView<double>(new double[9], 3, 3), new double[3], Gw, new double[3]));
        Throws("weights", "'weights' has no columns (2×0); it needs one column per class", () => Gradient(XView, Y, new ReadOnlyMatrixView<double>(Array.Empty<double>(), 2, 0), [], new MatrixView<double>(Array.Empty<double>(), 2, 0), []));
        Throws("bias", "'bias' has 2 elements but must have 3 (one per class, a column of weights)", () => Gradient(XView, Y, W, new double[2], Gw, new double[3]));
        Throws("weightGradient", "'weightGradient' is 3×2 but must be 2×3", () => Gradient(XView, Y, W, new double[3], new MatrixView<double>(new double[6], 3, 2), new double[3]));
        Throws("biasGradient", "'biasGradient' has 4 elements but must have 3 (one per class)", () => Gradient(XView, Y, W, new double[3], Gw, new double[4]));
        Throws("destination", "'destination' has 3 elements but must have 4 (one class per row of x)", () => SoftmaxRegression.Predict(XView, W, new double[3], new int[3]));
        Throws("destination", "'destination' is 4×2 but must be 4×3", () => SoftmaxRegression.PredictProbabilities(XView, W, new double[3], new MatrixView<double>(new double[8], 4, 2)));
        Throws("weights", "must have 2 rows", () => SoftmaxRegression.Predict(XView, new ReadOnlyMatrixView<double>(new double[3], 1, 3), new double[3], new int[4]));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(3, 2)]
    public void Labels_outside_the_classes_are_rejected_with_the_row(int label, int row)
    {
        int[] y = (int[])Y.Clone();
        y[row] = label;
        Throws("labels", $"'labels' holds {label} at row {row}; a label must be a class index in [0, 3).", () => Gradient(XView, y, W, new double[3], Gw, new double[3]));
        Throws("labels", $"'labels' holds {label} at row {row}; a label must be a class index in [0, 3).", () => SoftmaxRegression.Fit(XView, y, 3, new GradientDescentOptions()));
    }

    [Fact]
    public void Outputs_that_share_memory_with_inputs_are_rejected()
    {
        double[] buffer = new double[20];
        var x = new ReadOnlyMatrixView<double>(buffer, 4, 2);
        Throws("weightGradient", "'weightGradient' (2×3) shares elements with 'x' (4×2)", () => Gradient(x, Y, W, new double[3], new MatrixView<double>(buffer, 2, 3), new double[3]));

        double[] w = new double[9];
        Throws("weightGradient", "shares elements with 'weights'", () => Gradient(XView, Y, new ReadOnlyMatrixView<double>(w, 2, 3), new double[3], new MatrixView<double>(w.AsMemory(3), 2, 3), new double[3]));
    }

    [Fact]
    public void Bias_sharing_memory_with_the_weight_gradient_is_rejected()
    {
        double[] buffer = new double[9];
        var gw = new MatrixView<double>(buffer, 2, 3);
        Throws(
            "weightGradient",
            "'weightGradient' (2×3) shares elements with 'bias' (3 elements)",
            () => SoftmaxRegression.CostAndGradient(XView, Y, W, buffer.AsSpan(3, 3), gw, new double[3]));
        Throws(
            "biasGradient",
            "'biasGradient' (3 elements) shares elements with 'bias' (3 elements)",
            () => SoftmaxRegression.CostAndGradient(XView, Y, W, buffer.AsSpan(6, 3), Gw, buffer.AsSpan(6, 3)));
        Throws(
            "biasGradient",
            "'biasGradient' (3 elements) shares elements with 'weightGradient' (2×3)",
            () => SoftmaxRegression.CostAndGradient(XView, Y, W, new double[3], gw, buffer.AsSpan(3, 3)));
        Throws(
            "biasGradient",
            "'biasGradient' (3 elements) shares elements with 'x' (4×2)",
            () => SoftmaxRegression.CostAndGradient(new ReadOnlyMatrixView<double>(buffer, 4, 2), Y, W, new double[3], Gw, buffer.AsSpan(0, 3)));
        double[] p = new double[12];
        Throws(
            "destination",
            "'destination' (4×3) shares elements with 'x' (4×2)",
            () => SoftmaxRegression.PredictProbabilities(new ReadOnlyMatrixView<double>(p, 4, 2), W, new double[3], new MatrixView<double>(p, 4, 3)));
        double[] w = new double[12];
        Throws(
            "destination",
            "'destination' (4×3) shares elements with 'weights' (2×3)",
            () => SoftmaxRegression.PredictProbabilities(XView, new ReadOnlyMatrixView<double>(w, 2, 3), new double[3], new MatrixView<double>(w, 4, 3)));
        Throws(
            "destination",
            "'destination' (4×3) shares elements with 'bias' (3 elements)",
            () => SoftmaxRegression.PredictProbabilities(XView, W, p.AsSpan(0, 3), new MatrixView<double>(p, 4, 3)));
    }

    [Fact]
    public void Hyper_parameters_are_checked()
    {
        Throws("l2", "'l2' must be finite and ≥ 0.", () => Gradient(XView, Y, W, new double[3], Gw, new double[3], l2: -1));
        Throws("maxDegreeOfParallelism", "The thread limit must be −1 (all cores) or ≥ 1.", () => Gradient(XView, Y, W, new double[3], Gw, new double[3], threads: 0));
        Throws("classes", "'classes' must be at least 2 (softmax regression tells classes apart); it is 1.", () => SoftmaxRegression.Fit(XView, [0, 0, 0, 0], 1, new GradientDescentOptions()));
    }

    [Fact]
    public void Non_finite_inputs_are_named_with_row_and_column()
    {
        double[] x = (double[])X.Clone();
        x[5] = double.NaN;
        Throws("x", "'x' holds NaN at row 2, column 1; the data must be finite", () => Gradient(new ReadOnlyMatrixView<double>(x, 4, 2), Y, W, new double[3], Gw, new double[3]));
        Throws("x", "'x' holds NaN at row 2, column 1", () => SoftmaxRegression.Fit(new ReadOnlyMatrixView<double>(x, 4, 2), Y, 3, new GradientDescentOptions()));
        Throws("x", "'x' holds NaN at row 2, column 1", () => SoftmaxRegression.Predict(new ReadOnlyMatrixView<double>(x, 4, 2), W, new double[3], new int[4]));
        Throws("x", "'x' holds NaN at row 2, column 1", () => SoftmaxRegression.PredictProbabilities(new ReadOnlyMatrixView<double>(x, 4, 2), W, new double[3], new MatrixView<double>(new double[12], 4, 3)));

        double[] w = new double[6];
        w[4] = double.PositiveInfinity;
        Throws("weights", "'weights' holds Infinity at row 1, column 1", () => Gradient(XView, Y, new ReadOnlyMatrixView<double>(w, 2, 3), new double[3], Gw, new double[3]));
        Throws("bias", "'bias' holds NaN at index 2", () => Gradient(XView, Y, W, [0, 0, double.NaN], Gw, new double[3]));
    }

    [Fact]
    public void Finite_inputs_whose_logits_overflow_are_rejected()
    {
        var x = new ReadOnlyMatrixView<float>(new float[] { 3e38f, 3e38f }, 1, 2);
        var w = new ReadOnlyMatrixView<float>(new float[] { 1, 0, 1, 0 }, 2, 2);
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => SoftmaxRegression.Cost(x, [0], w, [0f, 0f]));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("The logit x·W + b of row 0, class 0 is Infinity: finite 'x' and 'weights' overflow Single; scale the features or use double.", e.Message);
    }

    [Fact]
    public void Fit_checks_its_starting_point()
    {
        var descent = new GradientDescent(new GradientDescentOptions());
        Throws("initialWeights", "'initialWeights' is 3×2 but must be 2×3 (one row per column of x, one column per class)", () => descent.FitSoftmax(XView, Y, 3, new ReadOnlyMatrixView<double>(new double[6], 3, 2)));
        Throws("initialWeights", "'initialWeights' holds NaN at row 0, column 2", () => descent.FitSoftmax(XView, Y, 3, new ReadOnlyMatrixView<double>(new double[] { 0, 0, double.NaN, 0, 0, 0 }, 2, 3)));
        Throws("initialBias", "'initialBias' has 2 elements but must have 3 (one per class)", () => descent.FitSoftmax(XView, Y, 3, default, [0.0, 0.0]));
        Throws("initialBias", "'initialBias' holds Infinity at index 1", () => descent.FitSoftmax(XView, Y, 3, default, [0.0, double.PositiveInfinity, 0.0]));
        Throws("labels", "'labels' has 2 elements but must have 4 (one label per row of x)", () => descent.FitSoftmax(XView, [0, 1], 3));
    }

    [Fact]
    public void Too_large_a_learning_rate_is_reported_as_divergence()
    {
        // Unscaled features up to 8 and α = 1000: the first step overshoots by orders of magnitude.
        GradientDescentDivergedException e = Assert.Throws<GradientDescentDivergedException>(
            () => SoftmaxRegression.Fit(XView, Y, 3, new GradientDescentOptions { LearningRate = 1000, Iterations = 100 }));
        Assert.Equal(1000, e.LearningRate);
        Assert.Contains("Gradient descent diverged at iteration", e.Message);
        Assert.Contains("try a smaller one, e.g. α = 100", e.Message);
    }
}
