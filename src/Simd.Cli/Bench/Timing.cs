using System;
using System.Diagnostics;
using System.Runtime;

namespace Simd.Cli.Bench;

/// <summary>
/// A small Stopwatch harness: warm every operation up until tiered compilation has settled, then time batches of
/// the operations interleaved (one batch of each in turn, the order rotating), so that a slow moment of the machine
/// hits every implementation alike instead of whichever ran then.
/// </summary>
internal static class Timing
{
    /// <summary>How long no method may have been compiled for tiered compilation to count as settled: above its 100 ms delay plus a background compile.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest warm-up beyond the requested one: if the JIT is still busy after it, timing starts anyway (and says so).</summary>
    public static readonly TimeSpan MaxExtraWarmup = TimeSpan.FromSeconds(5);

    // A batch this long makes Stopwatch resolution (tens of ns) and timer interrupts negligible.
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Warms <paramref name="operations"/> up, then times <paramref name="repetitions"/> interleaved batches of each.
    /// </summary>
    /// <param name="operations">The work to time, one per implementation.</param>
    /// <param name="repetitions">How many timed batches of each.</param>
    /// <param name="warmup">
    /// The least time to call the operations before timing. The warm-up goes on until, in addition, no method has
    /// been compiled for <see cref="Quiet"/> (tiered compilation counts 30 calls after a 100 ms quiet period, then
    /// recompiles in the background), at most <see cref="MaxExtraWarmup"/> longer.
    /// </param>
    /// <param name="settled">Whether compilation settled within the warm-up.</param>
    /// <returns>Per operation, the median time of one call and the spread of the batches.</returns>
    public static Measurement[] Interleaved(Action[] operations, int repetitions, TimeSpan warmup, out bool settled)
    {
        settled = WarmUp(operations, warmup);
        var clock = new Stopwatch();
        var batch = new int[operations.Length];
        for (int k = 0; k < operations.Length; k++)
        {
            // Size the batch from one warm call, not the warm-up average (the early calls ran unoptimised code).
            clock.Restart();
            operations[k]();
            double oneCall = Math.Max(clock.Elapsed.TotalNanoseconds, 1);
            batch[k] = (int)Math.Clamp(BatchTarget.TotalNanoseconds / oneCall, 1, 1_000_000);
        }

        var times = new double[operations.Length][];
        for (int k = 0; k < operations.Length; k++)
        {
            times[k] = new double[repetitions];
        }

        for (int r = 0; r < repetitions; r++)
        {
            for (int step = 0; step < operations.Length; step++)
            {
                int k = (r + step) % operations.Length;
                Action operation = operations[k];
                clock.Restart();
                for (int call = 0; call < batch[k]; call++)
                {
                    operation();
                }

                times[k][r] = clock.Elapsed.TotalNanoseconds / batch[k];
            }
        }

        var result = new Measurement[operations.Length];
        for (int k = 0; k < operations.Length; k++)
        {
            result[k] = Measurement.Of(times[k]);
        }

        return result;
    }

    private static bool WarmUp(Action[] operations, TimeSpan warmup)
    {
        var clock = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        TimeSpan lastCompile = TimeSpan.Zero;
        int rounds = 0;
        while (true)
        {
            foreach (Action operation in operations)
            {
                operation();
            }

            rounds++;
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompile = clock.Elapsed;
            }

            TimeSpan elapsed = clock.Elapsed;
            bool quiet = elapsed - lastCompile >= Quiet;
            if (rounds >= 2 && elapsed >= warmup && quiet)
            {
                return true;
            }

            if (elapsed >= warmup + MaxExtraWarmup)
            {
                return false;
            }
        }
    }
}
