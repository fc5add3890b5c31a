using System;
using System.Linq;

namespace Simd.Tests.Learning;

/// <summary>
/// k-means as documented (scikit-learn's Lloyd iteration and greedy k-means++), written as plain double loops
/// straight from the description: no chunks, no vectors, no code shared with the library.
/// </summary>
internal static class KMeansReference
{
    public sealed record Result(double[] Centroids, int[] Labels, double Inertia, int Iterations);

    public static double Distance(double[] x, int i, double[] c, int q, int n)
    {
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            double d = x[(i * n) + j] - c[(q * n) + j];
            sum += d * d;
        }

        return sum;
    }

    public static Result Lloyd(double[] x, int m, int n, double[] init, int k, int maxIterations, double tolerance)
    {
        double[] mean = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, m).Sum(i => x[(i * n) + j]) / m).ToArray();
        double variance = Enumerable.Range(0, n).Sum(j => Enumerable.Range(0, m).Sum(i => Math.Pow(x[(i * n) + j] - mean[j], 2)) / m) / n;
        double threshold = tolerance * variance;
        double[] c = (double[])init.Clone();
        int[] labels = new int[m];
        int[] previous = Enumerable.Repeat(-1, m).ToArray();
        var distance = new double[m];
        bool strict = false;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            Assign(x, m, n, c, k, labels, distance);
            var sums = new double[k * n];
            var counts = new long[k];
            for (int i = 0; i < m; i++)
            {
                counts[labels[i]]++;
                for (int j = 0; j < n; j++)
                {
                    sums[(labels[i] * n) + j] += x[(i * n) + j];
                }
            }

            var taken = new bool[m];
            for (int e = 0; e < k; e++)
            {
                if (counts[e] != 0)
                {
                    continue;
                }

                // The farthest row from its own centroid not yet taken, the lower row on ties.
                int far = Enumerable.Range(0, m).Where(i => !taken[i]).OrderByDescending(i => distance[i]).ThenBy(i => i).First();
                taken[far] = true;
                for (int j = 0; j < n; j++)
                {
                    sums[(labels[far] * n) + j] -= x[(far * n) + j];
                    sums[(e * n) + j] = x[(far * n) + j];
                }

                counts[labels[far]]--;
                counts[e] = 1;
            }

            double shift = 0;
            var updated = new double[k * n];
            for (int q = 0; q < k; q++)
            {
                for (int j = 0; j < n; j++)
                {
                    updated[(q * n) + j] = counts[q] > 0 ? sums[(q * n) + j] / counts[q] : c[(q * n) + j];
                    shift += Math.Pow(updated[(q * n) + j] - c[(q * n) + j], 2);
                }
            }

            c = updated;
            if (labels.SequenceEqual(previous))
            {
                strict = true;
                break;
            }

            if (shift <= threshold)
            {
                break;
            }

            labels.CopyTo(previous, 0);
        }

        if (!strict)
        {
            Assign(x, m, n, c, k, labels, distance);
        }

        double inertia = 0;
        for (int i = 0; i < m; i++)
        {
            inertia += Distance(x, i, c, labels[i], n);
        }

        return new Result(c, labels, inertia, iteration);
    }

    /// <summary>Greedy k-means++ with 2 + ⌊ln k⌋ trials and SplitMix64 uniforms, as documented.</summary>
    public static double[] PlusPlus(double[] x, int m, int n, int k, int seed)
    {
        ulong state = unchecked((ulong)seed);
        double Uniform()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) / 9007199254740992.0;
        }

        int trials = 2 + (int)Math.Log(k);
        var c = new double[k * n];
        int first = Math.Min((int)(Uniform() * m), m - 1);
        Array.Copy(x, first * n, c, 0, n);
        double[] closest = Enumerable.Range(0, m).Select(i => Distance(x, i, c, 0, n)).ToArray();
        for (int q = 1; q < k; q++)
        {
            double potential = closest.Sum();
            var prefix = new double[m];
            double run = 0;
            for (int i = 0; i < m; i++)
            {
                prefix[i] = run += closest[i];
            }

            double bestPotential = double.PositiveInfinity;
            double[]? bestClosest = null;
            int bestRow = -1;
            for (int t = 0; t < trials; t++)
            {
                double r = Uniform() * potential;
                int row = Array.FindIndex(prefix, p => p >= r);
                row = row < 0 ? m - 1 : row;
                var candidate = new double[n];
                Array.Copy(x, row * n, candidate, 0, n);
                double[] after = Enumerable.Range(0, m).Select(i => Math.Min(closest[i], Distance(x, i, candidate, 0, n))).ToArray();
                double p = after.Sum();
                if (p < bestPotential)
                {
                    (bestPotential, bestClosest, bestRow) = (p, after, row);
                }
            }

            Array.Copy(x, bestRow * n, c, q * n, n);
            closest = bestClosest!;
        }

        return c;
    }

    private static void Assign(double[] x, int m, int n, double[] c, int k, int[] labels, double[] distance)
    {
        for (int i = 0; i < m; i++)
        {
            labels[i] = 0;
            distance[i] = Distance(x, i, c, 0, n);
            for (int q = 1; q < k; q++)
            {
                double d = Distance(x, i, c, q, n);
                if (d < distance[i])
                {
                    (labels[i], distance[i]) = (q, d);
                }
            }
        }
    }
}
