using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>
/// rouge-score's bootstrap aggregation: draw the corpus with replacement <c>samples</c> times, take the mean of
/// each value in every resample, and report percentiles of those means (linear interpolation, as NumPy's
/// <c>percentile</c>). The resamples come from a seeded <see cref="Random"/>, not NumPy's generator, so the
/// bounds agree with rouge-score's to within sampling noise, not digit for digit.
/// </summary>
internal static class RougeBootstrap
{
    private const int Values = 12; // 4 measures × (precision, recall, F)

    public static RougeConfidence Estimate(IReadOnlyList<RougeScores> scores, int samples, double confidence, int seed)
    {
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The bootstrap needs at least one resample (rouge-score draws 1000).");
        }

        if (!(confidence >= 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must lie in [0, 1), e.g. 0.95.");
        }

        int count = scores.Count;
        var random = new Random(seed);
        var means = new double[Values][];
        for (int v = 0; v < Values; v++)
        {
            means[v] = new double[samples];
        }

        double[] flat = new double[count * Values];
        for (int i = 0; i < count; i++)
        {
            Flatten(scores[i]).CopyTo(flat, i * Values);
        }

        var sum = new double[Values];
        for (int s = 0; s < samples; s++)
        {
            Array.Clear(sum);
            for (int i = 0; i < count; i++)
            {
                int row = random.Next(count) * Values;
                for (int v = 0; v < Values; v++)
                {
                    sum[v] += flat[row + v];
                }
            }

            for (int v = 0; v < Values; v++)
            {
                means[v][s] = sum[v] / count;
            }
        }

        double delta = (1 - confidence) / 2;
        var low = new double[Values];
        var mid = new double[Values];
        var high = new double[Values];
        for (int v = 0; v < Values; v++)
        {
            Array.Sort(means[v]);
            low[v] = Percentile(means[v], delta);
            mid[v] = Percentile(means[v], 0.5);
            high[v] = Percentile(means[v], 1 - delta);
        }

        return new RougeConfidence(Unflatten(low), Unflatten(mid), Unflatten(high), samples, confidence, seed);
    }

    /// <summary>The mean of each value over <paramref name="scores"/>.</summary>
    public static RougeScores Mean(IReadOnlyList<RougeScores> scores)
    {
        int count = scores.Count;
        var sum = new double[Values];
        for (int i = 0; i < count; i++)
        {
            double[] values = Flatten(scores[i]);
            for (int v = 0; v < Values; v++)
            {
                sum[v] += values[v];
            }
        }

        for (int v = 0; v < Values; v++)
        {
            sum[v] /= count;
        }

        return Unflatten(sum);
    }

    /// <summary>NumPy's default (linear) percentile of sorted values, for a fraction q in [0, 1].</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double t = position - below;
        return sorted[below] + ((sorted[above] - sorted[below]) * t);
    }

    private static double[] Flatten(RougeScores s) =>
    [
        s.Rouge1.Precision, s.Rouge1.Recall, s.Rouge1.FMeasure,
        s.Rouge2.Precision, s.Rouge2.Recall, s.Rouge2.FMeasure,
        s.RougeL.Precision, s.RougeL.Recall, s.RougeL.FMeasure,
        s.RougeLsum.Precision, s.RougeLsum.Recall, s.RougeLsum.FMeasure,
    ];

    private static RougeScores Unflatten(double[] v) => new(
        new RougeScore(v[0], v[1], v[2]),
        new RougeScore(v[3], v[4], v[5]),
        new RougeScore(v[6], v[7], v[8]),
        new RougeScore(v[9], v[10], v[11]));
}
