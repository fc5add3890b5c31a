using System;
using System.Numerics;

namespace Simd.Learning;

/// <summary>Fits a <see cref="FeatureScaler{T}"/> to training data.</summary>
public static class FeatureScaler
{
    /// <summary>
    /// Computes each column's offset and scale from <paramref name="x"/> (in double, mean by a two-pass sum):
    /// z-score (μ, σ with ddof = 0), min-max (min, max − min) or mean normalisation (μ, max − min).
    /// A column whose scale is 0 (a constant column) gets scale 1 instead, so its training values map to
    /// exactly 0 and new values to x − offset; such columns are listed in <see cref="FeatureScaler{T}.ConstantColumns"/>.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n training features, m ≥ 1.</param>
    /// <param name="method">The scaling.</param>
    /// <returns>The fitted scaler.</returns>
    /// <exception cref="ArgumentException">X has no rows or holds NaN/∞ (row and column are named).</exception>
    public static FeatureScaler<T> Fit<T>(ReadOnlyMatrixView<T> x, ScalingMethod method)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireFinite(x, nameof(x));
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown scaling method.");
        }

        int m = x.Rows, n = x.Columns;
        var mean = new double[n];
        var min = new double[n];
        var max = new double[n];
        var sumSquares = new double[n];
        min.AsSpan().Fill(double.PositiveInfinity);
        max.AsSpan().Fill(double.NegativeInfinity);
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double v = double.CreateTruncating(row[j]);
                mean[j] += v;
                min[j] = Math.Min(min[j], v);
                max[j] = Math.Max(max[j], v);
            }
        }

        for (int j = 0; j < n; j++)
        {
            mean[j] /= m;
        }

        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double d = double.CreateTruncating(row[j]) - mean[j];
                sumSquares[j] += d * d;
            }
        }

        var offsets = new double[n];
        var scales = new double[n];
        for (int j = 0; j < n; j++)
        {
            (offsets[j], scales[j]) = method switch
            {
                ScalingMethod.ZScore => (mean[j], Math.Sqrt(sumSquares[j] / m)),
                ScalingMethod.MinMax => (min[j], max[j] - min[j]),
                _ => (mean[j], max[j] - min[j]),
            };

            // A constant column: x − μ is 0 up to rounding, and for z-score σ may come out as a rounding residue.
            if (max[j] == min[j])
            {
                scales[j] = 0;
            }
        }

        return new FeatureScaler<T>(method, offsets, scales);
    }
}
