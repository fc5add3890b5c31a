using System;
using System.Linq;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

public class SoftmaxTests
{
    private static double[] ReferenceSoftmax(double[] z)
    {
        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 3.0 })]
    [InlineData(new[] { 1000.0, 1001.0, 999.0 })]
    [InlineData(new[] { -1000.0, 0.0 })]
    [InlineData(new[] { 5.0 })]
    public void Vector_softmax_and_log_softmax_match_reference(double[] z)
    {
        double[] expected = ReferenceSoftmax(z);
        var p = new double[z.Length];
        var logP = new double[z.Length];
        Softmax.Compute<double>(z, p);
        Softmax.ComputeLog<double>(z, logP);
        for (int k = 0; k < z.Length; k++)
        {
            // Both sides evaluate the same expression in double, a few roundings: 1e−15 relative.
            Assert.Equal(expected[k], p[k], 1e-15 + (1e-15 * expected[k]));

            // log-softmax is exact where softmax underflows: for z = (−1000, 0), log p₀ = −1000 although p₀ = 0.
            double max = z.Max();
            double expectedLog = z[k] - max - Math.Log(z.Sum(v => Math.Exp(v - max)));
            Assert.Equal(expectedLog, logP[k], 1e-13 * (1 + Math.Abs(expectedLog)));
        }

        Assert.Equal(1.0, p.Sum(), 1e-15);

        float[] zf = Array.ConvertAll(z, v => (float)v);
        var pf = new float[z.Length];
        Softmax.Compute<float>(zf, pf);
        Softmax.Compute<float>(zf, zf);
        Assert.Equal(pf, zf);
        for (int k = 0; k < z.Length; k++)
        {
            // Rows this short take the scalar row in float (MathF.Exp, a float sum, one multiply); for these inputs that
            // stays within ½ulp(float), tighter than the general bound SoftmaxRowsTests derives for every length.
            Assert.Equal(expected[k], pf[k], Reference.FloatU * expected[k] * 1.01);
        }
    }

    [Fact]
    public void Row_softmax_and_cross_entropy_match_reference()
    {
        var random = new Random(4);
        const int m = 37, k = 5;
        double[] z = Enumerable.Range(0, m * k).Select(_ => (random.NextDouble() * 20) - 10).ToArray();
        int[] labels = Enumerable.Range(0, m).Select(_ => random.Next(k)).ToArray();
        var p = new double[m * k];
        var logP = new double[m * k];
        var view = new ReadOnlyMatrixView<double>(z, m, k);
        Softmax.ComputeRows(view, new MatrixView<double>(p, m, k));
        Softmax.ComputeLogRows(view, new MatrixView<double>(logP, m, k));
        double crossEntropy = 0;
        for (int i = 0; i < m; i++)
        {
            double[] expected = ReferenceSoftmax(z.AsSpan(i * k, k).ToArray());
            for (int c = 0; c < k; c++)
            {
                Assert.Equal(expected[c], p[(i * k) + c], 1e-15 + (1e-14 * expected[c]));
                Assert.Equal(Math.Log(expected[c]), logP[(i * k) + c], 1e-13);
            }

            crossEntropy -= Math.Log(expected[labels[i]]);
        }

        Assert.Equal(crossEntropy / m, Softmax.CrossEntropy(view, labels), 1e-13);
    }

    [Fact]
    public void Cross_entropy_of_huge_logits_stays_finite()
    {
        // The right class wins by 1e4: loss e^−1e4 ≈ 0; the wrong class loses by 1e4: loss 1e4, not −log(0) = ∞.
        var z = new ReadOnlyMatrixView<float>(new[] { 1e4f, 0f, 0f, 1e4f }, 2, 2);
        Assert.Equal(0.0, Softmax.CrossEntropy(z, new[] { 0, 1 }), 1e-300);
        Assert.Equal(1e4, Softmax.CrossEntropy(z, new[] { 1, 0 }), 1e-9);
    }

    [Fact]
    public void Errors_name_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => Softmax.Compute<double>(ReadOnlySpan<double>.Empty, Span<double>.Empty));
        Assert.StartsWith("'z' is empty; softmax needs at least one logit.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.Compute<double>(new[] { 1.0, double.NaN }, new double[2]));
        Assert.StartsWith("'z' holds NaN at index 1; softmax takes finite logits or −∞ (a masked class), never NaN or +∞.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.ComputeLog<double>(new[] { 1.0, 2.0 }, new double[3]));
        Assert.StartsWith("'destination' has 3 elements but must have 2 (one per element of 'z').", e.Message, StringComparison.Ordinal);
        var z = new ReadOnlyMatrixView<double>(new double[6], 2, 3);
        e = Assert.Throws<ArgumentException>(() => Softmax.CrossEntropy(z, new[] { 0, 3 }));
        Assert.StartsWith("'labels' holds 3 at row 1; a label must be a class index in [0, 3).", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.ComputeRows(z, new MatrixView<double>(new double[6], 3, 2)));
        Assert.StartsWith("'destination' is 3×2 but must be 2×3.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.ComputeRows(new ReadOnlyMatrixView<double>(Array.Empty<double>(), 2, 0), new MatrixView<double>(Array.Empty<double>(), 2, 0)));
        Assert.StartsWith("'z' has no columns (2×0); at least one feature is needed.", e.Message, StringComparison.Ordinal);
    }
}
