using System;
using System.Numerics;

namespace Simd.Learning;

/// <summary>Fits a <see cref="FeatureScaler{T}"/> to training data.</summary>
public static class FeatureScaler
{
    /// <summary>
    /// Computes each column's offset and scale from <paramref name="x"/> (in double, mean by a two-pass sum, each column
    /// scaled by a power of two so that no sum or square overflows or underflows, for any finite data):
    /// z-score (μ, σ with ddof = 0), min-max (min, max − min) or mean normalisation (μ, max − min).
    /// A column whose scale is 0 (a constant column) gets scale 1 instead, so its training values map to
    /// exactly 0 and new values to x − offset; such columns are listed in <see cref="FeatureScaler{T}.ConstantColumns"/>.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n training features, m ≥ 1.</param>
    /// <param name="method">The scaling.</param>
    /// <returns>The fitted scaler.</returns>
    /// <exception cref="ArgumentException">X has no rows, holds NaN/∞ (row and column are named), or a column's width max − min
    /// overflows <typeparamref name="T"/> (the column is named).</exception>
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
        var min = new double[n];
        var max = new double[n];
        min.AsSpan().Fill(double.PositiveInfinity);
        max.AsSpan().Fill(double.NegativeInfinity);
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double v = double.CreateTruncating(row[j]);
                min[j] = Math.Min(min[j], v);
                max[j] = Math.Max(max[j], v);
            }
        }

        // Each column is summed scaled by a power of two 2^-e that brings its largest magnitude into [1, 2):
        // exact (a power of two only moves the exponent), so ordinary data gives the same bits as summing the
        // values themselves, but the sums and squares can neither overflow (values near 1e154 and beyond) nor
        // underflow (spreads below 1e-154), which would make σ ∞ or 0.
        var exponent = new int[n];
        for (int j = 0; j < n; j++)
        {
            double largest = Math.Max(Math.Abs(min[j]), Math.Abs(max[j]));
            exponent[j] = largest == 0 ? 0 : Math.ILogB(largest);
            if (!T.IsFinite(T.CreateTruncating(max[j] - min[j])))
            {
                throw new ArgumentException(
                    $"'{nameof(x)}' column {j} spans [{LearningArguments.Format(min[j])}, {LearningArguments.Format(max[j])}], whose width overflows {typeof(T).Name}: "
                    + "the column cannot be scaled (x − offset would be ∞). Divide the column by a constant first.",
                    nameof(x));
            }
        }

        var mean = new double[n];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                mean[j] += Math.ScaleB(double.CreateTruncating(row[j]), -exponent[j]);
            }
        }

        for (int j = 0; j < n; j++)
        {
            mean[j] /= m;
        }

        var sumSquares = new double[n];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double d = Math.ScaleB(double.CreateTruncating(row[j]), -exponent[j]) - mean[j];
                sumSquares[j] += d * d;
            }
        }

        var offsets = new double[n];
        var scales = new double[n];
        for (int j = 0; j < n; j++)
        {
            double mu = Math.ScaleB(mean[j], exponent[j]);
            (offsets[j], scales[j]) = method switch
            {
                ScalingMethod.ZScore => (mu, Math.ScaleB(Math.Sqrt(sumSquares[j] / m), exponent[j])),
                ScalingMethod.MinMax => (min[j], max[j] - min[j]),
                _ => (mu, max[j] - min[j]),
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
