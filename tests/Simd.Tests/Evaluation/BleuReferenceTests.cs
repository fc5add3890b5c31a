using System;
using System.Linq;
using System.Text.Json;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>
/// The synthetic edge-case corpus of Data/ scored against what sacreBLEU 2.6.0 printed for it
/// (Data/bleu_reference.json, Data/make_bleu_reference.py): every tokeniser, smoothing, case and reference count.
/// </summary>
public sealed class BleuReferenceTests
{
    // Both sides evaluate the same formula in double; only the last bits of Math.Log/Exp may differ from Python's libm,
    // and a score passes through about ten such operations, so a few ulps relative suffice.
    private const double Relative = 1e-13;

    private static readonly JsonElement Reference = EvaluationData.Json("bleu_reference.json");
    private static readonly string[] Hypotheses = EvaluationData.Lines("bleu_corpus.hyp.txt");
    private static readonly string[][] References = [EvaluationData.Lines("bleu_corpus.ref0.txt"), EvaluationData.Lines("bleu_corpus.ref1.txt")];

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(1, Math.Abs(expected)), $"{what}: sacreBLEU {expected:R}, here {actual:R}");

    [Fact]
    public void The_corpus_has_what_the_generator_wrote()
    {
        Assert.Equal("2.6.0", Reference.GetProperty("sacrebleu").GetString());
        Assert.Equal(240, Hypotheses.Length);
        Assert.All(References, r => Assert.Equal(240, r.Length));
        Assert.Contains(Hypotheses, h => h.Length == 0);
    }

    [Fact]
    public void Corpus_scores_equal_sacrebleus_for_every_setting()
    {
        int cases = 0;
        foreach (JsonElement c in Reference.GetProperty("corpus").EnumerateArray())
        {
            var options = new BleuOptions
            {
                Tokenizer = c.GetProperty("tokenize").GetString() switch { "13a" => BleuTokenizer.Mteval13a, "intl" => BleuTokenizer.International, _ => BleuTokenizer.None },
                Smoothing = c.GetProperty("smooth").GetString() switch { "floor" => BleuSmoothing.Floor, "add-k" => BleuSmoothing.AddK, "none" => BleuSmoothing.None, _ => BleuSmoothing.Exponential },
                SmoothValue = c.GetProperty("smoothValue").ValueKind == JsonValueKind.Null ? null : c.GetProperty("smoothValue").GetDouble(),
                Lowercase = c.GetProperty("lowercase").GetBoolean(),
                MaxNgramOrder = c.GetProperty("maxOrder").GetInt32(),
            };
            int nrefs = c.GetProperty("nrefs").GetInt32();
            BleuScore score = Bleu.Corpus(Hypotheses, References[..nrefs], options);
            string what = $"{options} nrefs {nrefs}";

            AssertClose(c.GetProperty("score").GetDouble(), score.Score, what + " score");
            AssertClose(c.GetProperty("bp").GetDouble(), score.BrevityPenalty, what + " bp");
            Assert.Equal(c.GetProperty("sysLen").GetInt64(), score.SystemLength);
            Assert.Equal(c.GetProperty("refLen").GetInt64(), score.ReferenceLength);
            Assert.Equal(c.GetProperty("signature").GetString(), score.Signature);
            Assert.Equal(c.GetProperty("line").GetString(), score.Format());
            double[] precisions = c.GetProperty("precisions").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            Assert.Equal(precisions.Length, score.Precisions.Count);
            for (int n = 0; n < precisions.Length; n++)
            {
                AssertClose(precisions[n], score.Precisions[n], $"{what} precision {n + 1}");
            }

            // sacreBLEU's add-k adds k to the counts of orders above 1 in place; the counts here are the raw ones.
            double k = options.Smoothing == BleuSmoothing.AddK ? options.SmoothValue ?? 1 : 0;
            double[] counts = c.GetProperty("counts").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            double[] totals = c.GetProperty("totals").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            for (int n = 0; n < counts.Length; n++)
            {
                Assert.Equal(counts[n] - (n > 0 ? k : 0), score.Counts[n]);
                Assert.Equal(totals[n] - (n > 0 ? k : 0), score.Totals[n]);
            }

            cases++;
        }

        Assert.Equal(3 * 6 * 2 * 2 + (3 * 2), cases);
    }

    [Fact]
    public void Sentence_scores_equal_sacrebleus()
    {
        double[] expected = Reference.GetProperty("sentenceScores").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(Hypotheses.Length, expected.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], Bleu.Sentence(Hypotheses[i], [References[0][i], References[1][i]]).Score, $"line {i + 1}");
        }
    }

    [Theory]
    [InlineData("13a", BleuTokenizer.Mteval13a)]
    [InlineData("intl", BleuTokenizer.International)]
    public void Tokens_equal_sacrebleus(string name, BleuTokenizer tokenizer)
    {
        string[] expected = Reference.GetProperty("tokens").GetProperty(name).EnumerateArray().Select(t => t.GetString()!).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Bleu.Tokenize(References[0][i], new BleuOptions { Tokenizer = tokenizer }));
        }
    }
}
