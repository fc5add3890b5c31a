using System;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>Every argument error of the regression entry points, with its message.</summary>
public class LearningArgumentTests
{
    private static readonly double[] X6 = [1, 2, 3, 4, 5, 6];

    private static ReadOnlyMatrixView<double> X => new(X6, 3, 2);

    [Fact]
    public void Mismatched_shapes_name_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(X, new double[2], new double[2], 0.0, new double[2], out _));
        Assert.StartsWith("'y' has 2 elements but must have 3 (one target per row of x).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(X, new double[3], new double[3], 0.0, new double[2], out _));
        Assert.StartsWith("'weights' has 3 elements but must have 2 (one weight per column of x).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(X, new double[3], new double[2], 0.0, new double[1], out _));
        Assert.StartsWith("'weightGradient' has 1 elements but must have 2 (one per column of x).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.Predict(X, new double[2], 0.0, new double[4]));
        Assert.StartsWith("'destination' has 4 elements but must have 3 (one prediction per row of x).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.Predict<double>(new double[2], new double[3], 0.0));
        Assert.StartsWith("'weights' has 3 elements but must have 2 (one weight per feature).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new GradientDescent(new GradientDescentOptions()).FitLinear(X, new double[3], new double[5]));
        Assert.StartsWith("'initialWeights' has 5 elements but must have 2 (one weight per column of x).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        var empty = new ReadOnlyMatrixView<float>(Array.Empty<float>(), 0, 4);
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.Fit(empty, ReadOnlySpan<float>.Empty, new GradientDescentOptions()));
        Assert.StartsWith("'x' has no rows (0×4); at least one example is needed.", e.Message, StringComparison.Ordinal);
        Assert.Equal("x", e.ParamName);
        Assert.Throws<ArgumentException>(() => LinearRegression.Cost(empty, ReadOnlySpan<float>.Empty, new float[4], 0f));
    }

    [Fact]
    public void Nan_or_infinity_is_reported_with_row_and_column()
    {
        double[] bad = [1, 2, 3, double.NaN, 5, 6];
        var x = new ReadOnlyMatrixView<double>(bad, 3, 2);
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(x, new double[3], new double[2], 0.0, new double[2], out _));
        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("'x' holds NaN at row 1, column 1; the data must be finite (no NaN or ∞).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.Fit(x, new double[3], new GradientDescentOptions()));
        Assert.StartsWith("'x' holds NaN at row 1, column 1;", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.Fit(X, new[] { 0.0, double.PositiveInfinity, 0.0 }, new GradientDescentOptions()));
        Assert.StartsWith("'y' holds Infinity at row 1; the values must be finite (no NaN or ∞).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(X, new double[3], new[] { 0.0, double.NaN }, 0.0, new double[2], out _));
        Assert.StartsWith("'weights' holds NaN at index 1;", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(X, new double[3], new double[2], double.NaN, new double[2], out _));
        Assert.StartsWith("'bias' is NaN; it must be finite.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new GradientDescent(new GradientDescentOptions()).FitLinear(X, new double[3], default, double.NaN));
        Assert.StartsWith("'initialBias' is NaN; it must be finite.", e.Message, StringComparison.Ordinal);

        // Float data, NaN in the last row and in a column handled by the vector tail.
        var xf = new float[20 * 19];
        xf[(19 * 19) + 18] = float.NaN;
        e = Assert.Throws<ArgumentException>(() => LinearRegression.Cost(new ReadOnlyMatrixView<float>(xf, 20, 19), new float[20], new float[19], 0f));
        Assert.StartsWith("'x' holds NaN at row 19, column 18;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_regularisation_and_thread_limit_are_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LinearRegression.CostAndGradient(X, new double[3], new double[2], 0.0, new double[2], out _, l2: -1.0));
        Assert.Equal("l2", e.ParamName);
        Assert.StartsWith("'l2' must be finite and ≥ 0.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => LinearRegression.CostAndGradient(X, new double[3], new double[2], 0.0, new double[2], out _, maxDegreeOfParallelism: 0));
        Assert.StartsWith("The thread limit must be −1 (all cores) or ≥ 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_other_than_float_and_double_are_rejected()
    {
        var x = new ReadOnlyMatrixView<Half>(new Half[2], 1, 2);
        var e = Assert.Throws<NotSupportedException>(() => LinearRegression.Cost(x, new Half[1], new Half[2], Half.Zero));
        Assert.Equal("Simd.Learning works on float and double; Half is not supported.", e.Message);
    }

    [Fact]
    public void Default_diverged_exception_constructors_carry_their_message()
    {
        Assert.Equal("Gradient descent diverged: the learning rate is too large; try a smaller one.", new GradientDescentDivergedException().Message);
        Assert.Equal("m", new GradientDescentDivergedException("m").Message);
        Assert.Equal("m", new GradientDescentDivergedException("m", new InvalidOperationException()).Message);
    }
}
