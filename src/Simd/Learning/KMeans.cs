using System;
using System.Numerics;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// k-means clustering by Lloyd's algorithm, as scikit-learn's <c>KMeans(algorithm="lloyd", n_init=1)</c>: assign
/// every row to its nearest centroid, move every centroid to the mean of its rows, and repeat until no label changes,
/// the centroids move less than the tolerance, or the iterations run out.
/// </summary>
/// <remarks>
/// <para>Seeding: from given initial centroids, or by greedy k-means++ (scikit-learn's algorithm with 2 + ⌊ln k⌋
/// local trials per centroid; the random numbers come from SplitMix64 seeded with <see cref="KMeansOptions.Seed"/>,
/// so a seed gives the same result everywhere but not scikit-learn's result for the same seed).</para>
/// <para>Each iteration, as scikit-learn's Lloyd iteration: (1) every row takes the nearest centroid (squared
/// Euclidean distance summed from the differences, see <see cref="Centroids"/>; the lowest index on ties);
/// (2) each cluster's sum of rows and count are accumulated in double; (3) empty clusters are relocated: the rows
/// farthest from their own centroid (largest distance first, the lower row on ties) are taken, one per empty
/// cluster in increasing cluster order, and each is moved out of its cluster's sum into the empty cluster, which
/// then holds it alone (labels are left as assigned; the next assignment settles them); (4) each centroid becomes
/// its sum over its count, rounded once to T (a cluster left with no rows, because its only row moved to an empty
/// one, keeps its previous centroid, where scikit-learn leaves the emptied sum, about 0); (5) the shift
/// Σₖ ‖μₖ(new) − μₖ(old)‖² is computed. The iterations stop when the labels equal those of the previous
/// iteration (strict convergence) or, failing that, when the shift is at most
/// <see cref="KMeansOptions.Tolerance"/> × the mean column variance of the data. Unless the labels converged
/// strictly, a final assignment with the final centroids gives the labels; the inertia is then
/// Σᵢ ‖xᵢ − μ(labelᵢ)‖² with the final centroids. scikit-learn sums in the data's precision (and centres the data
/// first); this sums in double, so float results agree with it to float rounding, not bit for bit.</para>
/// <para>Threads: every pass splits the rows into chunks that depend only on the shape (<see cref="KMeansOptions.MaxDegreeOfParallelism"/>
/// only decides how many run at once), and adds the chunks' sums in chunk order; the result is bit-identical for any thread count.</para>
/// </remarks>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="x"/> into <paramref name="clusters"/> clusters, seeded by greedy k-means++.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n data, one row per point; m ≥ k, n ≥ 1, all finite.</param>
    /// <param name="clusters">k, 1 ≤ k ≤ m.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The centroids, labels, cluster sizes, inertia and iteration count.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> has no rows or columns, fewer rows than clusters, or holds NaN/∞ (row and column are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is below 1, or an option is out of range.</exception>
    public static KMeansResult<T> Fit<T>(ReadOnlyMatrixView<T> x, int clusters, KMeansOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options = Validated(options);
        LearningArguments.RequireFloatOrDouble<T>();
        if (clusters < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"The number of clusters must be ≥ 1; it is {clusters}.");
        }

        ValidateData(x, clusters, nameof(clusters));
        var partition = new KMeansPartition(x.Rows, x.Columns, clusters, options.MaxDegreeOfParallelism);
        T[] centroids = KMeansPlusPlus.Seed(x, clusters, options.Seed, partition);
        return Lloyd(x, centroids, clusters, options, partition);
    }

    /// <summary>Clusters the rows of <paramref name="x"/> starting from <paramref name="initialCentroids"/> (cluster j from row j).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n data, one row per point; m ≥ k, n ≥ 1, all finite.</param>
    /// <param name="initialCentroids">The k×n starting centroids, 1 ≤ k ≤ m, all finite; not modified.</param>
    /// <param name="options">The settings (<see cref="KMeansOptions.Seed"/> is not used); <see langword="null"/> for the defaults.</param>
    /// <returns>The centroids, labels, cluster sizes, inertia and iteration count.</returns>
    /// <exception cref="ArgumentException">A shape disagrees (the message names both), there are no centroids, fewer rows than centroids, or an input holds NaN/∞ (row and column are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static KMeansResult<T> Fit<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> initialCentroids, KMeansOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options = Validated(options);
        LearningArguments.RequireFloatOrDouble<T>();
        if (initialCentroids.Rows == 0)
        {
            throw new ArgumentException("'initialCentroids' has no rows; at least one centroid is needed.", nameof(initialCentroids));
        }

        if (initialCentroids.Columns != x.Columns)
        {
            throw new ArgumentException(
                $"'initialCentroids' has {initialCentroids.Columns} columns but 'x' has {x.Columns}; both must have one column per feature.", nameof(initialCentroids));
        }

        ValidateData(x, initialCentroids.Rows, nameof(initialCentroids));
        LearningArguments.RequireFinite(initialCentroids, nameof(initialCentroids));
        int k = initialCentroids.Rows;
        int n = x.Columns;
        var centroids = new T[k * n];
        for (int q = 0; q < k; q++)
        {
            initialCentroids.Row(q).CopyTo(centroids.AsSpan(q * n, n));
        }

        var partition = new KMeansPartition(x.Rows, n, k, options.MaxDegreeOfParallelism);
        return Lloyd(x, centroids, k, options, partition);
    }

    private static KMeansOptions Validated(KMeansOptions? options)
    {
        options ??= new KMeansOptions();
        options.Validate();
        return options;
    }

    private static void ValidateData<T>(ReadOnlyMatrixView<T> x, int clusters, string clustersName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireColumns(x, nameof(x));
        if (x.Rows < clusters)
        {
            throw new ArgumentException(
                $"'x' has {x.Rows} rows but {clusters} clusters were asked for; k-means needs at least one row per cluster.", clustersName);
        }

        LearningArguments.RequireFinite(x, nameof(x));
    }

    private static KMeansResult<T> Lloyd<T>(ReadOnlyMatrixView<T> x, T[] centroids, int k, KMeansOptions options, KMeansPartition partition)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Rows;
        int n = x.Columns;
        double threshold = options.Tolerance * MeanColumnVariance(x);
        var labels = new int[m];
        var previous = new int[m];
        previous.AsSpan().Fill(-1);
        var distances = new T[m];
        var chunkSums = new double[partition.Count * k * n];
        var chunkCounts = new long[partition.Count * k];
        var sums = new double[k * n];
        var counts = new long[k];
        var updated = new T[k * n];
        bool strict = false, converged = false;
        int iteration = 0;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            var view = new ReadOnlyMatrixView<T>(centroids, k, n);
            partition.ForEach(c => AssignAndSum(x, view, partition, c, labels, distances, chunkSums, chunkCounts));
            Reduce(chunkSums, chunkCounts, partition.Count, sums, counts);
            RelocateEmptyClusters(x, labels, distances, sums, counts);
            double shift = 0;
            for (int q = 0; q < k; q++)
            {
                for (int j = 0; j < n; j++)
                {
                    T value = counts[q] > 0 ? T.CreateTruncating(sums[(q * n) + j] / counts[q]) : centroids[(q * n) + j];
                    updated[(q * n) + j] = value;
                    double d = double.CreateTruncating(value) - double.CreateTruncating(centroids[(q * n) + j]);
                    shift += d * d;
                }
            }

            (centroids, updated) = (updated, centroids);
            if (labels.AsSpan().SequenceEqual(previous))
            {
                strict = converged = true;
                break;
            }

            if (shift <= threshold)
            {
                converged = true;
                break;
            }

            labels.CopyTo(previous, 0);
        }

        var final = new ReadOnlyMatrixView<T>(centroids, k, n);
        if (!strict)
        {
            partition.ForEach(c =>
            {
                int start = partition.Start(c), length = partition.Length(c);
                CentroidKernels.Nearest(x.SliceRows(start, length), final, labels.AsSpan(start, length), distances.AsSpan(start, length));
            });
        }

        var sizes = new int[k];
        foreach (int label in labels)
        {
            sizes[label]++;
        }

        return new KMeansResult<T>(centroids, k, n, labels, sizes, Inertia(x, final, labels, partition), iteration, converged);
    }

    /// <summary>Labels and distances of one chunk, and its per-cluster sums (double) and counts.</summary>
    private static void AssignAndSum<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, KMeansPartition partition, int chunk, int[] labels, T[] distances, double[] chunkSums, long[] chunkCounts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = centroids.Rows;
        int n = x.Columns;
        int start = partition.Start(chunk), length = partition.Length(chunk);
        CentroidKernels.Nearest(x.SliceRows(start, length), centroids, labels.AsSpan(start, length), distances.AsSpan(start, length));
        Span<double> sums = chunkSums.AsSpan(chunk * k * n, k * n);
        Span<long> counts = chunkCounts.AsSpan(chunk * k, k);
        sums.Clear();
        counts.Clear();
        for (int i = start; i < start + length; i++)
        {
            int q = labels[i];
            counts[q]++;
            ReadOnlySpan<T> row = x.Row(i);
            Span<double> sum = sums.Slice(q * n, n);
            for (int j = 0; j < row.Length; j++)
            {
                sum[j] += double.CreateTruncating(row[j]);
            }
        }
    }

    private static void Reduce(double[] chunkSums, long[] chunkCounts, int chunks, double[] sums, long[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        for (int c = 0; c < chunks; c++)
        {
            ReadOnlySpan<double> part = chunkSums.AsSpan(c * sums.Length, sums.Length);
            for (int e = 0; e < sums.Length; e++)
            {
                sums[e] += part[e];
            }

            ReadOnlySpan<long> partCounts = chunkCounts.AsSpan(c * counts.Length, counts.Length);
            for (int q = 0; q < counts.Length; q++)
            {
                counts[q] += partCounts[q];
            }
        }
    }

    /// <summary>
    /// Gives each empty cluster, in increasing order, the row farthest from its own centroid among those not yet
    /// taken (largest distance first, lower row on ties), moving it out of its cluster's sum and count.
    /// </summary>
    private static void RelocateEmptyClusters<T>(ReadOnlyMatrixView<T> x, int[] labels, T[] distances, double[] sums, long[] counts)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Columns;
        bool[]? taken = null;
        for (int e = 0; e < counts.Length; e++)
        {
            if (counts[e] != 0)
            {
                continue;
            }

            taken ??= new bool[labels.Length];
            int far = -1;
            for (int i = 0; i < distances.Length; i++)
            {
                if (!taken[i] && (far < 0 || distances[i] > distances[far]))
                {
                    far = i;
                }
            }

            taken[far] = true;
            int from = labels[far];
            ReadOnlySpan<T> row = x.Row(far);
            Span<double> source = sums.AsSpan(from * n, n);
            Span<double> target = sums.AsSpan(e * n, n);
            for (int j = 0; j < n; j++)
            {
                double value = double.CreateTruncating(row[j]);
                source[j] -= value;
                target[j] = value;
            }

            counts[from]--;
            counts[e] = 1;
        }
    }

    /// <summary>Σᵢ ‖xᵢ − μ(labelᵢ)‖², each term in T, summed in double by chunk and the chunks in order.</summary>
    private static double Inertia<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, int[] labels, KMeansPartition partition)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var partial = new double[partition.Count];
        partition.ForEach(c =>
        {
            double sum = 0;
            int start = partition.Start(c), end = start + partition.Length(c);
            for (int i = start; i < end; i++)
            {
                sum += double.CreateTruncating(CentroidKernels.SquaredDistance(x.Row(i), centroids.Row(labels[i])));
            }

            partial[c] = sum;
        });
        double total = 0;
        foreach (double p in partial)
        {
            total += p;
        }

        return total;
    }

    /// <summary>The mean over the columns of the population variance (two passes, in double), as numpy's <c>np.var(X, axis=0).mean()</c>.</summary>
    private static double MeanColumnVariance<T>(ReadOnlyMatrixView<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Columns;
        var mean = new double[n];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                mean[j] += double.CreateTruncating(row[j]);
            }
        }

        for (int j = 0; j < n; j++)
        {
            mean[j] /= x.Rows;
        }

        double total = 0;
        var variance = new double[n];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double d = double.CreateTruncating(row[j]) - mean[j];
                variance[j] += d * d;
            }
        }

        foreach (double v in variance)
        {
            total += v / x.Rows;
        }

        return total / n;
    }
}
