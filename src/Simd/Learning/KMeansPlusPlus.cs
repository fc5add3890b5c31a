using System;
using System.Numerics;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// Greedy k-means++ seeding, the algorithm of scikit-learn's <c>_kmeans_plusplus</c> (Arthur and Vassilvitskii 2007,
/// with the greedy local trials of their reference implementation): the first centroid is a row drawn uniformly; each
/// further centroid is the best of 2 + ⌊ln k⌋ candidate rows, each drawn with probability proportional to its squared
/// distance to the nearest centroid so far, "best" meaning the one that leaves the smallest potential Σᵢ minₖ ‖xᵢ − μₖ‖²
/// (the lowest candidate on ties).
/// </summary>
/// <remarks>
/// A candidate is drawn as scikit-learn does: u uniform in [0, 1), then the first row whose running sum of squared
/// distances (in row order, in double) reaches u × the potential. The uniforms come from <see cref="SplitMix64"/>
/// seeded with the seed, so a seed gives the same centroids for every thread count (and on every machine whose distances round alike), but not the ones
/// scikit-learn (Mersenne Twister) gives for the same number.
/// </remarks>
internal static class KMeansPlusPlus
{
    public static T[] Seed<T>(ReadOnlyMatrixView<T> x, int clusters, int seed, KMeansPartition partition)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Rows;
        int n = x.Columns;
        int trials = 2 + (int)Math.Log(clusters);
        var random = new SplitMix64(unchecked((ulong)seed));
        var centroids = new T[clusters * n];
        var closest = new T[m];
        var labels = new int[m];
        var running = new double[m];
        var chunkPotentials = new double[partition.Count * trials];
        var candidateDistances = new T[partition.ChunkRows * trials * partition.Count];
        var candidates = new T[trials * n];
        var ids = new int[trials];

        int first = Math.Min((int)(random.NextDouble() * m), m - 1);
        x.Row(first).CopyTo(centroids);
        var firstCentroid = new ReadOnlyMatrixView<T>(centroids, 1, n);
        partition.ForEach(c =>
        {
            int start = partition.Start(c), length = partition.Length(c);
            CentroidKernels.Nearest(x.SliceRows(start, length), firstCentroid, labels.AsSpan(start, length), closest.AsSpan(start, length));
        });
        double potential = Sum(closest);

        for (int centroid = 1; centroid < clusters; centroid++)
        {
            double total = 0;
            for (int i = 0; i < m; i++)
            {
                total += double.CreateTruncating(closest[i]);
                running[i] = total;
            }

            for (int t = 0; t < trials; t++)
            {
                ids[t] = Math.Min(FirstReaching(running, random.NextDouble() * potential), m - 1);
                x.Row(ids[t]).CopyTo(candidates.AsSpan(t * n, n));
            }

            var candidateView = new ReadOnlyMatrixView<T>(candidates, trials, n);
            partition.ForEach(c =>
            {
                int start = partition.Start(c), length = partition.Length(c);
                var d = new MatrixView<T>(candidateDistances.AsMemory(c * partition.ChunkRows * trials, length * trials), length, trials);
                CentroidKernels.Distances(x.SliceRows(start, length), candidateView, d);
                Span<double> sums = chunkPotentials.AsSpan(c * trials, trials);
                sums.Clear();
                ReadOnlySpan<T> nearest = closest.AsSpan(start, length);
                ReadOnlySpan<T> all = d.Memory.Span;
                for (int i = 0; i < length; i++)
                {
                    for (int t = 0; t < trials; t++)
                    {
                        sums[t] += double.CreateTruncating(T.Min(nearest[i], all[(i * trials) + t]));
                    }
                }
            });

            int best = 0;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double p = 0;
                for (int c = 0; c < partition.Count; c++)
                {
                    p += chunkPotentials[(c * trials) + t];
                }

                if (p < bestPotential)
                {
                    (best, bestPotential) = (t, p);
                }
            }

            potential = bestPotential;
            candidates.AsSpan(best * n, n).CopyTo(centroids.AsSpan(centroid * n, n));
            partition.ForEach(c =>
            {
                int start = partition.Start(c), length = partition.Length(c);
                ReadOnlySpan<T> all = candidateDistances.AsSpan(c * partition.ChunkRows * trials, length * trials);
                Span<T> nearest = closest.AsSpan(start, length);
                for (int i = 0; i < length; i++)
                {
                    nearest[i] = T.Min(nearest[i], all[(i * trials) + best]);
                }
            });
        }

        return centroids;
    }

    /// <summary>The first index whose running sum is ≥ <paramref name="value"/> (numpy's searchsorted, side left); the length if none.</summary>
    private static int FirstReaching(double[] running, double value)
    {
        int low = 0, high = running.Length;
        while (low < high)
        {
            int mid = low + ((high - low) / 2);
            if (running[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static double Sum<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        foreach (T v in values)
        {
            total += double.CreateTruncating(v);
        }

        return total;
    }
}
