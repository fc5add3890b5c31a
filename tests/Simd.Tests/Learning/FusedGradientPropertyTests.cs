using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simd.Learning;
using Simd.Learning.Kernels;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>
/// The fused kernel against the plain double loops of <see cref="Reference"/> on random shapes (m from 1 and n from 0
/// to a few hundred, odd sizes included), random row strides and offsets into a larger buffer.
/// </summary>
public class FusedGradientPropertyTests
{
    private sealed record Case(int M, int N, int Stride, int Offset, int Seed);

    private static Arbitrary<Case> Cases()
        => Gen.Choose(1, 300).SelectMany(m =>
            Gen.Choose(0, 300).SelectMany(n =>
                Gen.Choose(0, 5).SelectMany(pad =>
                    Gen.Choose(0, 17).SelectMany(offset =>
                        Gen.Choose(0, int.MaxValue).Select(seed => new Case(m, n, n + pad, offset, seed))))))
            .ToArbitrary();

    private static Arbitrary<Case> TallCases()
        => Gen.Choose(1_100, 6_000).SelectMany(m =>
            Gen.Choose(1, 40).SelectMany(n =>
                Gen.Choose(0, 3).SelectMany(pad =>
                    Gen.Choose(0, 17).SelectMany(offset =>
                        Gen.Choose(0, int.MaxValue).Select(seed => new Case(m, n, n + pad, offset, seed))))))
            .ToArbitrary();

    /// <summary>X in a larger buffer at <c>Offset</c> with row stride <c>Stride</c>; w, b and y of moderate size.</summary>
    private static (float[] Buffer, ReadOnlyMatrixView<float> X, double[] XDense, float[] Y, float[] W, float B) Make(Case c)
    {
        var random = new Random(c.Seed);
        int length = c.Offset + ((c.M - 1) * c.Stride) + c.N;
        var buffer = new float[length + 3];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (float)((random.NextDouble() * 4) - 2);
        }

        var dense = new double[c.M * c.N];
        for (int i = 0; i < c.M; i++)
        {
            for (int j = 0; j < c.N; j++)
            {
                dense[(i * c.N) + j] = buffer[c.Offset + (i * c.Stride) + j];
            }
        }

        var y = new float[c.M];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (float)((random.NextDouble() * 10) - 5);
        }

        var w = new float[c.N];
        for (int j = 0; j < w.Length; j++)
        {
            w[j] = (float)(random.NextDouble() - 0.5);
        }

        var view = new ReadOnlyMatrixView<float>(buffer.AsMemory(c.Offset, length - c.Offset), c.M, c.N, c.Stride);
        return (buffer, view, dense, y, w, (float)random.NextDouble());
    }

    [Property(MaxTest = 150)]
    public Property Fused_linear_step_matches_naive_double_loops_within_derived_bound()
        => Prop.ForAll(Cases(), c =>
        {
            (float[] _, ReadOnlyMatrixView<float> x, double[] dense, float[] y, float[] w, float b) = Make(c);
            double[] yd = Array.ConvertAll(y, v => (double)v), wd = Array.ConvertAll(w, v => (double)v);
            var gw = new double[c.N];
            double expected = Reference.LinearCostAndGradient(dense, yd, c.M, c.N, wd, b, 0, gw, out double gb);
            (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.FloatU);

            var gradient = new float[c.N];
            float cost = LinearRegression.CostAndGradient(x, y, w, b, gradient, out float biasGradient);

            bool ok = Math.Abs(cost - expected) <= costBound && Math.Abs(biasGradient - gb) <= biasBound;
            for (int j = 0; j < c.N; j++)
            {
                ok &= Math.Abs(gradient[j] - gw[j]) <= weightBounds[j];
            }

            return ok.Label($"m={c.M} n={c.N} stride={c.Stride}: cost {cost} vs {expected} (±{costBound}), ∂b {biasGradient} vs {gb}");
        });

    /// <summary>
    /// Row lengths of exactly four vectors of each width (16, 32, 64 floats; 8, 16, 32 doubles) and one on either side
    /// take their own grouped and row-wise forms; random lengths rarely hit them, so they are pinned here, misaligned
    /// and strided, for the linear step and the logistic step (float and double).
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void Rows_of_four_vectors_match_naive_double_loops_within_derived_bound(int n) => AssertPinnedLengthMatches(n);

    /// <summary>
    /// Rows of 512 bytes and more (128 floats, 64 doubles) take the pipelined form on x86 — four rows' dot products in the
    /// walk that adds the four rows before them, the partial last vector first — and rows of 16 vectors and more
    /// otherwise accumulate the gradient four rows at a time: each threshold on either side, with and without a partial
    /// vector, blocks that are cut to whole groups of four (200 floats: 10 rows to 8), and row counts that leave one to
    /// three rows after the groups and a shorter last block in a chunk.
    /// </summary>
    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(200)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(515)]
    [InlineData(520)]
    public void Long_rows_match_naive_double_loops_within_derived_bound(int n) => AssertPinnedLengthMatches(n);

    /// <summary>
    /// Rows far apart (a view into a wider matrix): the pipelined form asks for the rows ahead, not the bytes between
    /// them, and must give the same sums as for dense rows.
    /// </summary>
    [Theory]
    [InlineData(128)]
    [InlineData(515)]
    public void Rows_far_apart_match_naive_double_loops_within_derived_bound(int n) => AssertPinnedLengthMatches(n, new Case(203, n, n + 4099, 7, n + 4));

    private static void AssertPinnedLengthMatches(int n, params Case[] cases)
    {
        if (cases.Length == 0)
        {
            cases = [new Case(1, n, n, 0, n), new Case(301, n, n, 3, n + 1), new Case(1037, n, n + 5, 1, n + 2), new Case(303, n, n + 2, 2, n + 3)];
        }

        foreach (Case c in cases)
        {
            (float[] _, ReadOnlyMatrixView<float> x, double[] dense, float[] y, float[] w, float b) = Make(c);
            double[] yd = Array.ConvertAll(y, v => (double)v), wd = Array.ConvertAll(w, v => (double)v);
            var gw = new double[c.N];
            double expected = Reference.LinearCostAndGradient(dense, yd, c.M, c.N, wd, b, 0, gw, out double gb);
            (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.FloatU);

            var gradient = new float[c.N];
            float cost = LinearRegression.CostAndGradient(x, y, w, b, gradient, out float biasGradient);

            Assert.True(Math.Abs(cost - expected) <= costBound, $"m={c.M} n={c.N}: cost {cost} vs {expected} (±{costBound})");
            Assert.True(Math.Abs(biasGradient - gb) <= biasBound, $"m={c.M} n={c.N}: ∂b {biasGradient} vs {gb} (±{biasBound})");
            for (int j = 0; j < c.N; j++)
            {
                Assert.True(Math.Abs(gradient[j] - gw[j]) <= weightBounds[j], $"m={c.M} n={c.N}: ∂w[{j}] {gradient[j]} vs {gw[j]} (±{weightBounds[j]})");
            }

            // The same step in double (64 doubles fill the 512 bytes from which rows take the pipelined form).
            (double costBoundD, double[] weightBoundsD, double biasBoundD) = Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.DoubleU);
            var gradientD = new double[c.N];
            double costD = LinearRegression.CostAndGradient(new ReadOnlyMatrixView<double>(dense, c.M, c.N), yd, wd, b, gradientD, out double biasGradientD);
            Assert.True(Math.Abs(costD - expected) <= costBoundD, $"m={c.M} n={c.N}: double cost {costD} vs {expected} (±{costBoundD})");
            Assert.True(Math.Abs(biasGradientD - gb) <= biasBoundD, $"m={c.M} n={c.N}: double ∂b {biasGradientD} vs {gb} (±{biasBoundD})");
            for (int j = 0; j < c.N; j++)
            {
                Assert.True(Math.Abs(gradientD[j] - gw[j]) <= weightBoundsD[j], $"m={c.M} n={c.N}: double ∂w[{j}] {gradientD[j]} vs {gw[j]} (±{weightBoundsD[j]})");
            }

            // The logistic step groups the same rows (its errors then come a block at a time), in float and in double.
            (bool logisticOk, string logisticLabel) = LogisticMatches(c);
            Assert.True(logisticOk, logisticLabel);
        }
    }

    /// <summary>
    /// The step at the path's own width where it would take a narrower one (float rows of 32, and rows of 512 bytes and
    /// more on AMD designs, take 256 bits on the AVX-512 path): the 512-bit forms it avoids on one machine are those it runs
    /// on another, so they are checked on every machine, for both losses and both element types.
    /// </summary>
    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(200)]
    [InlineData(515)]
    public void Rows_at_the_paths_own_width_match_naive_double_loops_within_derived_bound(int n)
    {
        foreach (Case c in new[] { new Case(301, n, n, 3, n + 1), new Case(1037, n, n + 5, 1, n + 2) })
        {
            (float[] _, ReadOnlyMatrixView<float> x, double[] dense, float[] y, float[] w, float b) = Make(c);
            var xd = new ReadOnlyMatrixView<double>(dense, c.M, c.N);
            double[] yd = Array.ConvertAll(y, v => (double)v), wd = Array.ConvertAll(w, v => (double)v);
            float[] labels = Array.ConvertAll(y, v => v > 0 ? 1f : 0f);
            double[] labelsD = Array.ConvertAll(labels, v => (double)v);

            var gw = new double[c.N];
            double expected = Reference.LinearCostAndGradient(dense, yd, c.M, c.N, wd, b, 0, gw, out double gb);
            var gradient = new float[c.N];
            double cost = FusedGradientStep.Run<float, SquaredErrorLoss<float>>(x, y, w, b, 0, gradient, out double biasGradient, 1, pathWidth: true);
            AssertWithin(Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.FloatU), expected, gw, gb, cost, Array.ConvertAll(gradient, v => (double)v), biasGradient, $"linear float m={c.M} n={c.N}");
            var gradientD = new double[c.N];
            cost = FusedGradientStep.Run<double, SquaredErrorLoss<double>>(xd, yd, wd, b, 0, gradientD, out biasGradient, 1, pathWidth: true);
            AssertWithin(Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.DoubleU), expected, gw, gb, cost, gradientD, biasGradient, $"linear double m={c.M} n={c.N}");

            expected = Reference.LogisticCostAndGradient(dense, labelsD, c.M, c.N, wd, b, 0, gw, out gb);
            cost = FusedGradientStep.Run<float, LogLoss<float>>(x, labels, w, b, 0, gradient, out biasGradient, 1, pathWidth: true);
            AssertWithin(Reference.LogisticBounds(dense, c.M, c.N, wd, b, Reference.FloatU), expected, gw, gb, cost, Array.ConvertAll(gradient, v => (double)v), biasGradient, $"logistic float m={c.M} n={c.N}");
            cost = FusedGradientStep.Run<double, LogLoss<double>>(xd, labelsD, wd, b, 0, gradientD, out biasGradient, 1, pathWidth: true);
            AssertWithin(Reference.LogisticBounds(dense, c.M, c.N, wd, b, Reference.DoubleU), expected, gw, gb, cost, gradientD, biasGradient, $"logistic double m={c.M} n={c.N}");
        }
    }

    private static void AssertWithin(
        (double Cost, double[] Weights, double Bias) bounds, double expected, double[] gw, double gb, double cost, double[] gradient, double biasGradient, string label)
    {
        Assert.True(Math.Abs(cost - expected) <= bounds.Cost, $"{label}: cost {cost} vs {expected} (±{bounds.Cost})");
        Assert.True(Math.Abs(biasGradient - gb) <= bounds.Bias, $"{label}: ∂b {biasGradient} vs {gb} (±{bounds.Bias})");
        for (int j = 0; j < gw.Length; j++)
        {
            Assert.True(Math.Abs(gradient[j] - gw[j]) <= bounds.Weights[j], $"{label}: ∂w[{j}] {gradient[j]} vs {gw[j]} (±{bounds.Weights[j]})");
        }
    }

    [Property(MaxTest = 100)]
    public Property Fused_logistic_step_matches_naive_double_loops_within_derived_bound()
        => Prop.ForAll(Cases(), c =>
        {
            (bool ok, string label) = LogisticMatches(c);
            return ok.Label(label);
        });

    // Tall and narrow: a chunk holds more rows than the buffer in which the log-loss's cost terms wait for one kernel
    // call, so it is emptied within chunks as well as at their ends.
    [Property(MaxTest = 25)]
    public Property Fused_logistic_step_over_chunks_of_many_blocks_matches_naive_double_loops_within_derived_bound()
        => Prop.ForAll(TallCases(), c =>
        {
            (bool ok, string label) = LogisticMatches(c);
            return ok.Label(label);
        });

    /// <summary>
    /// The logistic step (labels: the case's targets above 0 as 1, else 0) in float and in double, each within its
    /// derived bound of the naive double loops.
    /// </summary>
    private static (bool Ok, string Label) LogisticMatches(Case c)
    {
        (float[] _, ReadOnlyMatrixView<float> x, double[] dense, float[] yRaw, float[] w, float b) = Make(c);
        float[] y = Array.ConvertAll(yRaw, v => v > 0 ? 1f : 0f);
        double[] yd = Array.ConvertAll(y, v => (double)v), wd = Array.ConvertAll(w, v => (double)v);
        var gw = new double[c.N];
        double expected = Reference.LogisticCostAndGradient(dense, yd, c.M, c.N, wd, b, 0, gw, out double gb);
        (double costBound, double[] weightBounds, double biasBound) = Reference.LogisticBounds(dense, c.M, c.N, wd, b, Reference.FloatU);
        var gradient = new float[c.N];
        float cost = LogisticRegression.CostAndGradient(x, y, w, b, gradient, out float biasGradient);

        (double costBoundD, double[] weightBoundsD, double biasBoundD) = Reference.LogisticBounds(dense, c.M, c.N, wd, b, Reference.DoubleU);
        var gradientD = new double[c.N];
        double costD = LogisticRegression.CostAndGradient(new ReadOnlyMatrixView<double>(dense, c.M, c.N), yd, wd, b, gradientD, out double biasGradientD);

        bool ok = Math.Abs(cost - expected) <= costBound && Math.Abs(biasGradient - gb) <= biasBound
            && Math.Abs(costD - expected) <= costBoundD && Math.Abs(biasGradientD - gb) <= biasBoundD;
        for (int j = 0; j < c.N; j++)
        {
            ok &= Math.Abs(gradient[j] - gw[j]) <= weightBounds[j] && Math.Abs(gradientD[j] - gw[j]) <= weightBoundsD[j];
        }

        return (ok, $"m={c.M} n={c.N}: cost {cost} / {costD} vs {expected} (±{costBound} / ±{costBoundD}), ∂b {biasGradient} / {biasGradientD} vs {gb} (±{biasBound} / ±{biasBoundD})");
    }

    [Property(MaxTest = 60)]
    public Property Fused_step_in_double_matches_reference_within_derived_bound()
        => Prop.ForAll(Cases(), c =>
        {
            (float[] _, ReadOnlyMatrixView<float> xf, double[] dense, float[] y, float[] w, float b) = Make(c);
            double[] yd = Array.ConvertAll(y, v => (double)v), wd = Array.ConvertAll(w, v => (double)v);
            var gw = new double[c.N];
            double expected = Reference.LinearCostAndGradient(dense, yd, c.M, c.N, wd, b, 0, gw, out double gb);
            (double costBound, double[] weightBounds, double biasBound) = Reference.LinearBounds(dense, yd, c.M, c.N, wd, b, Reference.DoubleU);

            var gradient = new double[c.N];
            double cost = LinearRegression.CostAndGradient(new ReadOnlyMatrixView<double>(dense, c.M, c.N), yd, wd, b, gradient, out double biasGradient);
            bool ok = Math.Abs(cost - expected) <= costBound && Math.Abs(biasGradient - gb) <= biasBound;
            for (int j = 0; j < c.N; j++)
            {
                ok &= Math.Abs(gradient[j] - gw[j]) <= weightBounds[j];
            }

            return ok.Label($"m={c.M} n={c.N}");
        });

    [Theory]
    [InlineData(5000, 33)]
    [InlineData(20000, 7)]
    [InlineData(777, 300)]
    [InlineData(1500, 200)]
    public void Results_are_bit_identical_for_every_thread_count(int m, int n)
    {
        var random = new Random(m + n);
        var x = new float[m * n];
        var y = new float[m];
        var w = new float[n];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(random.NextDouble() - 0.5);
        }

        for (int i = 0; i < m; i++)
        {
            y[i] = (float)random.NextDouble();
        }

        for (int j = 0; j < n; j++)
        {
            w[j] = (float)(random.NextDouble() - 0.5);
        }

        var view = new ReadOnlyMatrixView<float>(x, m, n);
        Assert.True(FusedGradientStep.ChunkRows<float>(n) < m, "the case must span several chunks");
        var expected = new float[n];
        double expectedCost = FusedGradientStep.Run<float, SquaredErrorLoss<float>>(view, y, w, 0.25f, 0.1, expected, out double expectedBias, 1);
        foreach (int threads in new[] { 2, 3, 8, -1 })
        {
            var gradient = new float[n];

            // Threshold 0 forces the parallel path even for these small inputs.
            double cost = FusedGradientStep.Run<float, SquaredErrorLoss<float>>(view, y, w, 0.25f, 0.1, gradient, out double bias, threads, parallelThreshold: 0);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedCost), BitConverter.DoubleToInt64Bits(cost));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedBias), BitConverter.DoubleToInt64Bits(bias));
            Assert.Equal(expected, gradient);
        }
    }

    [Fact]
    public void Public_entry_above_the_parallel_threshold_is_bit_identical_to_one_thread()
    {
        const int m = 9000, n = 33;
        Assert.True((long)m * n >= FusedGradientStep.ParallelThreshold);
        var random = new Random(11);
        var x = new double[m * n];
        var y = new double[m];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble();
        }

        for (int i = 0; i < m; i++)
        {
            y[i] = random.NextDouble();
        }

        var w = new double[n];
        w.AsSpan().Fill(0.1);
        var view = new ReadOnlyMatrixView<double>(x, m, n);
        var one = new double[n];
        var all = new double[n];
        double c1 = LogisticRegression.CostAndGradient(view, Array.ConvertAll(y, v => v > 0.5 ? 1.0 : 0.0), w, 0.0, one, out double b1, maxDegreeOfParallelism: 1);
        double c2 = LogisticRegression.CostAndGradient(view, Array.ConvertAll(y, v => v > 0.5 ? 1.0 : 0.0), w, 0.0, all, out double b2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(c1), BitConverter.DoubleToInt64Bits(c2));
        Assert.Equal(BitConverter.DoubleToInt64Bits(b1), BitConverter.DoubleToInt64Bits(b2));
        Assert.Equal(one, all);
    }
}
