using System;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>The aggregation cases of google-research/google-research rouge/scoring_test.py and the seed's reproducibility.</summary>
public sealed class RougeBootstrapTests
{
    // Three texts with rouge1 (P, R, F) = (1, 1/3, 1/2), (0, 0, 0), (1, 1, 1), as scoring_test.py adds them.
    private static RougeCorpusScores ThreeTexts()
    {
        var s = new RougeScores[3];
        s[0] = Uniform(new RougeScore(1, 1.0 / 3, 1.0 / 2));
        s[1] = Uniform(default);
        s[2] = Uniform(new RougeScore(1, 1, 1));
        return new RougeCorpusScores(s);
    }

    private static RougeScores Uniform(RougeScore s) => new(s, s, s, s);

    private static void AssertClose(RougeScore expected, RougeScore actual)
    {
        Assert.Equal(expected.Precision, actual.Precision, 1e-8);
        Assert.Equal(expected.Recall, actual.Recall, 1e-8);
        Assert.Equal(expected.FMeasure, actual.FMeasure, 1e-8);
    }

    [Fact]
    public void Consistent_percentiles()
    {
        // testConsistentPercentiles: confidence 0.9 → low (1/3, 1/9, 1/6), mid (2/3, 4/9, 3/6), high (1, 7/9, 5/6), within 1e-8.
        RougeConfidence c = ThreeTexts().Bootstrap(confidence: 0.9);
        AssertClose(new RougeScore(1.0 / 3, 1.0 / 9, 1.0 / 6), c.Low.Rouge1);
        AssertClose(new RougeScore(2.0 / 3, 4.0 / 9, 3.0 / 6), c.Mid.Rouge1);
        AssertClose(new RougeScore(1, 7.0 / 9, 5.0 / 6), c.High.Rouge1);
    }

    [Fact]
    public void Zero_confidence_collapses_to_the_median()
    {
        // testLargeConfidence: confidence 0 → low = mid = high = (2/3, 4/9, 3/6).
        RougeConfidence c = ThreeTexts().Bootstrap(confidence: 0);
        foreach (RougeScores s in new[] { c.Low, c.Mid, c.High })
        {
            AssertClose(new RougeScore(2.0 / 3, 4.0 / 9, 3.0 / 6), s.RougeLsum);
        }
    }

    [Fact]
    public void The_seed_reproduces_the_interval_and_the_interval_brackets_the_mean()
    {
        var scorer = new RougeScorer();
        string[] predictions = ["a b c", "a x", "q r s t", "b c d", "z", "a b", "c d e f", "x y"];
        string[] references = ["a b d", "a b", "q r", "b c e", "z y", "a c", "c d e", "x y z"];
        RougeCorpusScores corpus = scorer.ScoreCorpus(predictions, [references]);
        RougeConfidence first = corpus.Bootstrap(samples: 500, seed: 7);
        Assert.Equal(first, corpus.Bootstrap(samples: 500, seed: 7));
        Assert.NotEqual(first.Low, corpus.Bootstrap(samples: 500, seed: 8).Low);
        Assert.Equal((500, 0.95, 7), (first.Samples, first.Confidence, first.Seed));
        Assert.InRange(corpus.Mean.Rouge1.FMeasure, first.Low.Rouge1.FMeasure, first.High.Rouge1.FMeasure);
        Assert.True(first.Low.Rouge1.FMeasure < first.High.Rouge1.FMeasure);
    }

    [Fact]
    public void Percentiles_interpolate_linearly_as_numpy()
    {
        double[] sorted = [1, 2, 4, 8];
        Assert.Equal(1, RougeBootstrap.Percentile(sorted, 0));
        Assert.Equal(3, RougeBootstrap.Percentile(sorted, 0.5));   // numpy.percentile([1,2,4,8], 50) = 3.0
        Assert.Equal(6.8, RougeBootstrap.Percentile(sorted, 0.9), 12); // numpy: 6.8
        Assert.Equal(8, RougeBootstrap.Percentile(sorted, 1));
    }

    [Theory]
    [InlineData(0, 0.95, "samples", "at least one resample")]
    [InlineData(10, 1.0, "confidence", "[0, 1)")]
    [InlineData(10, -0.1, "confidence", "[0, 1)")]
    [InlineData(10, double.NaN, "confidence", "[0, 1)")]
    public void Bad_settings_are_rejected_by_name(int samples, double confidence, string parameter, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ThreeTexts().Bootstrap(samples, confidence));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message);
    }
}
