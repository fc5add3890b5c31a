using System;

namespace Simd.Cli.Bench;

/// <summary>The timing of one implementation: the median time per call and how much the batches varied.</summary>
/// <param name="MedianNanoseconds">The median over the timed batches of the time per call.</param>
/// <param name="Spread">
/// The interquartile range of the batches relative to the median ((p75 − p25) / median; with fewer than 4 batches,
/// (max − min) / median): 0.02 means the middle half of the batches lay within 2 % of each other.
/// </param>
internal sealed record Measurement(double MedianNanoseconds, double Spread)
{
    /// <summary>The median and spread of <paramref name="times"/> (nanoseconds per call of each batch).</summary>
    public static Measurement Of(double[] times)
    {
        double[] sorted = (double[])times.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        double width = n >= 4 ? Quantile(sorted, 0.75) - Quantile(sorted, 0.25) : sorted[^1] - sorted[0];
        return new Measurement(median, median > 0 ? width / median : 0);
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
