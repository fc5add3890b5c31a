using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Tests.Support;
using Simd.Evaluation;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>
/// <c>simd eval</c> on the library's reference corpora: its numbers are the ones sacreBLEU 2.6.0 and rouge-score
/// print for the same files (EvaluationData/, see the README next to the originals in tests/Simd.Tests/Evaluation/Data).
/// </summary>
public sealed class EvalCommandTests
{
    private static readonly string Hyp = Data("bleu_corpus.hyp.txt");
    private static readonly string Ref0 = Data("bleu_corpus.ref0.txt");
    private static readonly string Ref1 = Data("bleu_corpus.ref1.txt");
    private static readonly string RougePrediction = Data("rouge_prediction.txt");
    private static readonly string RougeTarget = Data("rouge_target.txt");

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "EvaluationData", name);

    private static JsonElement ReferenceCase(string tokenize, string smooth, double? value, bool lowercase, int nrefs)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Data("bleu_reference.json")));
        return document.RootElement.GetProperty("corpus").EnumerateArray().Single(c =>
            c.GetProperty("tokenize").GetString() == tokenize && c.GetProperty("smooth").GetString() == smooth
            && (c.GetProperty("smoothValue").ValueKind == JsonValueKind.Null ? null : (double?)c.GetProperty("smoothValue").GetDouble()) == value
            && c.GetProperty("lowercase").GetBoolean() == lowercase && c.GetProperty("nrefs").GetInt32() == nrefs
            && c.GetProperty("maxOrder").GetInt32() == 4).Clone();
    }

    private static CliResult Run(params string[] args)
    {
        CliResult run = InProcess.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    [Fact]
    public void Bleu_json_is_what_sacrebleu_prints_for_the_same_files()
    {
        JsonElement bleu = Run("eval", "--metric", "bleu", "--predictions", Hyp, "--references", Ref0, Ref1, "--json").Json().GetProperty("bleu");
        JsonElement expected = ReferenceCase("13a", "exp", null, false, 2);
        Assert.Equal(expected.GetProperty("score").GetDouble(), bleu.GetProperty("score").GetDouble(), 1e-11);
        Assert.Equal(expected.GetProperty("bp").GetDouble(), bleu.GetProperty("bp").GetDouble(), 1e-13);
        Assert.Equal(expected.GetProperty("sysLen").GetInt64(), bleu.GetProperty("sysLen").GetInt64());
        Assert.Equal(expected.GetProperty("refLen").GetInt64(), bleu.GetProperty("refLen").GetInt64());
        Assert.Equal(expected.GetProperty("signature").GetString(), bleu.GetProperty("signature").GetString());
        double[] precisions = expected.GetProperty("precisions").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(precisions, bleu.GetProperty("precisions").EnumerateArray().Select(p => p.GetDouble()).ToArray(), (a, b) => Math.Abs(a - b) < 1e-11);

        // sacreBLEU 2.6.0's command line (sacrebleu ref0 ref1 -i hyp -f text) printed exactly this line for these files.
        Assert.Equal(
            "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 46.5 76.4/55.9/42.4/31.6 (BP = 0.950 ratio = 0.952 hyp_len = 3286 ref_len = 3453)",
            bleu.GetProperty("text").GetString());
    }

    [Fact]
    public void Bleu_options_reach_the_score()
    {
        JsonElement bleu = Run("eval", "--metric", "bleu", "--predictions", Hyp, "--references", Ref0, "--tokenize", "intl", "--smooth", "add-k", "--smooth-value", "2", "--lowercase", "--json")
            .Json().GetProperty("bleu");
        JsonElement expected = ReferenceCase("intl", "add-k", 2, true, 1);
        Assert.Equal(expected.GetProperty("score").GetDouble(), bleu.GetProperty("score").GetDouble(), 1e-11);
        Assert.Equal("nrefs:1|case:lc|eff:no|tok:intl|smooth:add-k[2.00]|version:2.6.0", bleu.GetProperty("signature").GetString());
    }

    [Fact]
    public void Repeated_references_options_equal_one_with_several_files()
    {
        string once = Run("eval", "--metric", "bleu", "--predictions", Hyp, "--references", Ref0, Ref1, "--json").Output;
        string twice = Run("eval", "--metric", "bleu", "--predictions", Hyp, "--references", Ref0, "--references", Ref1, "--json").Output;
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Bleu_table_shows_sacrebleus_line_and_the_statistics()
    {
        CliResult run = Run("eval", "--metric", "bleu", "--predictions", Hyp, "--references", Ref0, Ref1);
        Assert.Contains("BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 46.5 76.4/55.9/42.4/31.6 (BP = 0.950 ratio = 0.952 hyp_len = 3286 ref_len = 3453)", run.Output);
        Assert.Contains("46.45", run.Output);
        Assert.Contains("76.45 (2512/3286)", run.Output);
        Assert.Contains("240 segments, 2 references each", run.Output);
    }

    [Fact]
    public void Rouge_json_is_the_mean_of_rouge_scores_per_text_scores()
    {
        JsonElement json = Run("eval", "--metric", "rouge", "--predictions", RougePrediction, "--references", RougeTarget, "--json").Json();
        Assert.Equal(2, json.GetProperty("lines").GetInt32());
        Assert.False(json.GetProperty("useStemmer").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("bootstrap").ValueKind);

        // rouge/rouge_scorer_test.py: rouge1 of the two lines is (P, R, F) = (0.68750, 0.40741, 0.51163) and (0.65385, 0.40476, 0.50000).
        JsonElement rouge1 = json.GetProperty("rouge1");
        Assert.Equal((0.68750 + 0.65385) / 2, rouge1.GetProperty("precision").GetDouble(), 1e-5);
        Assert.Equal((0.40741 + 0.40476) / 2, rouge1.GetProperty("recall").GetDouble(), 1e-5);
        Assert.Equal((0.51163 + 0.50000) / 2, rouge1.GetProperty("fmeasure").GetDouble(), 1e-5);
        JsonElement rouge2 = json.GetProperty("rouge2");
        Assert.Equal((0.39024 + 0.36364) / 2, rouge2.GetProperty("fmeasure").GetDouble(), 1e-5);

        string[] targets = File.ReadAllLines(RougeTarget), predictions = File.ReadAllLines(RougePrediction);
        RougeCorpusScores expected = new RougeScorer().ScoreCorpus(predictions, [targets]);
        foreach ((string name, RougeScore score) in expected.Mean.ToArray())
        {
            Assert.Equal(score.Precision, json.GetProperty(name).GetProperty("precision").GetDouble());
            Assert.Equal(score.Recall, json.GetProperty(name).GetProperty("recall").GetDouble());
            Assert.Equal(score.FMeasure, json.GetProperty(name).GetProperty("fmeasure").GetDouble());
        }
    }

    [Fact]
    public void Rouge_stemming_changes_what_matches()
    {
        // rouge_scorer_test.py: with stemming the second pair's rouge1 becomes (0.69231, 0.42857, 0.52941).
        JsonElement rouge1 = Run("eval", "--metric", "rouge", "--predictions", RougePrediction, "--references", RougeTarget, "--stem", "--json").Json().GetProperty("rouge1");
        Assert.Equal((0.68750 + 0.69231) / 2, rouge1.GetProperty("precision").GetDouble(), 1e-5);
        Assert.Equal((0.51163 + 0.52941) / 2, rouge1.GetProperty("fmeasure").GetDouble(), 1e-5);
    }

    [Fact]
    public void The_sentence_separator_splits_texts_for_rougeLsum()
    {
        using var dir = new TempDirectory();
        string prediction = dir.File("p.txt", "w1 w2 w6 w7 w8<n>w1 w3 w8 w9 w5\n");
        string reference = dir.File("r.txt", "w1 w2 w3 w4 w5\n");
        JsonElement lsum = Run("eval", "--metric", "rouge", "--predictions", prediction, "--references", reference, "--sentence-separator", "<n>", "--json").Json().GetProperty("rougeLsum");
        Assert.Equal(0.4, lsum.GetProperty("precision").GetDouble(), 15); // rouge_scorer_test.py testRougeLsum
        Assert.Equal(0.8, lsum.GetProperty("recall").GetDouble(), 15);
        JsonElement without = Run("eval", "--metric", "rouge", "--predictions", prediction, "--references", reference, "--json").Json();
        Assert.Equal(without.GetProperty("rougeL").GetRawText(), without.GetProperty("rougeLsum").GetRawText());
    }

    [Fact]
    public void Bootstrap_intervals_are_reproducible_and_bracket_the_mean()
    {
        string[] args = ["eval", "--metric", "rouge", "--predictions", Hyp, "--references", Ref0, "--bootstrap", "200", "--seed", "3", "--json"];
        JsonElement json = Run(args).Json();
        Assert.Equal(Run(args).Output, InProcess.Run(args).Output);
        JsonElement bootstrap = json.GetProperty("bootstrap");
        Assert.Equal((200, 0.95, 3), (bootstrap.GetProperty("samples").GetInt32(), bootstrap.GetProperty("confidence").GetDouble(), bootstrap.GetProperty("seed").GetInt32()));
        double mean = json.GetProperty("rouge2").GetProperty("fmeasure").GetDouble();
        Assert.InRange(mean, bootstrap.GetProperty("low").GetProperty("rouge2").GetProperty("fmeasure").GetDouble(), bootstrap.GetProperty("high").GetProperty("rouge2").GetProperty("fmeasure").GetDouble());
    }

    [Fact]
    public void Rouge_table_shows_the_four_measures()
    {
        CliResult run = Run("eval", "--metric", "rouge", "--predictions", RougePrediction, "--references", RougeTarget, "--bootstrap", "100");
        foreach (string text in new[] { "rouge1", "rouge2", "rougeL", "rougeLsum", "0.6707", "0.4061", "0.5058", "F 95% low", "Bootstrap: 100 resamples, seed 0." })
        {
            Assert.Contains(text, run.Output);
        }
    }

    [Fact]
    public void Every_json_field_is_documented()
    {
        string documentation = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cli.md"));
        foreach (string[] args in new[]
        {
            new[] { "eval", "--metric", "rouge", "--predictions", RougePrediction, "--references", RougeTarget, "--bootstrap", "10", "--json" },
            new[] { "eval", "--metric", "bleu", "--predictions", RougePrediction, "--references", RougeTarget, "--json" },
        })
        {
            foreach (string name in FieldNames(Run(args).Json()))
            {
                Assert.Contains($"`{name}`", documentation);
            }
        }
    }

    private static string[] FieldNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => FieldNames(p.Value).Prepend(p.Name)).ToArray(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(FieldNames).ToArray(),
        _ => [],
    };

    [Fact]
    public void Help_shows_the_options_and_examples()
    {
        CliResult run = Run("eval", "--help");
        foreach (string text in new[] { "--metric", "--predictions", "--references", "--json", "--stem", "--sentence-separator", "--bootstrap", "--seed", "--tokenize", "--smooth", "--smooth-value", "--lowercase", "simd eval --metric bleu --predictions hyp.txt --references ref1.txt ref2.txt --json" })
        {
            Assert.Contains(text, run.Output);
        }

        Assert.Contains("eval", InProcess.Run("--help").Output);
    }
}
