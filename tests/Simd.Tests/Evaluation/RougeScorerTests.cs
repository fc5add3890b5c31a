using System;
using System.Collections.Generic;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>
/// The cases of google-research/google-research rouge/rouge_scorer_test.py, with its expected values: exact
/// fractions for the small cases, and ROUGE-1.5.5's five printed decimals for the test files.
/// </summary>
public sealed class RougeScorerTests
{
    private const double Exact = 1e-15;
    private const double FiveDecimals = 0.5e-5; // a value printed with five decimals is within half a unit of the last one

    private static readonly string[] Targets = LinesWithEnds("rouge_target.txt");
    private static readonly string[] Predictions = LinesWithEnds("rouge_prediction.txt");

    private static void AssertScore(double precision, double recall, double fmeasure, RougeScore actual, double tolerance)
    {
        Assert.True(Math.Abs(precision - actual.Precision) <= tolerance, $"precision {actual.Precision}, expected {precision}");
        Assert.True(Math.Abs(recall - actual.Recall) <= tolerance, $"recall {actual.Recall}, expected {recall}");
        Assert.True(Math.Abs(fmeasure - actual.FMeasure) <= tolerance, $"F {actual.FMeasure}, expected {fmeasure}");
    }

    // Python's readlines(): each line keeps its "\n".
    private static string[] LinesWithEnds(string name) => Array.ConvertAll(EvaluationData.Lines(name), l => l + "\n");

    [Fact]
    public void Rouge1()
    {
        RougeScores s = new RougeScorer().Score("testing one two", "testing");
        AssertScore(1, 1.0 / 3, 1.0 / 2, s.Rouge1, Exact);
    }

    [Fact]
    public void Rouge2_and_rougeL()
    {
        RougeScores s = new RougeScorer().Score("testing one two", "testing one");
        AssertScore(1, 1.0 / 2, 2.0 / 3, s.Rouge2, Exact);
        AssertScore(1, 2.0 / 3, 4.0 / 5, s.Rouge1, Exact);
        AssertScore(1, 2.0 / 3, 4.0 / 5, s.RougeL, Exact);
    }

    [Fact]
    public void RougeL_non_consecutive() => AssertScore(1, 2.0 / 3, 4.0 / 5, new RougeScorer().Score("testing one two", "testing two").RougeL, Exact);

    [Fact]
    public void An_empty_prediction_scores_zero_everywhere()
    {
        foreach ((string _, RougeScore score) in new RougeScorer().Score("testing one two", "").ToArray())
        {
            Assert.Equal(default, score);
        }
    }

    [Theory]
    [InlineData(false, 0, 0.68750, 0.40741, 0.51163)]
    [InlineData(false, 1, 0.65385, 0.40476, 0.50000)]
    [InlineData(true, 0, 0.68750, 0.40741, 0.51163)]
    [InlineData(true, 1, 0.69231, 0.42857, 0.52941)]
    public void Rouge1_against_rouge_1_5_5(bool stem, int line, double p, double r, double f) =>
        AssertScore(p, r, f, new RougeScorer(stem).Score(Targets[line], Predictions[line]).Rouge1, FiveDecimals);

    [Theory]
    [InlineData(false, 0, 0.53333, 0.30769, 0.39024)]
    [InlineData(false, 1, 0.48000, 0.29268, 0.36364)]
    [InlineData(true, 0, 0.53333, 0.30769, 0.39024)]
    [InlineData(true, 1, 0.48000, 0.29268, 0.36364)]
    public void Rouge2_against_rouge_1_5_5(bool stem, int line, double p, double r, double f) =>
        AssertScore(p, r, f, new RougeScorer(stem).Score(Targets[line], Predictions[line]).Rouge2, FiveDecimals);

    [Theory]
    [InlineData(0, 0.68750, 0.40741, 0.51163)]
    [InlineData(1, 0.65385, 0.40476, 0.50000)]
    public void RougeL_against_rouge_1_5_5(int line, double p, double r, double f) =>
        AssertScore(p, r, f, new RougeScorer().Score(Targets[line], Predictions[line]).RougeL, FiveDecimals);

    [Fact]
    public void RougeLsum_against_rouge_1_5_5_with_stemming()
    {
        string target = EvaluationData.Text("rouge_target_multi.0.txt");
        string prediction = EvaluationData.Text("rouge_prediction_multi.0.txt");
        AssertScore(0.66667, 0.36538, 0.47205, new RougeScorer(useStemmer: true).Score(target, prediction).RougeLsum, FiveDecimals);
    }

    [Fact]
    public void RougeLsum_takes_the_union_of_the_sentence_LCSs()
    {
        // Lin (2004), section 3.2: LCS with the first sentence w1 w2, with the second w1 w3 w5: union of 4 of 5 reference words.
        RougeScores s = new RougeScorer().Score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
        AssertScore(0.4, 0.8, 2 * 0.4 * 0.8 / 1.2, s.RougeLsum, Exact);
    }

    [Theory]
    [InlineData("w1 w2 w3 w4 w5", "")]
    [InlineData("", "w1")]
    [InlineData("w1 w2 w3 w4 w5", "/")]
    public void RougeLsum_is_zero_without_tokens_on_a_side(string target, string prediction) =>
        Assert.Equal(default, new RougeScorer().Score(target, prediction).RougeLsum);

    [Fact]
    public void A_token_counts_once_in_rougeLsum_however_many_sentences_match_it()
    {
        // Both predicted sentences match "a"; the reference holds it once, so it is one hit (ROUGE-1.5.5's rule).
        RougeScores s = new RougeScorer().Score("a b", "a\na");
        AssertScore(1.0 / 2, 1.0 / 2, 1.0 / 2, s.RougeLsum, Exact);
    }

    [Fact]
    public void RougeN_for_other_n()
    {
        var scorer = new RougeScorer();
        AssertScore(1, 1, 1, scorer.RougeN("a b c", "a b c", 3), Exact);
        AssertScore(0, 0, 0, scorer.RougeN("a b", "a b", 3), Exact);
        Assert.Equal(scorer.Score("x y z y", "y z x").Rouge2, scorer.RougeN("x y z y", "y z x", 2));
    }

    [Fact]
    public void Identical_texts_score_one_and_disjoint_texts_zero()
    {
        string text = "The cat sat on the mat.\nIt was happy.";
        foreach ((string name, RougeScore score) in new RougeScorer().Score(text, text).ToArray())
        {
            AssertScore(1, 1, 1, score, Exact);
            Assert.False(string.IsNullOrEmpty(name));
        }

        foreach ((string _, RougeScore score) in new RougeScorer().Score("alpha beta gamma", "delta epsilon").ToArray())
        {
            Assert.Equal(default, score);
        }
    }

    [Fact]
    public void Case_and_punctuation_do_not_matter_but_word_order_does_for_rouge2_and_rougeL()
    {
        var scorer = new RougeScorer();
        Assert.Equal(scorer.Score("the cat sat", "the cat sat"), scorer.Score("The CAT, sat!", "the cat sat"));
        RougeScores reversed = scorer.Score("a b c d", "d c b a");
        AssertScore(1, 1, 1, reversed.Rouge1, Exact);
        Assert.Equal(0, reversed.Rouge2.FMeasure);
        AssertScore(0.25, 0.25, 0.25, reversed.RougeL, Exact);
    }

    [Fact]
    public void Precision_is_against_the_prediction_and_recall_against_the_reference()
    {
        RougeScore s = new RougeScorer().Score("a b c d", "a b").Rouge1;
        AssertScore(1, 0.5, 2.0 / 3, s, Exact);
    }

    [Fact]
    public void Several_references_take_the_best_per_measure()
    {
        var scorer = new RougeScorer();
        string prediction = "a b c d";
        string[] references = ["d c b a", "a b x y"];
        RougeScores best = scorer.ScoreMulti(references, prediction);
        RougeScores first = scorer.Score(references[0], prediction), second = scorer.Score(references[1], prediction);
        Assert.Equal(first.Rouge1, best.Rouge1);   // 1 against 0.5
        Assert.Equal(second.Rouge2, best.Rouge2);  // 1/3 against 0
        Assert.Equal(second.RougeL, best.RougeL);  // 0.5 against 0.25
        Assert.Equal(scorer.Score("a", "a"), scorer.ScoreMulti(["a", "a"], "a"));
    }

    [Fact]
    public void Stemming_matches_inflections()
    {
        Assert.Equal(0, new RougeScorer().Score("the dogs were running", "dog ran run").Rouge1.FMeasure);
        Assert.True(new RougeScorer(useStemmer: true).Score("the dogs were running", "dog ran run").Rouge1.FMeasure > 0);
    }

    [Fact]
    public void Corpus_scores_are_the_means_of_the_per_text_scores()
    {
        var scorer = new RougeScorer();
        string[] predictions = ["a b c", "x y", "p"];
        string[] references = ["a b d", "x y", "q"];
        RougeCorpusScores corpus = scorer.ScoreCorpus(predictions, [references]);
        Assert.Equal(3, corpus.PerText.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(scorer.Score(references[i], predictions[i]), corpus.PerText[i]);
        }

        double expectedF = ((2.0 / 3) + 1 + 0) / 3;
        Assert.Equal(expectedF, corpus.Mean.Rouge1.FMeasure, 15);
        Assert.Equal(scorer.ScoreMulti(["a b d", "a b c"], "a b c"), scorer.ScoreCorpus(["a b c"], [["a b d"], ["a b c"]]).PerText[0]);
    }

    public static IEnumerable<object[]> BadCorpora()
    {
        yield return [Array.Empty<string>(), new[] { Array.Empty<string>() }, "predictions", "There are no predictions"];
        yield return [new[] { "a" }, Array.Empty<string[]>(), "referenceStreams", "There are no reference streams"];
        yield return [new[] { "a", "b" }, new[] { new[] { "a" } }, "referenceStreams", "referenceStreams[0] has 1 texts but there are 2 predictions"];
        yield return [new[] { "a" }, new[] { new[] { "a" }, new[] { "a", "b" } }, "referenceStreams", "referenceStreams[1] has 2 texts but there are 1 predictions"];
        yield return [new[] { "a", null! }, new[] { new[] { "a", "b" } }, "predictions", "predictions[1] is null"];
        yield return [new[] { "a" }, new[] { new string[] { null! } }, "referenceStreams", "referenceStreams[0][0] is null"];
    }

    [Theory]
    [MemberData(nameof(BadCorpora))]
    public void Bad_corpora_are_rejected_by_name(string[] predictions, string[][] streams, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new RougeScorer().ScoreCorpus(predictions, streams));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Bad_single_arguments_are_rejected_by_name()
    {
        var scorer = new RougeScorer();
        Assert.Equal("reference", Assert.Throws<ArgumentNullException>(() => scorer.Score(null!, "a")).ParamName);
        Assert.Equal("prediction", Assert.Throws<ArgumentNullException>(() => scorer.Score("a", null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => scorer.Tokenize(null!)).ParamName);
        var empty = Assert.Throws<ArgumentException>(() => scorer.ScoreMulti([], "a"));
        Assert.Equal("references", empty.ParamName);
        Assert.Contains("at least one reference", empty.Message);
        var nullReference = Assert.Throws<ArgumentNullException>(() => scorer.ScoreMulti(["a", null!], "a"));
        Assert.Contains("references[1] is null", nullReference.Message);
        var n = Assert.Throws<ArgumentOutOfRangeException>(() => scorer.RougeN("a", "a", 0));
        Assert.Equal("n", n.ParamName);
        Assert.Contains("n ≥ 1", n.Message);
    }
}
