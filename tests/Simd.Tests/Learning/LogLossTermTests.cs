using System;
using Simd.Learning;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>
/// The log-loss term keeps the relative accuracy of small terms: where the label agrees with the score's sign the
/// term is log1p(e^−|z|) alone, down to e^−|z| near the smallest normal, and it must stay within a few ulp of that.
/// </summary>
public sealed class LogLossTermTests
{
    // The form's bound (about 2.5 ulp, see LearningKernels.LogLossTerm) plus that of Reference.Log1p (about 1 ulp);
    // 2 measured over these inputs.
    private const long MaxUlps = 4;

    [Fact]
    public void SmallTermsKeepTheirRelativeAccuracy()
    {
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            // |z| from 0 to 700, denser near 0, both signs, the label on the score's side.
            double z = Math.Pow(random.NextDouble(), 3) * 700 * (random.Next(2) == 0 ? -1 : 1);
            double label = z > 0 ? 1 : 0;
            double term = LearningKernels.LogLossTerm(z, label);
            double expected = Reference.Log1p(Math.Exp(-Math.Abs(z)));
            long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(term) - BitConverter.DoubleToInt64Bits(expected));
            Assert.True(ulps <= MaxUlps, $"z = {z:R}: term {term:R}, log1p(e^−|z|) {expected:R}: {ulps} ulp");
        }
    }

    [Fact]
    public void LargeTermsAreTheScoreItself()
    {
        // Confidently wrong: the term is |z| + log1p(e^−|z|), which rounds to |z| from |z| ≈ 37 on.
        Assert.Equal(50.0, LearningKernels.LogLossTerm(50, 0));
        Assert.Equal(50.0, LearningKernels.LogLossTerm(-50, 1));
        Assert.Equal(Math.Log(2), LearningKernels.LogLossTerm(0, 1), 15);
    }
}
