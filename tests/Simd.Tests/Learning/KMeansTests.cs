using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class KMeansTests
{
    /// <summary>m points around k well-separated centres (so no row is near a tie), seeded.</summary>
    internal static double[] Blobs(int m, int n, int k, int seed)
    {
        var random = new Random(seed);
        double[] centres = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() * 40).ToArray();
        var x = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            int q = random.Next(k);
            for (int j = 0; j < n; j++)
            {
                x[(i * n) + j] = centres[(q * n) + j] + (random.NextDouble() - 0.5);
            }
        }

        return x;
    }

    [Theory]
    [InlineData(300, 2, 3, 1)]
    [InlineData(257, 4, 5, 2)]
    [InlineData(1000, 16, 8, 3)]
    [InlineData(130, 64, 4, 4)]
    [InlineData(77, 7, 1, 5)]
    public void Double_from_given_centroids_matches_the_reference(int m, int n, int k, int seed)
    {
        double[] x = Blobs(m, n, k + 1, seed);
        double[] init = x.Take(k * n).ToArray();
        KMeansReference.Result expected = KMeansReference.Lloyd(x, m, n, init, k, 300, 1e-4);
        KMeansResult<double> actual = KMeans.Fit(new ReadOnlyMatrixView<double>(x, m, n), new ReadOnlyMatrixView<double>(init, k, n));
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Iterations, actual.Iterations);
        Assert.True(actual.Converged);
        double scale = x.Max(Math.Abs);
        // A centroid is a mean of at most m rows summed in double: γ(m + 1)·max|x| on either side.
        double centroidTolerance = 2 * Reference.Gamma(m + 1, Reference.DoubleU) * scale;
        AssertClose(expected.Centroids, actual.Centroids, centroidTolerance);
        Assert.Equal(expected.Inertia, actual.Inertia, InertiaBound(expected.Inertia, m, n, centroidTolerance, Reference.DoubleU));
        Assert.Equal(Enumerable.Range(0, k).Select(q => expected.Labels.Count(l => l == q)), actual.ClusterSizes);
    }

    [Theory]
    [InlineData(300, 2, 3, 6)]
    [InlineData(513, 4, 8, 7)]
    [InlineData(600, 16, 8, 8)]
    [InlineData(100, 64, 3, 9)]
    public void Float_from_given_centroids_matches_the_double_reference_on_the_float_data(int m, int n, int k, int seed)
    {
        float[] xf = Array.ConvertAll(Blobs(m, n, k + 1, seed), v => (float)v);
        double[] x = Array.ConvertAll(xf, v => (double)v);
        float[] init = xf.Take(k * n).ToArray();
        KMeansReference.Result expected = KMeansReference.Lloyd(x, m, n, Array.ConvertAll(init, v => (double)v), k, 300, 1e-4);
        KMeansResult<float> actual = KMeans.Fit(new ReadOnlyMatrixView<float>(xf, m, n), new ReadOnlyMatrixView<float>(init, k, n));
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Iterations, actual.Iterations);
        double scale = x.Max(Math.Abs);
        // Summed in double, then rounded once to float.
        double centroidTolerance = (Reference.FloatU + Reference.Gamma(m + 1, Reference.DoubleU)) * scale;
        AssertClose(expected.Centroids, actual.Centroids, centroidTolerance);
        Assert.Equal(expected.Inertia, actual.Inertia, InertiaBound(expected.Inertia, m, n, centroidTolerance, Reference.FloatU));
    }

    [Theory]
    [InlineData(400, 3, 4, 0)]
    [InlineData(400, 3, 4, 17)]
    [InlineData(250, 5, 7, -3)]
    [InlineData(1500, 8, 12, 123456)]
    public void PlusPlus_seeding_matches_the_reference(int m, int n, int k, int seed)
    {
        double[] x = Blobs(m, n, k, 40 + k);
        double[] init = KMeansReference.PlusPlus(x, m, n, k, seed);
        // One iteration: the centroids are the means of the seeds' clusters, so they show which rows were seeded.
        KMeansReference.Result expected = KMeansReference.Lloyd(x, m, n, init, k, 1, 1e-4);
        KMeansResult<double> actual = KMeans.Fit(new ReadOnlyMatrixView<double>(x, m, n), k, new KMeansOptions { Seed = seed, MaxIterations = 1 });
        Assert.Equal(expected.Labels, actual.Labels);
        AssertClose(expected.Centroids, actual.Centroids, 2 * Reference.Gamma(m + 1, Reference.DoubleU) * x.Max(Math.Abs));
        Assert.Equal(1, actual.Iterations);
    }

    [Fact]
    public void A_seed_gives_the_same_result_every_time_and_different_seeds_differ()
    {
        double[] x = Blobs(500, 3, 6, 11);
        var view = new ReadOnlyMatrixView<double>(x, 500, 3);
        var options = new KMeansOptions { Seed = 5, MaxIterations = 1 };
        KMeansResult<double> a = KMeans.Fit(view, 6, options);
        KMeansResult<double> b = KMeans.Fit(view, 6, options);
        KMeansResult<double> c = KMeans.Fit(view, 6, new KMeansOptions { Seed = 6, MaxIterations = 1 });
        Assert.Equal(a.Centroids.Memory.ToArray(), b.Centroids.Memory.ToArray());
        Assert.NotEqual(a.Centroids.Memory.ToArray(), c.Centroids.Memory.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Results_are_bit_identical_for_every_thread_count(bool plusPlus)
    {
        // 6000 rows × 8 features × 7 clusters: several chunks, and above the single-thread threshold.
        const int m = 6000, n = 8, k = 7;
        float[] x = Array.ConvertAll(Blobs(m, n, k, 21), v => (float)v);
        var view = new ReadOnlyMatrixView<float>(x, m, n);
        var init = new ReadOnlyMatrixView<float>(x, k, n);
        KMeansResult<float> Run(int threads) => plusPlus
            ? KMeans.Fit(view, k, new KMeansOptions { Seed = 3, MaxDegreeOfParallelism = threads })
            : KMeans.Fit(view, init, new KMeansOptions { MaxDegreeOfParallelism = threads });
        KMeansResult<float> one = Run(1);
        Assert.True(one.Iterations > 1);
        foreach (int threads in new[] { 2, 3, 8, -1 })
        {
            KMeansResult<float> other = Run(threads);
            Assert.Equal(one.Centroids.Memory.ToArray(), other.Centroids.Memory.ToArray());
            Assert.Equal(one.Labels, other.Labels);
            Assert.Equal(one.Inertia, other.Inertia);
            Assert.Equal(one.Iterations, other.Iterations);
        }
    }

    [Fact]
    public void An_empty_cluster_takes_the_row_farthest_from_its_centroid()
    {
        // Cluster 2 starts far away and gets no row; all four rows are 0.25 from their centroid, so the lowest (row 0) moves to it.
        var x = new ReadOnlyMatrixView<double>(new[] { 0.0, 0, 0, 1, 10, 10, 10, 11 }, 4, 2);
        var init = new ReadOnlyMatrixView<double>(new[] { 0.0, 0.5, 10, 10.5, 100, 100 }, 3, 2);
        KMeansResult<double> r = KMeans.Fit(x, init);
        Assert.Equal(new[] { 0.0, 1, 10, 10.5, 0, 0 }, r.Centroids.Memory.ToArray());
        Assert.Equal(new[] { 2, 0, 1, 1 }, r.Labels);
        Assert.Equal(new[] { 1, 2, 1 }, r.ClusterSizes);
        Assert.Equal(0.5, r.Inertia);
        // Iteration 2 moves no centroid: the shift is 0, within the tolerance (the labels did change).
        Assert.Equal(2, r.Iterations);
        Assert.True(r.Converged);
    }

    [Fact]
    public void A_cluster_emptied_by_relocation_keeps_its_centroid()
    {
        // Rows 3 then 2 (farthest from centroid 1) go to the empty clusters 2 and 3, leaving cluster 1 with none: it stays at 4.
        var x = new ReadOnlyMatrixView<double>(new[] { 0.0, 0.2, 5, 5.1 }, 4, 1);
        var init = new ReadOnlyMatrixView<double>(new[] { 0.1, 4, 100, 200 }, 4, 1);
        KMeansResult<double> first = KMeans.Fit(x, init, new KMeansOptions { MaxIterations = 1 });
        Assert.Equal(new[] { 0.1, 4, 5.1, 5 }, first.Centroids.Memory.ToArray());
        Assert.Equal(new[] { 0, 0, 3, 2 }, first.Labels);
        Assert.False(first.Converged);
        KMeansResult<double> r = KMeans.Fit(x, init);
        KMeansReference.Result expected = KMeansReference.Lloyd(x.Memory.ToArray(), 4, 1, init.Memory.ToArray(), 4, 300, 1e-4);
        Assert.Equal(expected.Centroids, r.Centroids.Memory.ToArray());
        Assert.Equal(expected.Labels, r.Labels);
        Assert.Equal(expected.Iterations, r.Iterations);
        Assert.Equal(expected.Inertia, r.Inertia);
    }

    [Fact]
    public void Degenerate_data_gives_a_result_the_reference_agrees_with()
    {
        // All rows equal: k-means++ has nothing to weigh (every candidate is row 0) and relocation has only ties.
        double[] same = Enumerable.Repeat(new[] { 2.0, -1.0 }, 20).SelectMany(r => r).ToArray();
        KMeansResult<double> r = KMeans.Fit(new ReadOnlyMatrixView<double>(same, 20, 2), 3);
        Assert.Equal(0.0, r.Inertia);
        Assert.Equal(20, r.ClusterSizes.Sum());
        Assert.All(r.Centroids.Memory.ToArray().Chunk(2), c => Assert.Equal(new[] { 2.0, -1.0 }, c));

        // As many clusters as rows, and one cluster.
        double[] x = Blobs(30, 3, 4, 51);
        var view = new ReadOnlyMatrixView<double>(x, 30, 3);
        KMeansResult<double> each = KMeans.Fit(view, 30);
        Assert.Equal(0.0, each.Inertia);
        Assert.All(each.ClusterSizes, size => Assert.Equal(1, size));
        KMeansResult<double> one = KMeans.Fit(view, 1);
        KMeansReference.Result expected = KMeansReference.Lloyd(x, 30, 3, KMeansReference.PlusPlus(x, 30, 3, 1, 0), 1, 300, 1e-4);
        AssertClose(expected.Centroids, one.Centroids, 2 * Reference.Gamma(31, Reference.DoubleU) * x.Max(Math.Abs));
        Assert.All(one.Labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void The_iterations_stop_at_the_maximum_and_at_the_tolerance()
    {
        double[] x = Blobs(400, 2, 5, 31);
        var view = new ReadOnlyMatrixView<double>(x, 400, 2);
        var init = new ReadOnlyMatrixView<double>(x, 5, 2);
        KMeansResult<double> full = KMeans.Fit(view, init, new KMeansOptions { Tolerance = 0 });
        Assert.True(full.Iterations > 2);
        KMeansResult<double> two = KMeans.Fit(view, init, new KMeansOptions { MaxIterations = 2, Tolerance = 0 });
        Assert.Equal(2, two.Iterations);
        Assert.False(two.Converged);
        KMeansReference.Result expected = KMeansReference.Lloyd(x, 400, 2, x.Take(10).ToArray(), 5, 2, 0);
        Assert.Equal(expected.Labels, two.Labels);
        KMeansResult<double> loose = KMeans.Fit(view, init, new KMeansOptions { Tolerance = 1e6 });
        Assert.Equal(1, loose.Iterations);
        Assert.True(loose.Converged);
    }

    [Fact]
    public void The_initial_centroids_are_not_modified_and_may_be_strided()
    {
        double[] x = Blobs(50, 3, 2, 41);
        var storage = new double[] { x[0], x[1], x[2], -7, x[3], x[4], x[5], -7 };
        var init = new ReadOnlyMatrixView<double>(storage, 2, 3, 4);
        KMeansResult<double> r = KMeans.Fit(new ReadOnlyMatrixView<double>(x, 50, 3), init);
        KMeansReference.Result expected = KMeansReference.Lloyd(x, 50, 3, x.Take(6).ToArray(), 2, 300, 1e-4);
        Assert.Equal(expected.Labels, r.Labels);
        Assert.Equal(new[] { x[0], x[1], x[2], -7, x[3], x[4], x[5], -7 }, storage);
    }

    [Fact]
    public void Errors_name_the_argument()
    {
        var x = new ReadOnlyMatrixView<double>(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 0));
        Assert.StartsWith("The number of clusters must be ≥ 1; it is 0.", e.Message, StringComparison.Ordinal);
        Assert.Equal("clusters", e.ParamName);
        var a = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, 4));
        Assert.StartsWith("'x' has 3 rows but 4 clusters were asked for; k-means needs at least one row per cluster.", a.Message, StringComparison.Ordinal);
        Assert.Equal("clusters", a.ParamName);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new ReadOnlyMatrixView<double>(new double[8], 4, 2)));
        Assert.StartsWith("'x' has 3 rows but 4 clusters were asked for;", a.Message, StringComparison.Ordinal);
        Assert.Equal("initialCentroids", a.ParamName);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 2), 1));
        Assert.StartsWith("'x' has no rows (0×2", a.Message, StringComparison.Ordinal);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixView<double>(Array.Empty<double>(), 3, 0), 1));
        Assert.StartsWith("'x' has no columns (3×0", a.Message, StringComparison.Ordinal);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixView<double>(new[] { 1, 2, double.NaN, 4 }, 2, 2), 1));
        Assert.StartsWith("'x' holds NaN at row 1, column 0;", a.Message, StringComparison.Ordinal);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new ReadOnlyMatrixView<double>(new[] { 1, double.PositiveInfinity }, 1, 2)));
        Assert.StartsWith("'initialCentroids' holds Infinity at row 0, column 1;", a.Message, StringComparison.Ordinal);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new ReadOnlyMatrixView<double>(new double[3], 1, 3)));
        Assert.StartsWith("'initialCentroids' has 3 columns but 'x' has 2; both must have one column per feature.", a.Message, StringComparison.Ordinal);
        Assert.Equal("initialCentroids", a.ParamName);
        a = Assert.Throws<ArgumentException>(() => KMeans.Fit(x, new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 2)));
        Assert.StartsWith("'initialCentroids' has no rows; at least one centroid is needed.", a.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 1, new KMeansOptions { MaxIterations = 0 }));
        Assert.StartsWith("The number of iterations must be ≥ 1; it is 0.", e.Message, StringComparison.Ordinal);
        Assert.Equal("MaxIterations", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 1, new KMeansOptions { Tolerance = -1 }));
        Assert.StartsWith("The tolerance must be finite and ≥ 0; it is -1.", e.Message, StringComparison.Ordinal);
        Assert.Equal("Tolerance", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, x, new KMeansOptions { Tolerance = double.NaN }));
        Assert.StartsWith("The tolerance must be finite and ≥ 0; it is NaN.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 1, new KMeansOptions { MaxDegreeOfParallelism = 0 }));
        Assert.StartsWith("The thread limit must be −1 (all cores) or ≥ 1.", e.Message, StringComparison.Ordinal);
        Assert.Equal("MaxDegreeOfParallelism", e.ParamName);
        var h = Assert.Throws<NotSupportedException>(() => KMeans.Fit(new ReadOnlyMatrixView<Half>(new Half[2], 1, 2), 1));
        Assert.Equal("Simd.Learning works on float and double; Half is not supported.", h.Message);
    }

    /// <summary>
    /// |Î − I| for centroids off by at most ε per component and distances computed with unit roundoff u: moving μ by δ
    /// changes ‖x − μ‖² by at most 2‖x − μ‖·‖δ‖ + ‖δ‖², and Σᵢ‖xᵢ − μ‖ ≤ √(m·I) (Cauchy–Schwarz), so
    /// 2ε√(n·m·I) + m·n·ε² for the centroids, γ(n + 2)·I for the distances and γ(m)·I in double for the sum.
    /// </summary>
    internal static double InertiaBound(double inertia, int m, int n, double epsilon, double u)
        => (2 * epsilon * Math.Sqrt(n * m * inertia)) + (m * n * epsilon * epsilon)
            + (Reference.Gamma(n + 2, u) * inertia * 1.01) + (Reference.Gamma(m, Reference.DoubleU) * inertia);

    internal static void AssertClose(double[] expected, ReadOnlyMatrixView<double> actual, double tolerance)
        => AssertClose(expected, actual.Memory.ToArray(), tolerance);

    internal static void AssertClose(double[] expected, ReadOnlyMatrixView<float> actual, double tolerance)
        => AssertClose(expected, actual.Memory.ToArray().Select(v => (double)v).ToArray(), tolerance);

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int e = 0; e < expected.Length; e++)
        {
            Assert.True(Math.Abs(expected[e] - actual[e]) <= tolerance, $"element {e}: expected {expected[e]:R}, got {actual[e]:R} (tolerance {tolerance:R})");
        }
    }
}
