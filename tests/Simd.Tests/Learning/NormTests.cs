using System;
using System.Linq;
using System.Numerics;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>
/// Layer and RMS normalisation, forward and backward, against double references at every row length around the vector
/// widths, on strided misaligned views, in place, and for thread-count independence; the reference formulas are checked
/// against central differences.
/// </summary>
/// <remarks>
/// Forward tolerance (u the unit roundoff of T, E = γ(n + 4)): the row sum errs by at most E·Σ|x|, so μ̂ by
/// δμ = E·Σ|x|/n + u|μ|; the two-pass variance of x − μ̂ by E·σ² + δμ² (Σ(x − μ̂)² = Σ(x − μ)² + nδμ²), so r relatively
/// by ρ = ½(E·σ² + δμ²)/(σ² + ε) + 2u; y then by |γ|·r·(δμ + 2u|x − μ| + |x − μ|·ρ) + 2u|y|. Backward (with the saved μ̂,
/// r̂ as the reference's inputs): the sums Σh and Σh·x̂ by γ(n + 2) + 4u of Σ|h|, Σ|h·x̂|, and the final combination by
/// a few u of its terms. The double reference's own error is added.
/// </remarks>
public class NormTests
{
    [Fact]
    public void Layer_norm_matches_the_reference_float() => AllLengths<float>(centered: true);

    [Fact]
    public void Layer_norm_matches_the_reference_double() => AllLengths<double>(centered: true);

    [Fact]
    public void Rms_norm_matches_the_reference_float() => AllLengths<float>(centered: false);

    [Fact]
    public void Rms_norm_matches_the_reference_double() => AllLengths<double>(centered: false);

    private static void AllLengths<T>(bool centered)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(centered ? 21 : 22);
        foreach (int n in SoftmaxRowsTests.Lengths)
        {
            var x = new RowCase<T>(4, n, random, -3, 3);
            for (int j = 0; j < n; j++)
            {
                x.Set(1, j, 1000 + random.NextDouble());    // mean ≫ spread: the two-pass variance must not cancel
                x.Set(2, j, -2.5);                          // constant: σ² = 0, r = 1/√ε
                x.Set(3, j, 1e-3 * (random.NextDouble() - 0.5));
            }

            T[] gamma = [.. Enumerable.Range(0, n).Select(_ => T.CreateTruncating(0.5 + random.NextDouble()))];
            T[] beta = [.. Enumerable.Range(0, n).Select(_ => T.CreateTruncating(random.NextDouble() - 0.5))];
            var dy = new RowCase<T>(4, n, random, -1, 1);
            Check(x, dy, gamma, beta, centered, n == 64 ? 0.25 : 1e-5);
        }
    }

    private static void Check<T>(RowCase<T> x, RowCase<T> dy, T[] gamma, T[] beta, bool centered, double epsilon)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = RowCase<T>.U, ud = Reference.DoubleU;
        int m = x.M, n = x.N;
        RowCase<T> y = x.Blank();
        var mean = new T[m];
        var r = new T[m];
        Forward(x.View, gamma, beta, y.View, mean, r, epsilon, centered);
        y.AssertGapsUntouched();
        double e = Reference.Gamma(n + 4, u);
        for (int i = 0; i < m; i++)
        {
            double sum = 0, sumAbs = 0;
            for (int j = 0; j < n; j++)
            {
                sum += x[i, j];
                sumAbs += Math.Abs(x[i, j]);
            }

            double mu = centered ? sum / n : 0;
            double squares = 0;
            for (int j = 0; j < n; j++)
            {
                squares += (x[i, j] - mu) * (x[i, j] - mu);
            }

            double variance = squares / n, rr = 1 / Math.Sqrt(variance + epsilon);
            double dmu = centered ? (e * sumAbs / n) + (u * Math.Abs(mu)) : 0;
            double rho = (0.5 * ((e * variance) + (dmu * dmu)) / (variance + epsilon)) + (2 * u) + (8 * ud);
            string where = $"n = {n}, row {i}";
            if (centered)
            {
                Near(mu, double.CreateTruncating(mean[i]), dmu + (4 * ud * Math.Abs(mu)), "mean " + where);
            }

            Near(rr, double.CreateTruncating(r[i]), rr * rho, "1/σ " + where);
            for (int j = 0; j < n; j++)
            {
                double d = x[i, j] - mu, g = double.CreateTruncating(gamma[j]), b = centered ? double.CreateTruncating(beta[j]) : 0;
                double expected = (d * rr * g) + b;
                double tolerance = (1.05 * ((Math.Abs(g) * rr * (dmu + (2 * u * Math.Abs(d)) + (Math.Abs(d) * rho))) + (2 * u * Math.Abs(expected))))
                    + (16 * ud * (Math.Abs(expected) + Math.Abs(g * d * rr) + Math.Abs(b)));
                Near(expected, y[i, j], tolerance, $"y {where}, column {j}");
            }
        }

        // In place: the same bits.
        RowCase<T> inPlace = x.Copy();
        Forward(inPlace.View, gamma, beta, inPlace.View, Span<T>.Empty, Span<T>.Empty, epsilon, centered);
        Assert.Equal(y.Buffer, inPlace.Buffer);

        // Backward from the saved statistics; the reference uses the same μ̂ and r̂.
        RowCase<T> dx = x.Blank();
        var dGamma = new T[n];
        var dBeta = new T[n];
        Backward(x.View, dy.View, gamma, mean, r, dx.View, dGamma, dBeta, centered);
        dx.AssertGapsUntouched();
        var dGammaExpected = new double[n];
        var dGammaBound = new double[n];
        var dBetaExpected = new double[n];
        var dBetaBound = new double[n];
        for (int i = 0; i < m; i++)
        {
            double mu = double.CreateTruncating(mean[i]), rr = double.CreateTruncating(r[i]);
            double a = 0, b = 0, absH = 0, absHx = 0;
            for (int j = 0; j < n; j++)
            {
                double xh = (x[i, j] - mu) * rr, h = dy[i, j] * double.CreateTruncating(gamma[j]);
                a += h;
                b += h * xh;
                absH += Math.Abs(h);
                absHx += Math.Abs(h * xh);
                dGammaExpected[j] += dy[i, j] * xh;
                dGammaBound[j] += Math.Abs(dy[i, j] * xh);
                dBetaExpected[j] += dy[i, j];
                dBetaBound[j] += Math.Abs(dy[i, j]);
            }

            a = centered ? a / n : 0;
            b /= n;
            double aError = centered ? ((Reference.Gamma(n, u) + u) * absH / n) + (u * Math.Abs(a)) : 0;
            double bError = ((Reference.Gamma(n + 2, u) + (4 * u)) * absHx / n) + (u * Math.Abs(b));
            for (int j = 0; j < n; j++)
            {
                double xh = (x[i, j] - mu) * rr, h = dy[i, j] * double.CreateTruncating(gamma[j]);
                double expected = rr * (h - a - (xh * b));
                double tolerance = (1.05 * ((rr * ((u * Math.Abs(h)) + aError + (3 * u * Math.Abs(xh * b)) + (Math.Abs(xh) * bError)
                    + (2 * u * (Math.Abs(h - a) + Math.Abs(xh * b))))) + (2 * u * Math.Abs(expected))))
                    + (16 * ud * rr * (Math.Abs(h) + Math.Abs(a) + Math.Abs(xh * b)));
                Near(expected, dx[i, j], tolerance, $"dx n = {n}, row {i}, column {j}");
            }
        }

        for (int j = 0; j < n; j++)
        {
            double gammaTolerance = ((Reference.Gamma(m + 3, u) + (3 * u)) * dGammaBound[j]) + (u * Math.Abs(dGammaExpected[j])) + (8 * ud * dGammaBound[j]);
            Near(dGammaExpected[j], double.CreateTruncating(dGamma[j]), gammaTolerance, $"dγ n = {n}, column {j}");
            if (centered)
            {
                double betaTolerance = (Reference.Gamma(m, u) * dBetaBound[j]) + (u * Math.Abs(dBetaExpected[j])) + (8 * ud * dBetaBound[j]);
                Near(dBetaExpected[j], double.CreateTruncating(dBeta[j]), betaTolerance, $"dβ n = {n}, column {j}");
            }
        }

        // In place on the output gradient and on the input: the same bits.
        RowCase<T> dyCopy = dy.Copy();
        Backward(x.View, dyCopy.View, gamma, mean, r, dyCopy.View, new T[n], new T[n], centered);
        Assert.Equal(dx.Buffer, dyCopy.Buffer);
        RowCase<T> xCopy = x.Copy();
        Backward(xCopy.View, dy.View, gamma, mean, r, xCopy.View, new T[n], new T[n], centered);
        Assert.Equal(dx.Buffer, xCopy.Buffer);
    }

    private static void Forward<T>(ReadOnlyMatrixView<T> x, T[] gamma, T[] beta, MatrixView<T> y, Span<T> mean, Span<T> r, double epsilon, bool centered, int threads = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (centered)
        {
            LayerNorm.Forward(x, gamma, beta, y, mean, r, epsilon, threads);
        }
        else
        {
            RmsNorm.Forward(x, gamma, y, epsilon, r, threads);
        }
    }

    private static void Backward<T>(
        ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> dy, T[] gamma, T[] mean, T[] r, MatrixView<T> dx, T[] dGamma, T[] dBeta, bool centered, int threads = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (centered)
        {
            LayerNorm.Backward(x, dy, gamma, mean, r, dx, dGamma, dBeta, threads);
        }
        else
        {
            RmsNorm.Backward(x, dy, gamma, r, dx, dGamma, threads);
        }
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradients_match_central_differences(bool centered)
    {
        // L = Σ w∘y, so ∂L/∂y = w; each analytic derivative against (L(θ + h) − L(θ − h)) / 2h, whose error is O(h²) + O(ε/h).
        var random = new Random(5);
        const int m = 3, n = 7;
        const double epsilon = 1e-3, h = 1e-5;
        double[] x = [.. Enumerable.Range(0, m * n).Select(_ => (random.NextDouble() * 4) - 2)];
        double[] w = [.. Enumerable.Range(0, m * n).Select(_ => random.NextDouble() - 0.5)];
        double[] gamma = [.. Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble())];
        double[] beta = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        double Loss(double[] xs, double[] gs, double[] bs)
        {
            var y = new double[m * n];
            Forward(new ReadOnlyMatrixView<double>(xs, m, n), gs, bs, new MatrixView<double>(y, m, n), Span<double>.Empty, Span<double>.Empty, epsilon, centered);
            return y.Zip(w, (a, b) => a * b).Sum();
        }

        var mean = new double[m];
        var r = new double[m];
        Forward(new ReadOnlyMatrixView<double>(x, m, n), gamma, beta, new MatrixView<double>(new double[m * n], m, n), mean, r, epsilon, centered);
        var dx = new double[m * n];
        var dGamma = new double[n];
        var dBeta = new double[n];
        Backward(new ReadOnlyMatrixView<double>(x, m, n), new ReadOnlyMatrixView<double>(w, m, n), gamma, mean, r, new MatrixView<double>(dx, m, n), dGamma, dBeta, centered);

        double Difference(double[] values, int k, Func<double> loss)
        {
            double keep = values[k];
            values[k] = keep + h;
            double up = loss();
            values[k] = keep - h;
            double down = loss();
            values[k] = keep;
            return (up - down) / (2 * h);
        }

        for (int k = 0; k < m * n; k++)
        {
            Assert.Equal(Difference(x, k, () => Loss(x, gamma, beta)), dx[k], 1e-7);
        }

        for (int j = 0; j < n; j++)
        {
            Assert.Equal(Difference(gamma, j, () => Loss(x, gamma, beta)), dGamma[j], 1e-7);
            if (centered)
            {
                Assert.Equal(Difference(beta, j, () => Loss(x, gamma, beta)), dBeta[j], 1e-7);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Results_are_bit_identical_for_every_thread_count(bool centered)
    {
        var random = new Random(9);
        var x = new RowCase<float>(700, 512, random, -2, 2);
        var dy = new RowCase<float>(700, 512, random, -1, 1);
        float[] gamma = [.. Enumerable.Range(0, 512).Select(_ => (float)random.NextDouble())];
        float[] beta = [.. Enumerable.Range(0, 512).Select(_ => (float)random.NextDouble())];
        (float[] Y, float[] Mean, float[] R, float[] Dx, float[] DGamma, float[] DBeta)? first = null;
        foreach (int threads in new[] { 1, 2, 3, -1 })
        {
            RowCase<float> y = x.Blank(), dx = x.Blank();
            float[] mean = new float[700], r = new float[700], dGamma = new float[512], dBeta = new float[512];
            Forward(x.View, gamma, beta, y.View, centered ? mean : Span<float>.Empty, r, 1e-5, centered, threads);
            Backward(x.View, dy.View, gamma, mean, r, dx.View, dGamma, dBeta, centered, threads);
            if (first is not { } f)
            {
                first = (y.Buffer, mean, r, dx.Buffer, dGamma, dBeta);
                continue;
            }

            Assert.Equal(f.Y, y.Buffer);
            Assert.Equal(f.Mean, mean);
            Assert.Equal(f.R, r);
            Assert.Equal(f.Dx, dx.Buffer);
            Assert.Equal(f.DGamma, dGamma);
            Assert.Equal(f.DBeta, dBeta);
        }
    }

    [Fact]
    public void Nan_propagates_through_its_own_row_only_and_epsilon_zero_on_a_constant_row_gives_nan()
    {
        float[] data = [1, 2, float.NaN, 4, 5, 6, 7, 8];
        var y = new float[8];
        LayerNorm.Forward(new ReadOnlyMatrixView<float>(data, 2, 4), new float[] { 1, 1, 1, 1 }, new float[4], new MatrixView<float>(y, 2, 4));
        Assert.All(y[..4], v => Assert.True(float.IsNaN(v)));
        Assert.All(y[4..], v => Assert.True(float.IsFinite(v)));
        RmsNorm.Forward(new ReadOnlyMatrixView<float>(data, 2, 4), new float[] { 1, 1, 1, 1 }, new MatrixView<float>(y, 2, 4), 1e-6);
        Assert.All(y[..4], v => Assert.True(float.IsNaN(v)));
        Assert.All(y[4..], v => Assert.True(float.IsFinite(v)));

        LayerNorm.Forward(new ReadOnlyMatrixView<float>(new float[] { 3, 3, 3 }, 1, 3), new float[] { 1, 1, 1 }, new float[3], new MatrixView<float>(y, 1, 3), epsilon: 0);
        Assert.All(y[..3], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Forward_errors_name_the_argument()
    {
        var x = new ReadOnlyMatrixView<float>(new float[6], 2, 3);
        var y = new MatrixView<float>(new float[6], 2, 3);
        float[] g = new float[3], b = new float[3];
        Message(() => LayerNorm.Forward(x, new float[2], b, y), "gamma", "'gamma' has 2 elements but must have 3 (one per column of x).");
        Message(() => LayerNorm.Forward(x, g, new float[4], y), "beta", "'beta' has 4 elements but must have 3 (one per column of x).");
        Message(() => LayerNorm.Forward(x, g, b, new MatrixView<float>(new float[6], 3, 2)), "destination", "'destination' is 3×2 but must be 2×3.");
        Message(() => LayerNorm.Forward(x, g, b, y, new float[3]), "mean", "'mean' has 3 elements but must have 2 (one per row of x, or none).");
        Message(() => LayerNorm.Forward(x, g, b, y, reciprocalStd: new float[1]), "reciprocalStd", "'reciprocalStd' has 1 elements but must have 2 (one per row of x, or none).");
        Message(() => RmsNorm.Forward(x, g, y, 1e-6, new float[1]), "reciprocalRms", "'reciprocalRms' has 1 elements but must have 2 (one per row of x, or none).");
        Message(() => LayerNorm.Forward(new ReadOnlyMatrixView<float>(Array.Empty<float>(), 2, 0), Array.Empty<float>(), Array.Empty<float>(), new MatrixView<float>(Array.Empty<float>(), 2, 0)), "x", "'x' has no columns (2×0); at least one feature is needed.");
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => LayerNorm.Forward(x, g, b, y, epsilon: -1));
        Assert.Equal("epsilon", range.ParamName);
        Assert.StartsWith("'epsilon' must be finite and ≥ 0.", range.Message, StringComparison.Ordinal);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => RmsNorm.Forward(x, g, y, double.NaN));
        Assert.Equal("epsilon", range.ParamName);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => LayerNorm.Forward(x, g, b, y, maxDegreeOfParallelism: 0));
        Assert.Equal("maxDegreeOfParallelism", range.ParamName);

        float[] shared = new float[12];
        var xs = new ReadOnlyMatrixView<float>(shared, 2, 3);
        Message(() => LayerNorm.Forward(xs, g, b, new MatrixView<float>(shared.AsMemory(2), 2, 3)), "destination", "'destination' (2×3) shares elements with input 'x' (2×3) but is not the same view");
        Message(() => LayerNorm.Forward(x, shared.AsSpan(0, 3), b, new MatrixView<float>(shared, 2, 3)), "destination", "'destination' (2×3) shares elements with 'gamma' (3 elements);");
        Message(() => LayerNorm.Forward(x, g, shared.AsSpan(4, 3), new MatrixView<float>(shared, 2, 3)), "destination", "'destination' (2×3) shares elements with 'beta' (3 elements);");
        Message(() => LayerNorm.Forward(xs, g, b, y, shared.AsSpan(5, 2)), "mean", "'mean' (2 elements) shares elements with 'x' (2×3);");
        Message(() => LayerNorm.Forward(x, g, b, new MatrixView<float>(shared, 2, 3), reciprocalStd: shared.AsSpan(0, 2)), "reciprocalStd", "'reciprocalStd' (2 elements) shares elements with 'destination' (2×3);");
        Message(() => LayerNorm.Forward(x, g, b, y, shared.AsSpan(0, 2), shared.AsSpan(1, 2)), "reciprocalStd", "'reciprocalStd' (2 elements) shares elements with 'mean' (2 elements);");
        Message(() => LayerNorm.Forward(x, shared.AsSpan(0, 3), b, y, shared.AsSpan(2, 2)), "mean", "'mean' (2 elements) shares elements with 'gamma' (3 elements);");
        Message(() => LayerNorm.Forward(x, g, shared.AsSpan(0, 3), y, shared.AsSpan(2, 2)), "mean", "'mean' (2 elements) shares elements with 'beta' (3 elements);");
    }

    [Fact]
    public void Backward_errors_name_the_argument()
    {
        var x = new ReadOnlyMatrixView<float>(new float[6], 2, 3);
        var dy = new ReadOnlyMatrixView<float>(new float[6], 2, 3);
        var dx = new MatrixView<float>(new float[6], 2, 3);
        float[] g = new float[3], mean = new float[2], r = new float[2], dg = new float[3], db = new float[3];
        Message(() => LayerNorm.Backward(x, new ReadOnlyMatrixView<float>(new float[6], 3, 2), g, mean, r, dx, dg, db), "outputGradient", "'outputGradient' is 3×2 but must be 2×3 (the shape of x).");
        Message(() => LayerNorm.Backward(x, dy, new float[4], mean, r, dx, dg, db), "gamma", "'gamma' has 4 elements but must have 3 (one per column of x).");
        Message(() => LayerNorm.Backward(x, dy, g, new float[1], r, dx, dg, db), "mean", "'mean' has 1 elements but must have 2 (one per row of x, as the forward pass saved it).");
        Message(() => LayerNorm.Backward(x, dy, g, mean, new float[3], dx, dg, db), "reciprocalStd", "'reciprocalStd' has 3 elements but must have 2 (one per row of x, as the forward pass saved it).");
        Message(() => RmsNorm.Backward(x, dy, g, new float[3], dx, dg), "reciprocalRms", "'reciprocalRms' has 3 elements but must have 2 (one per row of x, as the forward pass saved it).");
        Message(() => LayerNorm.Backward(x, dy, g, mean, r, new MatrixView<float>(new float[6], 1, 6), dg, db), "inputGradient", "'inputGradient' is 1×6 but must be 2×3.");
        Message(() => LayerNorm.Backward(x, dy, g, mean, r, dx, new float[2], db), "gammaGradient", "'gammaGradient' has 2 elements but must have 3 (one per column of x).");
        Message(() => LayerNorm.Backward(x, dy, g, mean, r, dx, dg, new float[2]), "betaGradient", "'betaGradient' has 2 elements but must have 3 (one per column of x).");
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => RmsNorm.Backward(x, dy, g, r, dx, dg, -3)).ParamName);

        float[] shared = new float[12];
        var xs = new ReadOnlyMatrixView<float>(shared, 2, 3);
        Message(() => LayerNorm.Backward(xs, dy, g, mean, r, new MatrixView<float>(shared.AsMemory(1), 2, 3), dg, db), "inputGradient", "'inputGradient' (2×3) shares elements with input 'x' (2×3) but is not the same view");
        Message(() => LayerNorm.Backward(x, xs, g, mean, r, new MatrixView<float>(shared.AsMemory(1), 2, 3), dg, db), "inputGradient", "'inputGradient' (2×3) shares elements with input 'outputGradient' (2×3) but is not the same view");
        Message(() => LayerNorm.Backward(x, dy, shared.AsSpan(0, 3), mean, r, new MatrixView<float>(shared, 2, 3), dg, db), "inputGradient", "'inputGradient' (2×3) shares elements with 'gamma' (3 elements);");
        Message(() => LayerNorm.Backward(x, dy, g, shared.AsSpan(0, 2), r, new MatrixView<float>(shared, 2, 3), dg, db), "inputGradient", "'inputGradient' (2×3) shares elements with 'mean' (2 elements);");
        Message(() => LayerNorm.Backward(x, dy, g, mean, shared.AsSpan(0, 2), new MatrixView<float>(shared, 2, 3), dg, db), "inputGradient", "'inputGradient' (2×3) shares elements with 'reciprocalStd' (2 elements);");
        Message(() => LayerNorm.Backward(xs, dy, g, mean, r, dx, shared.AsSpan(0, 3), db), "gammaGradient", "'gammaGradient' (3 elements) shares elements with 'x' (2×3);");
        Message(() => LayerNorm.Backward(x, xs, g, mean, r, dx, dg, shared.AsSpan(0, 3)), "betaGradient", "'betaGradient' (3 elements) shares elements with 'outputGradient' (2×3);");
        Message(() => LayerNorm.Backward(x, dy, shared.AsSpan(0, 3), mean, r, dx, shared.AsSpan(1, 3), db), "gammaGradient", "'gammaGradient' (3 elements) shares elements with 'gamma' (3 elements);");
        Message(() => LayerNorm.Backward(x, dy, g, shared.AsSpan(0, 2), r, dx, shared.AsSpan(1, 3), db), "gammaGradient", "'gammaGradient' (3 elements) shares elements with 'mean' (2 elements);");
        Message(() => LayerNorm.Backward(x, dy, g, mean, shared.AsSpan(0, 2), dx, shared.AsSpan(1, 3), db), "gammaGradient", "'gammaGradient' (3 elements) shares elements with 'reciprocalStd' (2 elements);");
        Message(() => LayerNorm.Backward(x, dy, g, mean, r, new MatrixView<float>(shared, 2, 3), shared.AsSpan(4, 3), db), "gammaGradient", "'gammaGradient' (3 elements) shares elements with 'inputGradient' (2×3);");
        Message(() => LayerNorm.Backward(x, dy, g, mean, r, dx, shared.AsSpan(0, 3), shared.AsSpan(2, 3)), "betaGradient", "'betaGradient' (3 elements) shares elements with 'gammaGradient' (3 elements);");
    }

    private static void Message(Action call, string parameter, string start)
    {
        var e = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
    }
}
