using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Simd.Learning;

/// <summary>
/// Feature scaling fitted on training data and applied to any rows: zⱼ = (xⱼ − offsetⱼ) / scaleⱼ, and back:
/// xⱼ = zⱼ · scaleⱼ + offsetⱼ. Create one with <see cref="FeatureScaler.Fit{T}"/>.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class FeatureScaler<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[] offsets;
    private readonly double[] scales;
    private readonly T[] offsetsT;
    private readonly T[] scalesT;

    internal FeatureScaler(ScalingMethod method, double[] offsets, double[] scales)
    {
        Method = method;
        this.offsets = offsets;
        var constant = new List<int>();
        for (int j = 0; j < scales.Length; j++)
        {
            if (scales[j] == 0)
            {
                constant.Add(j);
                scales[j] = 1;
            }
        }

        this.scales = scales;
        ConstantColumns = constant.ToArray();
        offsetsT = Array.ConvertAll(offsets, T.CreateTruncating);
        scalesT = Array.ConvertAll(scales, T.CreateTruncating);
    }

    /// <summary>The scaling that was fitted.</summary>
    public ScalingMethod Method { get; }

    /// <summary>The number of feature columns.</summary>
    public int Columns => offsets.Length;

    /// <summary>Per column, the value subtracted: μ (z-score, mean normalisation) or min (min-max), computed in double.</summary>
    public IReadOnlyList<double> Offsets => offsets;

    /// <summary>Per column, the divisor: σ (z-score, ddof = 0) or max − min; 1 for a constant column.</summary>
    public IReadOnlyList<double> Scales => scales;

    /// <summary>The columns that were constant in the training data (scale 0): they are given scale 1, so they map to 0.</summary>
    public IReadOnlyList<int> ConstantColumns { get; }

    /// <summary>Scales <paramref name="x"/> into <paramref name="destination"/> (which may be the same view, for in place).</summary>
    /// <param name="x">m×n rows with this scaler's n columns.</param>
    /// <param name="destination">An m×n matrix: the same view as <paramref name="x"/> or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">Wrong column count, shapes differ, the destination partly overlaps <paramref name="x"/>, or NaN/∞ in <paramref name="x"/> (row and column are named).</exception>
    public void Transform(ReadOnlyMatrixView<T> x, MatrixView<T> destination)
    {
        CheckShapes(x, destination, nameof(x));
        LearningArguments.RequireFinite(x, nameof(x));
        for (int i = 0; i < x.Rows; i++)
        {
            // Per row, the generated map of LearningKernels.Scaled with the offsets and scales as lanes.
            if (typeof(T) == typeof(float))
            {
                LearningKernels.Scaled(AsFloat(x.Row(i)), AsFloat(offsetsT), AsFloat(scalesT), MemoryMarshal.Cast<T, float>(destination.Row(i)));
            }
            else
            {
                LearningKernels.Scaled(AsDouble(x.Row(i)), AsDouble(offsetsT), AsDouble(scalesT), MemoryMarshal.Cast<T, double>(destination.Row(i)));
            }
        }
    }

    /// <summary>Scales <paramref name="x"/> into a new dense m×n array (row-major).</summary>
    /// <param name="x">m×n rows with this scaler's n columns.</param>
    /// <returns>The scaled rows.</returns>
    /// <exception cref="ArgumentException">Wrong column count or NaN/∞ in <paramref name="x"/>.</exception>
    public T[] Transform(ReadOnlyMatrixView<T> x)
    {
        var result = new T[x.Rows * x.Columns];
        Transform(x, new MatrixView<T>(result, x.Rows, x.Columns));
        return result;
    }

    /// <summary>Maps scaled rows back to original units: x = z · scale + offset (may be in place).</summary>
    /// <param name="z">m×n scaled rows.</param>
    /// <param name="destination">An m×n matrix: the same view as <paramref name="z"/> or one sharing no element with it.</param>
    /// <exception cref="ArgumentException">Wrong column count, shapes differ, the destination partly overlaps <paramref name="z"/>, or NaN/∞ in <paramref name="z"/>.</exception>
    public void InverseTransform(ReadOnlyMatrixView<T> z, MatrixView<T> destination)
    {
        CheckShapes(z, destination, nameof(z));
        LearningArguments.RequireFinite(z, nameof(z));
        for (int i = 0; i < z.Rows; i++)
        {
            if (typeof(T) == typeof(float))
            {
                LearningKernels.Unscaled(AsFloat(z.Row(i)), AsFloat(offsetsT), AsFloat(scalesT), MemoryMarshal.Cast<T, float>(destination.Row(i)));
            }
            else
            {
                LearningKernels.Unscaled(AsDouble(z.Row(i)), AsDouble(offsetsT), AsDouble(scalesT), MemoryMarshal.Cast<T, double>(destination.Row(i)));
            }
        }
    }

    /// <summary>Maps scaled rows back to original units into a new dense m×n array.</summary>
    /// <param name="z">m×n scaled rows.</param>
    /// <returns>The rows in original units.</returns>
    public T[] InverseTransform(ReadOnlyMatrixView<T> z)
    {
        var result = new T[z.Rows * z.Columns];
        InverseTransform(z, new MatrixView<T>(result, z.Rows, z.Columns));
        return result;
    }

    /// <summary>
    /// Turns a linear model learned on scaled features into the same model on original features:
    /// w·z + b = Σⱼ (wⱼ/sⱼ)·xⱼ + (b − Σⱼ wⱼ·oⱼ/sⱼ), so wⱼ ← wⱼ/sⱼ and b ← b − Σⱼ wⱼ·oⱼ/sⱼ (computed in double).
    /// Predictions agree for every x, including new ones.
    /// </summary>
    /// <param name="weights">w in scaled space, n values.</param>
    /// <param name="bias">b in scaled space.</param>
    /// <returns>The weights and bias in original units.</returns>
    /// <exception cref="ArgumentException">The number of weights is not n.</exception>
    public (double[] Weights, double Bias) ToOriginalUnits(ReadOnlySpan<T> weights, T bias)
    {
        LearningArguments.RequireLength(weights.Length, Columns, nameof(weights), "one weight per scaled column");
        var w = new double[Columns];
        double b = double.CreateTruncating(bias);
        for (int j = 0; j < Columns; j++)
        {
            w[j] = double.CreateTruncating(weights[j]) / scales[j];
            b -= w[j] * offsets[j];
        }

        return (w, b);
    }

    /// <summary>The model of <paramref name="fit"/> (learned on scaled features) in original units; see <see cref="ToOriginalUnits(ReadOnlySpan{T}, T)"/>.</summary>
    /// <param name="fit">A gradient-descent result on features scaled by this scaler.</param>
    /// <returns>The weights and bias in original units.</returns>
    public (double[] Weights, double Bias) ToOriginalUnits(GradientDescentResult<T> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var w = new T[fit.Weights.Count];
        for (int j = 0; j < w.Length; j++)
        {
            w[j] = fit.Weights[j];
        }

        return ToOriginalUnits(w, fit.Bias);
    }

    private static ReadOnlySpan<float> AsFloat(ReadOnlySpan<T> values) => MemoryMarshal.Cast<T, float>(values);

    private static ReadOnlySpan<double> AsDouble(ReadOnlySpan<T> values) => MemoryMarshal.Cast<T, double>(values);

    private void CheckShapes(ReadOnlyMatrixView<T> x, MatrixView<T> destination, string name)
    {
        if (x.Columns != Columns)
        {
            throw new ArgumentException($"'{name}' has {x.Columns} columns but the scaler was fitted on {Columns}.", name);
        }

        LearningArguments.RequireMatrixShape(destination, x.Rows, x.Columns, nameof(destination));
        Overlap.RequireSeparateOrInPlace(x, name, destination, nameof(destination));
    }
}
