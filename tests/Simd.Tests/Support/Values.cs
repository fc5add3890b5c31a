using System;
using System.Numerics;

namespace Simd.Tests.Support;

/// <summary>Random inputs for kernel tests: ordinary values mixed with the special values that break vector code.</summary>
internal static class Values
{
    private static readonly float[] SpecialSingles =
    [
        float.NaN, 0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon,
        1.17549435e-38f, 1e-40f, float.MaxValue, float.MinValue, 1f, -1f, 3e38f, -3e38f,
    ];

    private static readonly double[] SpecialDoubles =
    [
        double.NaN, 0d, -0d, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
        2.2250738585072014e-308, 1e-310, double.MaxValue, double.MinValue, 1d, -1d, 1e308, -1e308,
    ];

    /// <summary>A float: mostly moderate, sometimes huge or tiny, and with <paramref name="specialOdds"/> a special value.</summary>
    public static float Single(Random random, double specialOdds)
    {
        if (random.NextDouble() < specialOdds)
        {
            return SpecialSingles[random.Next(SpecialSingles.Length)];
        }

        double magnitude = Math.Pow(10, (random.NextDouble() * 8) - 4);
        return (float)((random.NextDouble() - 0.5) * 2 * magnitude);
    }

    /// <summary>A double: mostly moderate, sometimes huge or tiny, and with <paramref name="specialOdds"/> a special value.</summary>
    public static double Double(Random random, double specialOdds)
    {
        if (random.NextDouble() < specialOdds)
        {
            return SpecialDoubles[random.Next(SpecialDoubles.Length)];
        }

        double magnitude = Math.Pow(10, (random.NextDouble() * 8) - 4);
        return (random.NextDouble() - 0.5) * 2 * magnitude;
    }

    /// <summary>Whether two results are the same: identical bits, or both NaN (payloads are not part of the contract).</summary>
    public static bool Same(float expected, float actual)
        => (float.IsNaN(expected) && float.IsNaN(actual)) || BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual);

    /// <inheritdoc cref="Same(float, float)"/>
    public static bool Same(double expected, double actual)
        => (double.IsNaN(expected) && double.IsNaN(actual)) || BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

    /// <summary>
    /// <see cref="Same(float, float)"/> for either type: equal non-zero values have identical bits, zeros must
    /// agree in sign, and any two NaNs match.
    /// </summary>
    public static bool Same<T>(T expected, T actual)
        where T : IFloatingPointIeee754<T>
        => (T.IsNaN(expected) && T.IsNaN(actual)) || (expected == actual && T.IsNegative(expected) == T.IsNegative(actual));
}
