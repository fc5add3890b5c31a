using System;
using System.Globalization;

namespace Simd.Optimization;

/// <summary>The hyper-parameter checks of the optimizers; every error is an <see cref="ArgumentOutOfRangeException"/> naming the argument.</summary>
internal static class OptimizerArguments
{
    public static double NonNegative(double value, string name, string what)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' ({what}) must be finite and ≥ 0; it is {Format(value)}.");
        }

        return value;
    }

    public static double Positive(double value, string name, string what)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' ({what}) must be finite and > 0; it is {Format(value)}.");
        }

        return value;
    }

    public static double Finite(double value, string name, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' ({what}) must be finite; it is {Format(value)}.");
        }

        return value;
    }

    /// <summary>A decay rate in [0, 1) (Adam's β₁, β₂).</summary>
    public static double UnitInterval(double value, string name, string what)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' ({what}) must be in [0, 1); it is {Format(value)}.");
        }

        return value;
    }

    /// <summary>A smoothing constant in [0, 1] (RMSprop's α).</summary>
    public static double ClosedUnitInterval(double value, string name, string what)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' ({what}) must be in [0, 1]; it is {Format(value)}.");
        }

        return value;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
