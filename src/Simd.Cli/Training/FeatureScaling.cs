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
        var x = new ReadOnlyMatrixView<T>(Array.ConvertAll(data.Features, T.CreateTruncating), data.Rows, data.FeatureCount);
        FeatureScaler<T>? scaler = scaling switch
        {
            ScalingKind.ZScore => FeatureScaler.Fit(x, ScalingMethod.ZScore),
            ScalingKind.MinMax => FeatureScaler.Fit(x, ScalingMethod.MinMax),
            ScalingKind.MeanNorm => FeatureScaler.Fit(x, ScalingMethod.MeanNormalization),
            _ => null,
        };
        return scaler is null ? (null, x) : (scaler, new ReadOnlyMatrixView<T>(scaler.Transform(x), data.Rows, data.FeatureCount));
    }

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
