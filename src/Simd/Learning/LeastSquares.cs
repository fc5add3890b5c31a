using System;

namespace Simd.Learning;

/// <summary>
/// Least squares by Householder QR of A = [1 | X] (intercept column first), in double. QR is used rather
/// than Cholesky of AᵀA because forming AᵀA squares the condition number.
/// </summary>
internal static class LeastSquares
{
    /// <summary>
    /// A column whose part orthogonal to the columns before it has at most this norm, relative to the
    /// column's own norm, makes the system rank-deficient (cond(A) ≳ 10¹⁰ leaves fewer than 6 reliable digits in double).
    /// </summary>
    public const double RankTolerance = 1e-10;

    public static LeastSquaresSolution Solve(ReadOnlyMatrixView<double> x, ReadOnlySpan<double> y)
    {
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireLength(y.Length, x.Rows, nameof(y), "one target per row of x");
        LearningArguments.RequireFinite(x, nameof(x));
        LearningArguments.RequireFinite(y, nameof(y), "row");
        int m = x.Rows, n = x.Columns, p = n + 1;
        if (m < p)
        {
            throw new ArgumentException(
                $"'x' has {m} rows but the model has {p} unknowns ({n} weights and the bias); least squares needs at least as many rows as unknowns.",
                nameof(x));
        }

        // Column-major copy of A with each column scaled to unit norm, so the rank test is relative per column.
        var a = new double[m * p];
        var scale = new double[p];
        ReadOnlySpan<double> data = x.Memory.Span;
        for (int i = 0; i < m; i++)
        {
            a[i] = 1.0;
            for (int j = 0; j < n; j++)
            {
                a[((j + 1) * m) + i] = data[(i * x.Stride) + j];
            }
        }

        for (int k = 0; k < p; k++)
        {
            Span<double> column = a.AsSpan(k * m, m);
            double norm = Norm(column);
            if (norm == 0)
            {
                throw RankDeficient(k);
            }

            scale[k] = norm;
            foreach (ref double v in column)
            {
                v /= norm;
            }
        }

        var qty = y.ToArray();
        var diagonal = new double[p];
        for (int k = 0; k < p; k++)
        {
            Span<double> ak = a.AsSpan((k * m) + k, m - k);
            double alpha = Norm(ak);
            if (alpha <= RankTolerance)
            {
                throw RankDeficient(k);
            }

            // Householder vector v = ak + sign(ak0)·‖ak‖·e1 (the sign avoids cancellation), stored in ak.
            if (ak[0] < 0)
            {
                alpha = -alpha;
            }

            ak[0] += alpha;
            double vtv = alpha * ak[0];
            diagonal[k] = -alpha;
            for (int j = k + 1; j < p; j++)
            {
                Apply(ak, a.AsSpan((j * m) + k, m - k), vtv);
            }

            Apply(ak, qty.AsSpan(k, m - k), vtv);
        }

        // Back substitution R β = Qᵀy, then undo the column scaling.
        var beta = new double[p];
        for (int k = p - 1; k >= 0; k--)
        {
            double s = qty[k];
            for (int j = k + 1; j < p; j++)
            {
                s -= a[(j * m) + k] * beta[j];
            }

            beta[k] = s / diagonal[k];
        }

        var weights = new double[n];
        for (int j = 0; j < n; j++)
        {
            weights[j] = beta[j + 1] / scale[j + 1];
        }

        double bias = beta[0] / scale[0];
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            double f = bias;
            for (int j = 0; j < n; j++)
            {
                f += weights[j] * data[(i * x.Stride) + j];
            }

            double e = f - y[i];
            sum += e * e;
        }

        return new LeastSquaresSolution(weights, bias, sum / (2.0 * m));
    }

    /// <summary>target ← (I − v vᵀ / vtv)·target.</summary>
    private static void Apply(ReadOnlySpan<double> v, Span<double> target, double vtv)
    {
        double dot = 0;
        for (int i = 0; i < v.Length; i++)
        {
            dot += v[i] * target[i];
        }

        double f = dot / vtv;
        for (int i = 0; i < v.Length; i++)
        {
            target[i] -= f * v[i];
        }
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        // Scaled to avoid overflow/underflow of the squares.
        double max = 0;
        foreach (double e in v)
        {
            max = Math.Max(max, Math.Abs(e));
        }

        if (max == 0)
        {
            return 0;
        }

        double s = 0;
        foreach (double e in v)
        {
            double t = e / max;
            s += t * t;
        }

        return max * Math.Sqrt(s);
    }

    /// <summary>The error for column <paramref name="k"/> ≥ 1 of A (feature k − 1); the intercept column, first, has norm √m &gt; 0.</summary>
    private static ArgumentException RankDeficient(int k)
        => new ArgumentException(
            $"The least-squares system is singular (X is rank-deficient): column {k - 1} of 'x' is, to within a relative {RankTolerance:G2}, a linear combination of the intercept"
            + (k > 1 ? $" and columns 0–{k - 2}" : string.Empty)
            + (k == 1 ? " (it is constant)" : string.Empty)
            + ". Remove or combine that column, or use gradient descent with L2 regularisation.",
            "x");
}
