using System;

namespace Simd.Cuda.Tests;

/// <summary>
/// The comparison device results are held to: the same bits, or both NaN. NaN payloads are not part of the
/// contract (a GPU returns one canonical NaN from arithmetic on a NaN, 0x7fffffff; x86 returns the quieted
/// input, e.g. .NET's float.NaN 0xffc00000), on the CPU as on the device; every other value, −0 included, is exact.
/// </summary>
internal static class Bits
{
    public static bool SameOrBothNaN(float expected, float actual)
        => BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual) || (float.IsNaN(expected) && float.IsNaN(actual));

    public static bool SameOrBothNaN(double expected, double actual)
        => BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual));

    /// <summary>"1.5 (0x3fc00000)": the value and its bits, for failure messages.</summary>
    public static string Show(float value) => FormattableString.Invariant($"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):x8})");

    /// <summary>"1.5 (0x3ff8000000000000)".</summary>
    public static string Show(double value) => FormattableString.Invariant($"{value:R} (0x{BitConverter.DoubleToUInt64Bits(value):x16})");
}
