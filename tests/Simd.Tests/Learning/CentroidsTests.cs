using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class CentroidsTests
{
    [Theory]
    [InlineData(50, 3, 4)]
    [InlineData(33, 17, 3)]
    [InlineData(10, 64, 5)]
    [InlineData(7, 1, 2)]
    public void Distances_and_assignment_match_reference(int m, int n, int k)
    {
        var random = new Random(m * n);
        float[] x = Enumerable.Range(0, m * n).Select(_ => (float)((random.NextDouble() * 10) - 5)).ToArray();
        float[] c = Enumerable.Range(0, k * n).Select(_ => (float)((random.NextDouble() * 10) - 5)).ToArray();
        var d = new float[m * k];
        var assignment = new int[m];
        var xv = new ReadOnlyMatrixView<float>(x, m, n);
        var cv = new ReadOnlyMatrixView<float>(c, k, n);
        Centroids.SquaredDistances(xv, cv, new MatrixView<float>(d, m, k));
        double inertia = Centroids.AssignNearest(xv, cv, assignment);
        double expectedInertia = 0;
        for (int i = 0; i < m; i++)
        {
            int best = 0;
            double bestDistance = double.MaxValue;
            for (int q = 0; q < k; q++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    double diff = (double)x[(i * n) + j] - c[(q * n) + j];
                    sum += diff * diff;
                }

                // n differences, squares and additions in float: γ(n+2)·Σ(xⱼ − cⱼ)² (all terms ≥ 0, no cancellation).
                Assert.Equal(sum, d[(i * k) + q], Reference.Gamma(n + 2, Reference.FloatU) * sum);
                if (sum < bestDistance)
                {
                    (best, bestDistance) = (q, sum);
                }
            }

            Assert.Equal(best, assignment[i]);
            expectedInertia += bestDistance;
        }

        Assert.Equal(expectedInertia, inertia, Reference.Gamma(n + 2, Reference.FloatU) * expectedInertia);
    }

    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int m in new[] { 1, 3, 15, 16, 17, 33, 64, 65, 130 })
        {
            foreach (int n in new[] { 1, 2, 3, 4, 8, 16, 64 })
            {
                data.Add(m, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_block_and_lane_matches_the_reference_and_copies_of_centroids_are_at_zero(int m, int n)
    {
        const int k = 5;
        var random = new Random((m * 100) + n);
        double[] c = Enumerable.Range(0, k * n).Select(_ => (random.NextDouble() * 20) - 10).ToArray();
        // Rows of x, 3 elements apart beyond each row (a strided view); every fourth row is a copy of a centroid.
        int stride = n + 3;
        var x = new double[m * stride];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                x[(i * stride) + j] = i % 4 == 0 ? c[((i / 4 % k) * n) + j] : (random.NextDouble() * 20) - 10;
            }
        }

        Check<double>(x, c, m, n, k, stride, Reference.DoubleU);
        Check<float>(Array.ConvertAll(x, v => (float)v), Array.ConvertAll(c, v => (float)v), m, n, k, stride, Reference.FloatU);
    }

    private static void Check<T>(T[] x, T[] c, int m, int n, int k, int stride, double u)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var xv = new ReadOnlyMatrixView<T>(x, m, n, stride);
        var cv = new ReadOnlyMatrixView<T>(c, k, n);
        var d = new T[m * k];
        var labels = new int[m];
        Centroids.SquaredDistances(xv, cv, new MatrixView<T>(d, m, k));
        double inertia = Centroids.AssignNearest(xv, cv, labels);
        double tolerance = Reference.Gamma(n + 2, u);
        double expectedInertia = 0;
        for (int i = 0; i < m; i++)
        {
            var exact = new double[k];
            for (int q = 0; q < k; q++)
            {
                for (int j = 0; j < n; j++)
                {
                    double diff = double.CreateTruncating(x[(i * stride) + j]) - double.CreateTruncating(c[(q * n) + j]);
                    exact[q] += diff * diff;
                }

                double got = double.CreateTruncating(d[(i * k) + q]);
                Assert.True(Math.Abs(got - exact[q]) <= tolerance * exact[q], $"row {i}, centroid {q}: {got:R} vs {exact[q]:R}");
            }

            if (i % 4 == 0)
            {
                Assert.Equal(T.Zero, d[(i * k) + (i / 4 % k)]);
            }

            // The label is the lowest index of the least computed distance.
            int least = 0;
            for (int q = 1; q < k; q++)
            {
                least = d[(i * k) + q] < d[(i * k) + least] ? q : least;
            }

            Assert.Equal(least, labels[i]);
            expectedInertia += exact[least];
        }

        Assert.Equal(expectedInertia, inertia, (tolerance * expectedInertia) + (Reference.Gamma(m, Reference.DoubleU) * expectedInertia));

        // A row's result does not depend on the rows around it: every split gives the same labels and bits.
        var pieces = new int[m];
        for (int start = 0; start < m; start += 7)
        {
            int count = Math.Min(7, m - start);
            Centroids.AssignNearest(xv.SliceRows(start, count), cv, pieces.AsSpan(start, count));
            var one = new T[count * k];
            Centroids.SquaredDistances(xv.SliceRows(start, count), cv, new MatrixView<T>(one, count, k));
            Assert.Equal(d.AsSpan(start * k, count * k).ToArray(), one);
        }

        Assert.Equal(labels, pieces);
    }

    [Fact]
    public void A_row_equal_to_a_centroid_is_at_distance_zero_and_ties_go_to_the_lower_index()
    {
        var x = new ReadOnlyMatrixView<double>(new[] { 1.0, 2.0, 0.0, 0.0 }, 2, 2);
        var c = new ReadOnlyMatrixView<double>(new[] { 1.0, 0.0, -1.0, 0.0, 1.0, 2.0 }, 3, 2);
        var d = new double[6];
        var a = new int[2];
        Centroids.SquaredDistances(x, c, new MatrixView<double>(d, 2, 3));
        Assert.Equal(0.0, d[2]);
        Centroids.AssignNearest(x, c, a);
        Assert.Equal(new[] { 2, 0 }, a);
    }

    [Fact]
    public void Rows_without_features_are_at_distance_zero_from_every_centroid()
    {
        var x = new ReadOnlyMatrixView<float>(Array.Empty<float>(), 40, 0);
        var c = new ReadOnlyMatrixView<float>(Array.Empty<float>(), 3, 0);
        var d = Enumerable.Repeat(1f, 120).ToArray();
        var a = Enumerable.Repeat(7, 40).ToArray();
        Centroids.SquaredDistances(x, c, new MatrixView<float>(d, 40, 3));
        Assert.All(d, v => Assert.Equal(0f, v));
        Assert.Equal(0.0, Centroids.AssignNearest(x, c, a));
        Assert.All(a, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Errors_name_the_argument()
    {
        var x = new ReadOnlyMatrixView<double>(new double[4], 2, 2);
        var e = Assert.Throws<ArgumentException>(() => Centroids.AssignNearest(x, new ReadOnlyMatrixView<double>(new double[3], 1, 3), new int[2]));
        Assert.StartsWith("'centroids' has 3 columns but 'x' has 2; both must have one column per feature.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Centroids.AssignNearest(x, new ReadOnlyMatrixView<double>(Array.Empty<double>(), 0, 2), new int[2]));
        Assert.StartsWith("'centroids' has no rows; at least one centroid is needed.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Centroids.AssignNearest(x, new ReadOnlyMatrixView<double>(new[] { 0.0, double.NegativeInfinity }, 1, 2), new int[2]));
        Assert.StartsWith("'centroids' holds -Infinity at row 0, column 1;", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Centroids.AssignNearest(x, x, new int[3]));
        Assert.StartsWith("'assignments' has 3 elements but must have 2 (one per row of x).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Centroids.SquaredDistances(x, x, new MatrixView<double>(new double[4], 4, 1)));
        Assert.StartsWith("'destination' is 4×1 but must be 2×2.", e.Message, StringComparison.Ordinal);
    }
}
