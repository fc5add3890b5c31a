using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class LeastSquaresTests
{
    private static readonly Dataset Diabetes = Dataset.Diabetes;

    /// <summary>
    /// Reference: the normal equation [X 1]ᵀ[X 1]·β = [X 1]ᵀy on z-scored columns (which keeps cond(AᵀA) small,
    /// ~10³ for diabetes), solved by Gauss–Jordan elimination with partial pivoting, then mapped back to
    /// original units. A different algorithm from the library's Householder QR on raw columns.
    /// </summary>
    private static (double[] W, double B) NormalEquation(double[] x, double[] y, int m, int n)
    {
        (double[] mean, double[] std, _, _) = Reference.ColumnStatistics(x, m, n);
        double[] z = Reference.ZScore(x, m, n);
        int p = n + 1;
        var a = new double[p, p + 1];
        for (int i = 0; i < m; i++)
        {
            for (int r = 0; r < p; r++)
            {
                double ar = r < n ? z[(i * n) + r] : 1;
                for (int c = 0; c < p; c++)
                {
                    a[r, c] += ar * (c < n ? z[(i * n) + c] : 1);
                }

                a[r, p] += ar * y[i];
            }
        }

        for (int k = 0; k < p; k++)
        {
            int pivot = Enumerable.Range(k, p - k).MaxBy(r => Math.Abs(a[r, k]));
            for (int c = 0; c <= p; c++)
            {
                (a[k, c], a[pivot, c]) = (a[pivot, c], a[k, c]);
            }

            for (int r = 0; r < p; r++)
            {
                if (r != k)
                {
                    double f = a[r, k] / a[k, k];
                    for (int c = k; c <= p; c++)
                    {
                        a[r, c] -= f * a[k, c];
                    }
                }
            }
        }

        var w = new double[n];
        double b = a[n, p] / a[n, n];
        for (int j = 0; j < n; j++)
        {
            w[j] = a[j, p] / a[j, j] / std[j];
            b -= w[j] * mean[j];
        }

        return (w, b);
    }

    [Fact]
    public void Diabetes_solution_matches_the_normal_equation_and_is_optimal()
    {
        int m = Diabetes.Rows, n = Diabetes.Columns;
        LeastSquaresSolution solution = LinearRegression.SolveLeastSquares(Diabetes.View, Diabetes.Y);
        (double[] w, double b) = NormalEquation(Diabetes.X, Diabetes.Y, m, n);

        // Forward error of either method ≲ cond·u with cond(A on scaled columns) ≈ 30 and cond(AᵀA) ≈ 10³:
        // ~1e−13 relative to ‖β‖; 1e−8 relative per weight leaves margin for the small weights.
        double scale = w.Max(Math.Abs);
        for (int j = 0; j < n; j++)
        {
            Assert.Equal(w[j], solution.Weights[j], 1e-8 * scale);
        }

        Assert.Equal(b, solution.Bias, 1e-8 * Math.Abs(b));

        // Optimality: the residual r is orthogonal to every column and to 1, up to rounding of the sums
        // (≈ m·u·Σ|xᵢⱼ rᵢ|).
        var r = new double[m];
        for (int i = 0; i < m; i++)
        {
            r[i] = Reference.Score(Diabetes.X, n, i, solution.Weights.ToArray(), solution.Bias) - Diabetes.Y[i];
        }

        for (int j = 0; j < n; j++)
        {
            double dot = 0, magnitude = 0;
            for (int i = 0; i < m; i++)
            {
                dot += Diabetes.X[(i * n) + j] * r[i];
                magnitude += Math.Abs(Diabetes.X[(i * n) + j] * r[i]);
            }

            Assert.True(Math.Abs(dot) <= 1e-10 * magnitude, $"column {j}: Xᵀr = {dot}");
        }

        double cost = r.Sum(v => v * v) / (2.0 * m);
        Assert.Equal(cost, solution.Cost, 1e-12 * cost);

        // No descent can beat it: the gradient-descent cost on the same data approaches it from above.
        FeatureScaler<double> scaler = FeatureScaler.Fit(Diabetes.View, ScalingMethod.ZScore);
        double[] z = scaler.Transform(Diabetes.View);
        GradientDescentResult<double> fit = LinearRegression.Fit(new ReadOnlyMatrixView<double>(z, m, n), Diabetes.Y, new GradientDescentOptions { LearningRate = 0.15, Iterations = 3000 });
        Assert.True(fit.FinalCost >= solution.Cost * (1 - 1e-12));
        Assert.True(fit.FinalCost <= solution.Cost * 1.01);
    }

    [Fact]
    public void Exact_data_is_recovered()
    {
        // y = 2·x0 − 3·x1 + 0.5 exactly.
        var x = new double[] { 1, 2, 3, 5, -1, 4, 0, 0, 2, -2 };
        var y = new double[5];
        for (int i = 0; i < 5; i++)
        {
            y[i] = (2 * x[2 * i]) - (3 * x[(2 * i) + 1]) + 0.5;
        }

        LeastSquaresSolution s = LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(x, 5, 2), y);
        Assert.Equal(2, s.Weights[0], 1e-13);
        Assert.Equal(-3, s.Weights[1], 1e-13);
        Assert.Equal(0.5, s.Bias, 1e-13);
        Assert.Equal(0, s.Cost, 1e-25);
    }

    [Fact]
    public void Dependent_column_is_named()
    {
        // Column 2 = column 0 + 2·column 1.
        var x = new double[] { 1, 2, 5, 3, 1, 5, 0, 4, 8, 2, 2, 6, 7, 1, 9 };
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(x, 5, 3), new double[5]));
        Assert.Equal("x", e.ParamName);
        Assert.StartsWith(
            "The least-squares system is singular (X is rank-deficient): column 2 of 'x' is, to within a relative 1E-10, a linear combination of the intercept and columns 0–1. Remove or combine that column, or use gradient descent with L2 regularisation.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_column_is_named()
    {
        var x = new double[] { 4, 1, 4, 2, 4, 3 };
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(x, 3, 2), new double[3]));
        Assert.StartsWith(
            "The least-squares system is singular (X is rank-deficient): column 0 of 'x' is, to within a relative 1E-10, a linear combination of the intercept (it is constant).",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_and_bad_data_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(new double[6], 2, 3), new double[2]));
        Assert.StartsWith("'x' has 2 rows but the model has 4 unknowns (3 weights and the bias); least squares needs at least as many rows as unknowns.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(new double[6], 3, 2), new[] { 1.0, double.NaN, 2.0 }));
        Assert.StartsWith("'y' holds NaN at row 1; the values must be finite (no NaN or ∞).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LinearRegression.SolveLeastSquares(new ReadOnlyMatrixView<double>(new double[6], 3, 2), new double[4]));
        Assert.StartsWith("'y' has 4 elements but must have 3 (one target per row of x).", e.Message, StringComparison.Ordinal);
    }
}
