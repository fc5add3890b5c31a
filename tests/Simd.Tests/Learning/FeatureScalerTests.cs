using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class FeatureScalerTests
{
    private static readonly Dataset Diabetes = Dataset.Diabetes;

    [Theory]
    [InlineData(ScalingMethod.ZScore)]
    [InlineData(ScalingMethod.MinMax)]
    [InlineData(ScalingMethod.MeanNormalization)]
    public void Parameters_on_diabetes_match_the_textbook_statistics(ScalingMethod method)
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        (double[] mean, double[] std, double[] min, double[] max) = Reference.ColumnStatistics(Diabetes.X, m, n);
        FeatureScaler<double> scaler = FeatureScaler.Fit(Diabetes.View, method);
        Assert.Equal(method, scaler.Method);
        Assert.Empty(scaler.ConstantColumns);
        for (int j = 0; j < n; j++)
        {
            (double offset, double scale) = method switch
            {
                ScalingMethod.ZScore => (mean[j], std[j]),
                ScalingMethod.MinMax => (min[j], max[j] - min[j]),
                _ => (mean[j], max[j] - min[j]),
            };

            // Both sides sum m = 442 terms in double: relative error ≤ γ(m)·Σ|x|/|Σx| ≈ 5e−14 for these positive or
            // well-centred columns; the square root halves it. 1e−12 relative leaves margin.
            Assert.Equal(offset, scaler.Offsets[j], 1e-12 * Math.Abs(offset));
            Assert.Equal(scale, scaler.Scales[j], 1e-12 * scale);
        }
    }

    [Theory]
    [InlineData(ScalingMethod.ZScore)]
    [InlineData(ScalingMethod.MinMax)]
    [InlineData(ScalingMethod.MeanNormalization)]
    public void Float_transform_and_inverse_match_double_reference_within_derived_bound(ScalingMethod method)
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        float[] xf = Diabetes.XFloat;
        var view = new ReadOnlyMatrixView<float>(xf, m, n);
        FeatureScaler<float> scaler = FeatureScaler.Fit(view, method);
        float[] z = scaler.Transform(view);
        float[] back = scaler.InverseTransform(new ReadOnlyMatrixView<float>(z, m, n));
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double o = scaler.Offsets[j], s = scaler.Scales[j], x = xf[(i * n) + j];
                double expected = (x - o) / s;

                // offset and scale rounded to float (u each), the difference and the quotient rounded (u each):
                // |ẑ − z| ≤ 4u·(|x| + |o|)/s to first order.
                double bound = 4 * Reference.FloatU * (Math.Abs(x) + Math.Abs(o)) / s;
                Assert.True(Math.Abs(z[(i * n) + j] - expected) <= bound, $"({i},{j}): {z[(i * n) + j]} vs {expected}");

                // Back: ẑ·ŝ + ô, two more roundings of values of size |x| + |o|, plus the error of ẑ times s.
                double backBound = (4 * Reference.FloatU * (Math.Abs(x) + Math.Abs(o))) + (bound * s);
                Assert.True(Math.Abs(back[(i * n) + j] - x) <= backBound, $"({i},{j}) back: {back[(i * n) + j]} vs {x}");
            }
        }

        if (method == ScalingMethod.MinMax)
        {
            Assert.All(z, v => Assert.InRange(v, 0f, 1f));
        }
    }

    [Fact]
    public void Z_scored_columns_have_mean_zero_and_unit_population_std()
    {
        FeatureScaler<double> scaler = FeatureScaler.Fit(Diabetes.View, ScalingMethod.ZScore);
        double[] z = scaler.Transform(Diabetes.View);
        (double[] mean, double[] std, _, _) = Reference.ColumnStatistics(z, Diabetes.Rows, Diabetes.Columns);
        Assert.All(mean, v => Assert.Equal(0, v, 1e-12));
        Assert.All(std, v => Assert.Equal(1, v, 1e-12));
    }

    [Fact]
    public void Constant_column_is_reported_and_maps_to_zero()
    {
        var x = new double[] { 1, 5, 7, 2, 5, 9, 3, 5, 8 };
        var view = new ReadOnlyMatrixView<double>(x, 3, 3);
        foreach (ScalingMethod method in Enum.GetValues<ScalingMethod>())
        {
            FeatureScaler<double> scaler = FeatureScaler.Fit(view, method);
            Assert.Equal(new[] { 1 }, scaler.ConstantColumns);
            Assert.Equal(1.0, scaler.Scales[1]);
            double[] z = scaler.Transform(view);
            Assert.Equal(new[] { 0.0, 0.0, 0.0 }, new[] { z[1], z[4], z[7] });
            Assert.All(z, v => Assert.True(double.IsFinite(v)));
            double[] fresh = scaler.Transform(new ReadOnlyMatrixView<double>(new double[] { 0, 6, 0 }, 1, 3));
            Assert.Equal(1.0, fresh[1]);
        }
    }

    [Fact]
    public void Weights_learned_in_scaled_space_give_the_same_predictions_in_original_units()
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        FeatureScaler<double> scaler = FeatureScaler.Fit(Diabetes.View, ScalingMethod.ZScore);
        double[] z = scaler.Transform(Diabetes.View);
        GradientDescentResult<double> fit = LinearRegression.Fit(new ReadOnlyMatrixView<double>(z, m, n), Diabetes.Y, new GradientDescentOptions { LearningRate = 0.1, Iterations = 50 });
        (double[] w, double b) = scaler.ToOriginalUnits(fit);
        (double[] w2, double b2) = scaler.ToOriginalUnits(fit.Weights.ToArray(), fit.Bias);
        Assert.Equal(w, w2);
        Assert.Equal(b, b2);
        for (int i = 0; i < m; i++)
        {
            double scaled = Reference.Score(z, n, i, fit.Weights.ToArray(), fit.Bias);
            double original = Reference.Score(Diabetes.X, n, i, w, b);

            // Both are sums of ~n + 1 terms of size ≤ |prediction| + Σ|wⱼoⱼ/sⱼ| ≈ 1e3: a few 1e−13 absolute.
            Assert.Equal(scaled, original, 1e-9);
        }
    }

    [Fact]
    public void Errors_name_the_argument_row_and_column()
    {
        var e = Assert.Throws<ArgumentException>(() => FeatureScaler.Fit(new ReadOnlyMatrixView<double>(new double[] { 1, 2, 3, double.PositiveInfinity }, 2, 2), ScalingMethod.MinMax));
        Assert.StartsWith("'x' holds Infinity at row 1, column 1; the data must be finite (no NaN or ∞).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => FeatureScaler.Fit(new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 3), ScalingMethod.ZScore));
        Assert.StartsWith("'x' has no rows (0×3); at least one example is needed.", e.Message, StringComparison.Ordinal);
        FeatureScaler<double> scaler = FeatureScaler.Fit(Diabetes.View, ScalingMethod.ZScore);
        e = Assert.Throws<ArgumentException>(() => scaler.Transform(new ReadOnlyMatrixView<double>(new double[4], 1, 4)));
        Assert.StartsWith("'x' has 4 columns but the scaler was fitted on 10.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => scaler.InverseTransform(new ReadOnlyMatrixView<double>(new double[4], 1, 4)));
        Assert.Equal("z", e.ParamName);
        Assert.StartsWith("'z' has 4 columns but the scaler was fitted on 10.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => scaler.InverseTransform(new ReadOnlyMatrixView<double>(new double[10], 1, 10), new MatrixView<double>(new double[20], 2, 10)));
        Assert.StartsWith("'destination' is 2×10 but must be 1×10.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => scaler.ToOriginalUnits(new double[3], 0));
        Assert.StartsWith("'weights' has 3 elements but must have 10 (one weight per scaled column).", e.Message, StringComparison.Ordinal);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => FeatureScaler.Fit(Diabetes.View, (ScalingMethod)42));
        Assert.StartsWith("Unknown scaling method.", range.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, 664)]
    [InlineData(1.37, 700)]
    [InlineData(1.0, 996)]
    [InlineData(1.0, -565)]
    [InlineData(1.61, -900)]
    [InlineData(1.0, -1020)]
    public void Extreme_magnitudes_scale_like_ordinary_ones(double mantissa, int exponent)
    {
        double unit = Math.ScaleB(mantissa, exponent);
        // Columns k·unit scale to exactly what columns k scale to (the statistics are homogeneous in a power of two, and
        // nearly so otherwise): σ neither overflows for huge values nor underflows for tiny spreads.
        double[] ordinary = [1, 2, 3, 4, 6, 7];
        double[] extreme = Array.ConvertAll(ordinary, v => v * unit);
        foreach (ScalingMethod method in Enum.GetValues<ScalingMethod>())
        {
            double[] expected = FeatureScaler.Fit(new ReadOnlyMatrixView<double>(ordinary, 6, 1), method).Transform(new ReadOnlyMatrixView<double>(ordinary, 6, 1));
            FeatureScaler<double> scaler = FeatureScaler.Fit(new ReadOnlyMatrixView<double>(extreme, 6, 1), method);
            Assert.Empty(scaler.ConstantColumns);
            Assert.True(double.IsFinite(scaler.Scales[0]) && scaler.Scales[0] > 0, $"{method}: scale {scaler.Scales[0]}");
            double[] actual = scaler.Transform(new ReadOnlyMatrixView<double>(extreme, 6, 1));
            for (int i = 0; i < expected.Length; i++)
            {
                // The inputs k·unit are themselves rounded when the mantissa is not 1.
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-13 * 8, $"{method} row {i}: {actual[i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void A_column_wider_than_the_type_is_an_error_naming_it()
    {
        double[] data = [0, 1e308, 1, -1e308];
        var e = Assert.Throws<ArgumentException>(() => FeatureScaler.Fit(new ReadOnlyMatrixView<double>(data, 2, 2), ScalingMethod.ZScore));
        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("'x' column 1 spans [-1E+308, 1E+308], whose width overflows Double: the column cannot be scaled (x − offset would be ∞). Divide the column by a constant first.", e.Message, StringComparison.Ordinal);
        float[] floats = [3e38f, -3e38f];
        e = Assert.Throws<ArgumentException>(() => FeatureScaler.Fit(new ReadOnlyMatrixView<float>(floats, 2, 1), ScalingMethod.MinMax));
        Assert.Contains("whose width overflows Single", e.Message, StringComparison.Ordinal);

        // Huge values of one sign are fine: ±1e308 columns no longer turn into NaN.
        double[] huge = [1e308, 1.5e308, 1.7e308];
        FeatureScaler<double> scaler = FeatureScaler.Fit(new ReadOnlyMatrixView<double>(huge, 3, 1), ScalingMethod.ZScore);
        double[] z = scaler.Transform(new ReadOnlyMatrixView<double>(huge, 3, 1));
        Assert.All(z, v => Assert.True(double.IsFinite(v) && v != 0));
        Assert.True(Math.Abs(z.Sum()) < 1e-12);
    }
}
