using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>
/// The row-wise softmax, log-softmax and fused cross-entropy with its gradient against double references, at every row
/// length around the vector widths, on strided misaligned views, in place, with extreme and −∞ logits, on every path.
/// </summary>
/// <remarks>
/// Tolerances follow the kernel's roundings (u the unit roundoff of T): t = z − M rounds once (relative u·|t| in e^t),
/// e^t is within 1 ulp (2u), the sum of positive terms adds γ(n), the reciprocal and the product u each. The sum's
/// relative error ρ is the e-weighted mean of the terms' errors plus γ(n). The double reference's own error is added.
/// </remarks>
public class SoftmaxRowsTests
{
    public static readonly int[] Lengths = [.. Enumerable.Range(1, 70), 127, 128, 129, 255, 256, 257, 1000, 4096];

    [Fact]
    public void Softmax_log_softmax_and_cross_entropy_match_the_reference_float() => AllLengths<float>();

    [Fact]
    public void Softmax_log_softmax_and_cross_entropy_match_the_reference_double() => AllLengths<double>();

    private static void AllLengths<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(15);
        foreach (int n in Lengths)
        {
            RowCase<T> z = Logits<T>(n, random);
            int[] labels = [random.Next(n), random.Next(n), random.Next(n), random.Next(n)];
            Check(z, labels, n);
        }
    }

    /// <summary>Four rows: moderate logits, ±1e4, a narrow range with −∞ entries (masked classes), and all equal.</summary>
    private static RowCase<T> Logits<T>(int n, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var z = new RowCase<T>(4, n, random, -20, 20);
        for (int j = 0; j < n; j++)
        {
            z.Set(1, j, random.Next(2) == 0 ? -1e4 + random.NextDouble() : 1e4 - (10 * random.NextDouble()));
            z.Set(2, j, j % 3 == 1 ? double.NegativeInfinity : random.NextDouble() - 0.5);
            z.Set(3, j, 7.25);
        }

        return z;
    }

    private static void Check<T>(RowCase<T> z, int[] labels, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = RowCase<T>.U, tiny = RowCase<T>.Tiny, ud = Reference.DoubleU;
        RowCase<T> p = z.Blank(), logP = z.Blank(), gradient = z.Blank(), gradientSum = z.Blank();
        Softmax.ComputeRows(z.View, p.View);
        Softmax.ComputeLogRows(z.View, logP.View);
        var losses = new T[z.M];
        double mean = Softmax.CrossEntropyAndGradient(z.View, labels, gradient.View, losses);
        double sum = Softmax.CrossEntropyAndGradient(z.View, labels, gradientSum.View, reduction: LossReduction.Sum);
        double meanOnly = Softmax.CrossEntropy<T>(z.View, labels);
        p.AssertGapsUntouched();
        logP.AssertGapsUntouched();
        gradient.AssertGapsUntouched();

        double scale = 1.0 / z.M, expectedTotal = 0, totalTolerance = 0;
        for (int i = 0; i < z.M; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < n; j++)
            {
                max = Math.Max(max, z[i, j]);
            }

            double s = 0, weighted = 0;
            for (int j = 0; j < n; j++)
            {
                double t = z[i, j] - max, e = Math.Exp(t);
                s += e;
                weighted += double.IsFinite(t) ? e * ((u * Math.Abs(t)) + (2 * u)) : 0;
            }

            double rho = (weighted / s) + Reference.Gamma(n, u) + (n * tiny / s) + (4 * ud);
            double logS = Math.Log(s);
            for (int j = 0; j < n; j++)
            {
                double t = z[i, j] - max, at = double.IsFinite(t) ? Math.Abs(t) : 0;
                double pk = Math.Exp(t) / s;
                string where = $"n = {n}, row {i}, column {j}";
                double tolerance = (1.02 * pk * ((u * at) + (4 * u) + rho)) + (4 * tiny) + (pk * 8 * ud * (1 + at));
                Near(pk, p[i, j], tolerance, "softmax " + where);

                double lk = t - logS;
                if (double.IsNegativeInfinity(t))
                {
                    Assert.True(double.IsNegativeInfinity(logP[i, j]), "log-softmax of −∞ " + where);
                    Assert.Equal(0.0, p[i, j]);
                }
                else
                {
                    Near(lk, logP[i, j], (1.02 * ((u * at) + rho + (u * Math.Abs(logS)) + (u * Math.Abs(lk)))) + (8 * ud * (1 + at + Math.Abs(logS))), "log-softmax " + where);
                }

                double delta = j == labels[i] ? 1 : 0;
                double g = scale * (pk - delta);
                double gTolerance = (1.02 * scale * ((pk * ((u * at) + (6 * u) + rho)) + (delta * (u + (u * Math.Abs(pk - delta)))))) + (4 * tiny) + (scale * pk * 8 * ud * (1 + at));
                Near(g, gradient[i, j], gTolerance, "gradient " + where);
                Near(pk - delta, gradientSum[i, j], gTolerance / scale, "summed gradient " + where);
            }

            double tl = z[i, labels[i]] - max;
            double loss = logS - tl;
            double lossTolerance = double.IsFinite(loss) ? (1.02 * rho) + (8 * ud * (1 + Math.Abs(loss) + Math.Abs(tl))) : 0;
            Near(loss, double.CreateTruncating(losses[i]), lossTolerance + (u * Math.Abs(loss)), $"loss n = {n}, row {i}");
            expectedTotal += loss;
            totalTolerance += lossTolerance;
        }

        Near(expectedTotal / z.M, mean, totalTolerance / z.M, $"mean loss n = {n}");
        Near(expectedTotal, sum, totalTolerance, $"summed loss n = {n}");
        Assert.Equal(mean, meanOnly);

        // In place: the same bits as into a separate buffer.
        RowCase<T> inPlace = z.Copy();
        Softmax.ComputeRows(inPlace.View, inPlace.View);
        Assert.Equal(p.Buffer, inPlace.Buffer);
        inPlace = z.Copy();
        Softmax.ComputeLogRows(inPlace.View, inPlace.View);
        Assert.Equal(logP.Buffer, inPlace.Buffer);
        inPlace = z.Copy();
        Assert.Equal(mean, Softmax.CrossEntropyAndGradient(inPlace.View, labels, inPlace.View));
        Assert.Equal(gradient.Buffer, inPlace.Buffer);
    }

    private static void Near(double expected, double actual, double tolerance, string what)
    {
        if (expected == actual)
        {
            return;
        }

        if (!(Math.Abs(expected - actual) <= tolerance))
        {
            throw new Xunit.Sdk.XunitException($"{what}: expected {expected:R}, got {actual:R}, error {Math.Abs(expected - actual):R} > {tolerance:R}.");
        }
    }

    [Fact]
    public void Vector_forms_match_the_row_forms_bit_for_bit()
    {
        var random = new Random(3);
        foreach (int n in new[] { 1, 7, 33, 4096 })
        {
            RowCase<float> z = Logits<float>(n, random);
            RowCase<float> rows = z.Blank(), logRows = z.Blank();
            Softmax.ComputeRows(z.View, rows.View);
            Softmax.ComputeLogRows(z.View, logRows.View);
            for (int i = 0; i < z.M; i++)
            {
                var p = new float[n];
                var logP = new float[n];
                Softmax.Compute<float>(z.Buffer.AsSpan(z.Index(i, 0), n), p);
                Softmax.ComputeLog<float>(z.Buffer.AsSpan(z.Index(i, 0), n), logP);
                Assert.Equal(rows.Buffer.AsSpan(z.Index(i, 0), n).ToArray(), p);
                Assert.Equal(logRows.Buffer.AsSpan(z.Index(i, 0), n).ToArray(), logP);
            }
        }
    }

    [Fact]
    public void Results_are_bit_identical_for_every_thread_count()
    {
        // 700×512 = 358,400 elements: above the parallel threshold, several chunks.
        var random = new Random(8);
        var z = new RowCase<float>(700, 512, random, -30, 30);
        int[] labels = [.. Enumerable.Range(0, 700).Select(_ => random.Next(512))];
        var results = new List<(float[] P, float[] LogP, float[] G, float[] Losses, double Loss)>();
        foreach (int threads in new[] { 1, 2, 3, -1 })
        {
            RowCase<float> p = z.Blank(), logP = z.Blank(), g = z.Blank();
            var losses = new float[700];
            Softmax.ComputeRows(z.View, p.View, threads);
            Softmax.ComputeLogRows(z.View, logP.View, threads);
            double loss = Softmax.CrossEntropyAndGradient(z.View, labels, g.View, losses, maxDegreeOfParallelism: threads);
            results.Add((p.Buffer, logP.Buffer, g.Buffer, losses, loss));
        }

        foreach (var r in results.Skip(1))
        {
            Assert.Equal(results[0].P, r.P);
            Assert.Equal(results[0].LogP, r.LogP);
            Assert.Equal(results[0].G, r.G);
            Assert.Equal(results[0].Losses, r.Losses);
            Assert.Equal(results[0].Loss, r.Loss);
        }
    }

    [Fact]
    public void Huge_logits_give_the_limit_without_overflow()
    {
        // Row 0: the winner by 2e4 takes probability 1, the loser exactly 0 (e^−2e4 underflows); log-probability −2e4 exactly.
        var z = new ReadOnlyMatrixView<float>(new[] { 1e4f, -1e4f, 0f, 1e4f, 1e4f, 0f }, 2, 3);
        var p = new float[6];
        var logP = new float[6];
        var g = new float[6];
        Softmax.ComputeRows(z, new MatrixView<float>(p, 2, 3));
        Softmax.ComputeLogRows(z, new MatrixView<float>(logP, 2, 3));
        Assert.Equal(new[] { 1f, 0f, 0f, 0.5f, 0.5f, 0f }, p);
        Assert.Equal(new[] { 0f, -2e4f, -1e4f }, logP[..3]);
        Assert.Equal(-MathF.Log(2), logP[3], 1e-6f);
        double loss = Softmax.CrossEntropyAndGradient(z, new[] { 1, 0 }, new MatrixView<float>(g, 2, 3), reduction: LossReduction.Sum);
        Assert.Equal(2e4 + Math.Log(2), loss, 1e-3);
        Assert.Equal(new[] { 1f, -1f, 0f, -0.5f, 0.5f, 0f }, g);
    }

    [Fact]
    public void Masked_logits_get_probability_zero_and_a_masked_label_costs_infinity()
    {
        double ninf = double.NegativeInfinity;
        var z = new ReadOnlyMatrixView<double>(new[] { ninf, 0.0, ninf, 0.0 }, 1, 4);
        var p = new double[4];
        var logP = new double[4];
        var g = new double[4];
        Softmax.ComputeRows(z, new MatrixView<double>(p, 1, 4));
        Softmax.ComputeLogRows(z, new MatrixView<double>(logP, 1, 4));
        Assert.Equal(new[] { 0, 0.5, 0, 0.5 }, p);
        Assert.Equal(new[] { ninf, -Math.Log(2), ninf, -Math.Log(2) }, logP);
        Assert.Equal(Math.Log(2), Softmax.CrossEntropyAndGradient(z, new[] { 1 }, new MatrixView<double>(g, 1, 4)), 1e-15);
        Assert.Equal(new[] { 0, -0.5, 0, 0.5 }, g);
        Assert.Equal(double.PositiveInfinity, Softmax.CrossEntropyAndGradient(z, new[] { 0 }, new MatrixView<double>(g, 1, 4)));
        Assert.Equal(new[] { -1, 0.5, 0, 0.5 }, g);
        Assert.Equal(double.PositiveInfinity, Softmax.CrossEntropy(z, new[] { 2 }));
    }

    [Fact]
    public void Finite_logits_whose_plain_sum_overflows_are_accepted()
    {
        // The screen's plain sum overflows to +∞ here; the exact re-check must accept the row.
        float[] z = [float.MaxValue, float.MaxValue, float.MaxValue, float.MaxValue, 3e38f, 3e38f, 3e38f, 3e38f, 1f];
        var p = new float[9];
        Softmax.Compute<float>(z, p);
        Assert.Equal(0.25f, p[0]);
        Assert.Equal(0f, p[4]);
    }

    [Fact]
    public void Bad_logits_are_rejected_naming_row_and_column_and_the_first_bad_row_whatever_the_threads()
    {
        var z = new RowCase<float>(700, 512, new Random(1), -1, 1);
        z.Set(650, 3, double.PositiveInfinity);
        z.Set(300, 500, double.NaN);
        for (int j = 0; j < 512; j++)
        {
            z.Set(500, j, double.NegativeInfinity);
        }

        foreach (int threads in new[] { 1, -1 })
        {
            var e = Assert.Throws<ArgumentException>(() => Softmax.ComputeRows(z.View, z.Blank().View, threads));
            Assert.Equal("z", e.ParamName);
            Assert.StartsWith("'z' holds NaN at row 300, column 500; softmax takes finite logits or −∞ (a masked class), never NaN or +∞.", e.Message, StringComparison.Ordinal);
        }

        z.Set(300, 500, 0);
        var e2 = Assert.Throws<ArgumentException>(() => Softmax.ComputeLogRows(z.View, z.Blank().View, 3));
        Assert.StartsWith("'z' row 500 holds only −∞; softmax needs at least one logit above −∞ (every class is masked).", e2.Message, StringComparison.Ordinal);
        for (int j = 0; j < 512; j++)
        {
            z.Set(500, j, 0);
        }

        int[] labels = new int[700];
        e2 = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z.View, labels, z.View));
        Assert.StartsWith("'z' holds Infinity at row 650, column 3;", e2.Message, StringComparison.Ordinal);
        e2 = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropy<float>(z.View, labels));
        Assert.StartsWith("'z' holds Infinity at row 650, column 3;", e2.Message, StringComparison.Ordinal);

        // The row that failed was not written, even in place: only earlier rows may have been.
        Assert.Equal(float.PositiveInfinity, z.Buffer[z.Index(650, 3)]);

        e2 = Assert.Throws<ArgumentException>(() => Softmax.Compute<double>(new[] { double.NegativeInfinity, double.NegativeInfinity }, new double[2]));
        Assert.StartsWith("'z' holds only −∞; softmax needs at least one logit above −∞ (every class is masked).", e2.Message, StringComparison.Ordinal);
        e2 = Assert.Throws<ArgumentException>(() => Softmax.ComputeLog<float>(new[] { 1f, 2f, 3f, 4f, float.PositiveInfinity }, new float[5]));
        Assert.StartsWith("'z' holds Infinity at index 4; softmax takes finite logits or −∞", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_entropy_and_gradient_errors_name_the_argument()
    {
        var z = new ReadOnlyMatrixView<float>(new float[6], 2, 3);
        var g = new MatrixView<float>(new float[6], 2, 3);
        var e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 3 }, g));
        Assert.StartsWith("'labels' holds 3 at row 1; a label must be a class index in [0, 3).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0 }, g));
        Assert.StartsWith("'labels' has 1 elements but must have 2 (one label per row of z).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 1 }, new MatrixView<float>(new float[6], 3, 2)));
        Assert.StartsWith("'gradient' is 3×2 but must be 2×3.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 1 }, g, new float[3]));
        Assert.StartsWith("'rowLosses' has 3 elements but must have 2 (one loss per row of z, or none).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(new ReadOnlyMatrixView<float>(Array.Empty<float>(), 0, 3), Array.Empty<int>(), new MatrixView<float>(Array.Empty<float>(), 0, 3)));
        Assert.StartsWith("'z' has no rows (0×3", e.Message, StringComparison.Ordinal);

        float[] shared = new float[8];
        var zs = new ReadOnlyMatrixView<float>(shared, 2, 3);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(zs, new[] { 0, 1 }, new MatrixView<float>(shared.AsMemory(1), 2, 3)));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("shares elements with input 'z'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 1 }, new MatrixView<float>(shared, 2, 3), shared.AsSpan(4, 2)));
        Assert.StartsWith("'rowLosses' (2 elements) shares elements with 'gradient' (2×3", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropyAndGradient(zs, new[] { 0, 1 }, g, shared.AsSpan(4, 2)));
        Assert.StartsWith("'rowLosses' (2 elements) shares elements with 'z' (2×3", e.Message, StringComparison.Ordinal);

        var r = Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 1 }, g, reduction: (LossReduction)2));
        Assert.Equal("reduction", r.ParamName);
        Assert.StartsWith("The reduction must be Mean or Sum.", r.Message, StringComparison.Ordinal);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.CrossEntropyAndGradient(z, new[] { 0, 1 }, g, maxDegreeOfParallelism: 0));
        Assert.Equal("maxDegreeOfParallelism", r.ParamName);
        Assert.StartsWith("The thread limit must be −1 (all cores) or ≥ 1.", r.Message, StringComparison.Ordinal);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.ComputeRows(z, g, -2));
        Assert.Equal("maxDegreeOfParallelism", r.ParamName);
        r = Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.ComputeLogRows(z, g, 0));
        Assert.Equal("maxDegreeOfParallelism", r.ParamName);
    }
}
