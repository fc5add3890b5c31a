using System;
using System.Linq;
using FsCheck;
using Property = Simd.Tests.Support.Property;
using FsCheck.Fluent;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>Properties of both metrics on random texts drawn from a small vocabulary (so that words repeat).</summary>
public sealed class EvaluationPropertyTests
{
    private static readonly string[] Words = ["the", "cat", "sat", "on", "a", "mat", "dog", "ran", "fast", "and", "far", "away"];

    // 4 to 20 words, so every text has n-grams up to order 4.
    private static Arbitrary<string[]> Texts() =>
        Gen.Choose(4, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements(Words), n)).ToArbitrary();

    private static Arbitrary<(string[] A, string[] B)> Pairs() =>
        Texts().Generator.SelectMany(a => Texts().Generator.Select(b => (a, b))).ToArbitrary();

    [Fact]
    public void Identical_texts_score_one_and_one_hundred() => Property.Check(Texts(), words =>
    {
        string text = string.Join(' ', words);
        foreach ((string _, RougeScore s) in new RougeScorer().Score(text, text).ToArray())
        {
            Assert.Equal(new RougeScore(1, 1, 1), s);
        }

        Assert.Equal(100, Bleu.Corpus([text], [[text]]).Score, 12);
    });

    [Fact]
    public void Texts_without_a_common_word_score_zero() => Property.Check(Pairs(), pair =>
    {
        string a = string.Join(' ', pair.A);
        string b = string.Join(' ', pair.B.Select(w => w.ToUpperInvariant() + "x"));
        foreach ((string _, RougeScore s) in new RougeScorer().Score(a, b).ToArray())
        {
            Assert.Equal(default, s);
        }

        Assert.Equal(0, Bleu.Corpus([b], [[a]]).Score);
    });

    [Fact]
    public void Scores_lie_in_range_and_swapping_sides_swaps_precision_and_recall() => Property.Check(Pairs(), pair =>
    {
        string a = string.Join(' ', pair.A), b = string.Join(' ', pair.B);
        var scorer = new RougeScorer();
        (string, RougeScore)[] forward = scorer.Score(a, b).ToArray(), backward = scorer.Score(b, a).ToArray();
        for (int m = 0; m < forward.Length; m++)
        {
            RougeScore f = forward[m].Item2, r = backward[m].Item2;
            Assert.InRange(f.FMeasure, 0, 1);
            // The harmonic mean lies between its operands, up to the three roundings of 2·P·R/(P + R) (≤ 3 ulp).
            double slack = 4 * double.Epsilon + (4 * Math.Max(f.Precision, f.Recall) * 1.1102230246251565e-16);
            Assert.InRange(f.FMeasure, Math.Min(f.Precision, f.Recall) - slack, Math.Max(f.Precision, f.Recall) + slack);
            Assert.Equal(f.Precision, r.Recall);
            Assert.Equal(f.Recall, r.Precision);
        }

        BleuScore bleu = Bleu.Corpus([b], [[a]]);
        Assert.InRange(bleu.Score, 0, 100 + 1e-9);
        Assert.InRange(bleu.BrevityPenalty, 0, 1);
    });

    [Fact]
    public void Rouge_ignores_case_and_rouge1_ignores_order() => Property.Check(Pairs(), pair =>
    {
        string a = string.Join(' ', pair.A), b = string.Join(' ', pair.B);
        var scorer = new RougeScorer();
        Assert.Equal(scorer.Score(a, b), scorer.Score(a.ToUpperInvariant(), b));
        Assert.Equal(scorer.Score(a, b).Rouge1, scorer.Score(a, string.Join(' ', pair.B.Reverse())).Rouge1);
    });

    [Fact]
    public void Lowercased_bleu_ignores_case_and_cased_bleu_does_not() => Property.Check(Texts(), words =>
    {
        string text = string.Join(' ', words);
        Assert.Equal(100, Bleu.Corpus([text.ToUpperInvariant()], [[text]], new BleuOptions { Lowercase = true }).Score, 12);
        Assert.Equal(0, Bleu.Corpus([text.ToUpperInvariant()], [[text]]).Score);
    });

    [Fact]
    public void A_stream_that_is_null_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Bleu.Corpus(["a"], [null!]));
        Assert.Equal("referenceStreams", e.ParamName);
        Assert.Contains("referenceStreams[0] is null", e.Message);
    }
}
