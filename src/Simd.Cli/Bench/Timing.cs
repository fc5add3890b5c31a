using System;
using System.Diagnostics;

namespace Simd.Cli.Bench;

/// <summary>A small Stopwatch harness: warm up, then the median of several timed batches.</summary>
internal static class Timing
{
    // A batch this long makes Stopwatch resolution (tens of ns) and timer interrupts negligible.
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(2);

    /// <summary>The median time of one call of <paramref name="operation"/>, in nanoseconds.</summary>
    /// <param name="operation">The work to time.</param>
    /// <param name="repetitions">How many timed batches; the median is reported.</param>
    /// <param name="warmup">
    /// How long to call <paramref name="operation"/> before timing: long enough for tiered compilation to replace the
    /// quick first code with optimised code (it counts 30 calls after a 100 ms quiet period, then recompiles in the background).
    /// </param>
    public static double MedianNanoseconds(Action operation, int repetitions, TimeSpan warmup)
    {
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed < warmup || calls < 2)
        {
            operation();
            calls++;
        }

        // Size the batch from the last call's speed, not the warm-up average (the early calls ran unoptimised code).
        clock.Restart();
        operation();
        double oneCall = Math.Max(clock.Elapsed.TotalNanoseconds, 1);
        int batch = (int)Math.Clamp(BatchTarget.TotalNanoseconds / oneCall, 1, 1_000_000);

        var times = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            clock.Restart();
            for (int k = 0; k < batch; k++)
            {
                operation();
            }

            times[r] = clock.Elapsed.TotalNanoseconds / batch;
        }

        Array.Sort(times);
        return repetitions % 2 == 1 ? times[repetitions / 2] : (times[(repetitions / 2) - 1] + times[repetitions / 2]) / 2;
    }
}
