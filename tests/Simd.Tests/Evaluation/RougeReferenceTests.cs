using System;
using System.Linq;
using System.Text.Json;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>
/// 200 random multi-sentence pairs (repeated words, so LCS ties and union choices matter; inflections, so
/// stemming matters; two references each) scored by rouge-score's own functions (Data/rouge_reference.json).
/// </summary>
public sealed class RougeReferenceTests
{
    private static readonly JsonElement[] Cases = EvaluationData.Json("rouge_reference.json").GetProperty("cases").EnumerateArray().ToArray();

    // Both sides divide the same integers and evaluate 2·P·R/(P + R) in the same order, so the doubles are identical.
    private static void AssertSame(JsonElement expected, RougeScores actual, int index, string what)
    {
        foreach ((string name, RougeScore score) in actual.ToArray())
        {
            double[] e = expected.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.True(
                e[0] == score.Precision && e[1] == score.Recall && e[2] == score.FMeasure,
                $"case {index} {what} {name}: rouge-score ({e[0]:R}, {e[1]:R}, {e[2]:R}), here ({score.Precision:R}, {score.Recall:R}, {score.FMeasure:R})");
        }
    }

    [Fact]
    public void Every_pair_scores_as_in_rouge_score()
    {
        Assert.Equal(200, Cases.Length);
        var plain = new RougeScorer();
        var stemmed = new RougeScorer(useStemmer: true);
        for (int i = 0; i < Cases.Length; i++)
        {
            string[] references = Cases[i].GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToArray();
            string prediction = Cases[i].GetProperty("prediction").GetString()!;
            AssertSame(Cases[i].GetProperty("plain"), plain.Score(references[0], prediction), i, "plain");
            AssertSame(Cases[i].GetProperty("stemmed"), stemmed.Score(references[0], prediction), i, "stemmed");
            AssertSame(Cases[i].GetProperty("multi"), stemmed.ScoreMulti(references, prediction), i, "score_multi, stemmed");
        }
    }

    [Fact]
    public void The_corpus_exercises_what_it_is_for()
    {
        // Guards the data: stemming, the second reference and the sentence split each change some scores.
        Assert.True(Cases.Count(c => c.GetProperty("plain").GetRawText() != c.GetProperty("stemmed").GetRawText()) > 50);
        Assert.True(Cases.Count(c => c.GetProperty("multi").GetRawText() != c.GetProperty("stemmed").GetRawText()) > 50);
        Assert.True(Cases.Count(c => c.GetProperty("plain").GetProperty("rougeLsum").GetRawText() != c.GetProperty("plain").GetProperty("rougeL").GetRawText()) > 50);
    }
}
