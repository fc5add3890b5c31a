using System;
using System.Numerics;
using Simd.Cli.Data;
using Simd.Learning;

namespace Simd.Cli.Training;

/// <summary>Fits the scaler <c>--scale</c> asks for and applies it, for every trainer.</summary>
internal static class FeatureScaling
{
    /// <summary>The features of <paramref name="data"/> as <typeparamref name="T"/>, scaled; the scaler is <see langword="null"/> for <c>--scale none</c>.</summary>
    public static (FeatureScaler<T>? Scaler, ReadOnlyMatrixView<T> Scaled) Apply<T>(DataSet data, ScalingKind scaling)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Double data are used as read (no copy); float data are converted once, after checking every value fits.
        var x = new ReadOnlyMatrixView<T>(typeof(T) == typeof(double) ? (T[])(object)data.Features : Converted<T>(data), data.Rows, data.FeatureCount);
        FeatureScaler<T>? scaler = scaling switch
        {
            ScalingKind.ZScore => FeatureScaler.Fit(x, ScalingMethod.ZScore),
            ScalingKind.MinMax => FeatureScaler.Fit(x, ScalingMethod.MinMax),
            ScalingKind.MeanNorm => FeatureScaler.Fit(x, ScalingMethod.MeanNormalization),
            _ => null,
        };
        return scaler is null ? (null, x) : (scaler, new ReadOnlyMatrixView<T>(scaler.Transform(x), data.Rows, data.FeatureCount));
    }

    /// <summary>The targets of <paramref name="data"/> as <typeparamref name="T"/>, each checked to fit.</summary>
    public static T[] Targets<T>(DataSet data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return (T[])(object)data.Target;
        }

        var target = new T[data.Rows];
        for (int r = 0; r < target.Length; r++)
        {
            target[r] = T.CreateTruncating(data.Target[r]);
            if (!T.IsFinite(target[r]))
            {
                (int line, int column) = data.TargetCell(r);
                throw OutOfRange<T>(data, line, column, data.Target[r], data.TargetName);
            }
        }

        return target;
    }

    private static T[] Converted<T>(DataSet data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new T[data.Features.Length];
        int n = data.FeatureCount;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = T.CreateTruncating(data.Features[i]);
            if (!T.IsFinite(x[i]))
            {
                (int line, int column) = data.FeatureCell(i / n, i % n);
                throw OutOfRange<T>(data, line, column, data.Features[i], data.FeatureNames[i % n]);
            }
        }

        return x;
    }

    private static DataFormatException OutOfRange<T>(DataSet data, int line, int column, double value, string name)
        => new(
            data.Source,
            line,
            Math.Max(column, 1),
            $"{value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} in column '{name}' is outside the range of {(typeof(T) == typeof(float) ? "float (±3.4e38)" : typeof(T).Name)}; use --precision double");

    /// <summary>Converts weights learned on scaled features to original units (unchanged without a scaler).</summary>
    public static (double[] Weights, double Bias) ToOriginalUnits<T>(FeatureScaler<T>? scaler, double[] scaledWeights, double scaledBias)
        where T : unmanaged, IFloatingPointIeee754<T>
        => scaler is null
            ? (scaledWeights, scaledBias)
            : scaler.ToOriginalUnits(Array.ConvertAll(scaledWeights, T.CreateTruncating), T.CreateTruncating(scaledBias));

    /// <summary>Widens <paramref name="values"/> to double.</summary>
    public static double[] ToDouble<T>(System.Collections.Generic.IReadOnlyList<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = double.CreateTruncating(values[i]);
        }

        return result;
    }
}
