using System;
using System.Collections.Generic;

namespace Simd.Cli.Plot;

/// <summary>Round tick values (1, 2 or 5 times a power of ten) for a linear axis, and decades for a log axis.</summary>
internal static class AxisTicks
{
    /// <summary>About <paramref name="target"/> round values covering [<paramref name="min"/>, <paramref name="max"/>], and the widened range they span.</summary>
    public static (double Low, double High, List<double> Ticks) Linear(double min, double max, int target = 5)
    {
        if (max <= min)
        {
            // A flat curve still needs a visible range: pad by 1 % of the value (or 1 around zero).
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.01;
            min -= pad;
            max += pad;
        }

        double raw = (max - min) / target;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch
        {
            <= 1 => magnitude,
            <= 2 => 2 * magnitude,
            <= 5 => 5 * magnitude,
            _ => 10 * magnitude,
        };

        double low = Math.Floor(min / step) * step;
        double high = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (int i = 0; low + (i * step) <= high + (step / 2); i++)
        {
            ticks.Add(low + (i * step));
        }

        return (low, high, ticks);
    }

    /// <summary>The decades covering [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0), as base-10 exponents.</summary>
    public static (double LowExponent, double HighExponent, List<double> Ticks) Log(double min, double max)
    {
        double low = Math.Floor(Math.Log10(min));
        double high = Math.Ceiling(Math.Log10(max));
        if (high <= low)
        {
            high = low + 1;
        }

        var ticks = new List<double>();
        for (double e = low; e <= high; e++)
        {
            ticks.Add(e);
        }

        return (low, high, ticks);
    }
}
