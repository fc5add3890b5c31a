using System;
using System.Collections.Generic;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>
/// The cases of mjpost/sacrebleu test/test_bleu.py and test/test_sentence_bleu.py with their expected numbers
/// (test_bleu.py checks to within 1e-8, test_sentence_bleu.py to within 1e-3), and BLEU's documented properties.
/// </summary>
public sealed class BleuTests
{
    private const double Epsilon = 1e-8;

    // sacreBLEU's README example (test_bleu.py _refs, _hyps): two reference streams.
    private static readonly string[][] Refs =
    [
        ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
        ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
    ];

    private static readonly string[] Hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    [Theory]
    [InlineData(BleuTokenizer.Mteval13a, BleuSmoothing.Exponential, 48.530827)]
    [InlineData(BleuTokenizer.None, BleuSmoothing.Exponential, 49.1919566)]
    [InlineData(BleuTokenizer.International, BleuSmoothing.Exponential, 43.91623493)]
    [InlineData(BleuTokenizer.Mteval13a, BleuSmoothing.None, 48.530827)]
    public void Corpus_bleu_of_the_readme_example(BleuTokenizer tokenizer, BleuSmoothing smoothing, double expected)
    {
        BleuScore score = Bleu.Corpus(Hyps, Refs, new BleuOptions { Tokenizer = tokenizer, Smoothing = smoothing });
        Assert.Equal(expected, score.Score, Epsilon);
    }

    [Fact]
    public void The_readme_example_prints_sacrebleus_line()
    {
        // sacreBLEU 2.6.0 prints this line for the example (its str()).
        Assert.Equal(
            "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
            Bleu.Corpus(Hyps, Refs).Format());
        Assert.Equal("48.5", PythonText.Fixed(Bleu.Corpus(Hyps, Refs).Score, 1)); // the command line's --width 1
    }

    [Fact]
    public void Empty_hypotheses_are_kept_and_score_zero() => Assert.Equal(0.0, Bleu.Corpus(["", "", ""], Refs).Score);

    [Theory]
    [InlineData(1, "77.65")]
    [InlineData(2, "60.50")]
    [InlineData(3, "53.93")]
    [InlineData(4, "48.53")]
    [InlineData(5, "46.14")]
    [InlineData(6, "43.28")]
    public void Max_ngram_order(int order, string expected) =>
        Assert.Equal(expected, PythonText.Fixed(Bleu.Corpus(Hyps, Refs, new BleuOptions { MaxNgramOrder = order }).Score, 2));

    // test_bleu.py's raw_corpus_bleu(hyps, refs, 0.01) is tokenize none, floor smoothing 0.01 and effective order (sacrebleu/compat.py).
    private static readonly BleuOptions Raw = new() { Tokenizer = BleuTokenizer.None, Smoothing = BleuSmoothing.Floor, SmoothValue = 0.01, EffectiveOrder = true };

    [Theory]
    [InlineData(new[] { "this is a test", "another test" }, new[] { "ref1", "ref2" }, 0.0)]
    [InlineData(new[] { "this is a test" }, new[] { "this is a test" }, 1.0)]
    [InlineData(new[] { "this is a fest" }, new[] { "this is a test" }, 0.223606797749979)]
    [InlineData(new[] { "test" }, new[] { "a test" }, 0.3678794411714425)]
    [InlineData(new[] { "a test" }, new[] { "a test" }, 1.0)]
    [InlineData(new[] { "a little test" }, new[] { "a test" }, 0.03218297948685433)]
    public void Raw_corpus_bleu(string[] hypotheses, string[] references, double expected) =>
        Assert.Equal(expected, Bleu.Corpus(hypotheses, [references], Raw).Score / 100, Epsilon);

    [Fact]
    public void Statistics_and_offset()
    {
        string[] hyp = ["am I am a character sequence"];
        string[][] refs = [["I am a symbol string sequence a a"]];
        BleuScore score = Bleu.Corpus(hyp, refs, Raw);
        Assert.Equal([4L, 2, 1, 0], score.Counts);
        Assert.Equal([6L, 5, 4, 3], score.Totals);

        // test_offset: floor with 0 gives 0; the default floor value (0.1) gives 0.1555722182.
        Assert.Equal(0.0, Bleu.Corpus(hyp, refs, Raw with { SmoothValue = 0 }).Score);
        Assert.Equal(0.1555722182, Bleu.Corpus(hyp, refs, Raw with { SmoothValue = null }).Score / 100, Epsilon);
    }

    [Fact]
    public void Score_from_statistics() =>
        Assert.Equal(0.8375922397, Bleu.FromStatistics([9, 7, 5, 3], [10, 8, 6, 4], 11, 11, new BleuOptions { Smoothing = BleuSmoothing.None }).Score / 100, Epsilon);

    [Theory]
    // test_degenerate_statistics: floor smoothing with these offsets scores exactly 0.
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 4, 4, 2, 1 }, 0, 1, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 10, 11, 12, 0 }, 14, 10, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.0)]
    [InlineData(new long[] { 6, 5, 4, 0 }, new long[] { 6, 5, 4, 3 }, 6, 6, 0.0)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 0, 0, 0.1)]
    [InlineData(new long[] { 0, 0, 0, 0 }, new long[] { 0, 0, 0, 0 }, 1, 5, 0.01)]
    public void Degenerate_statistics_score_zero(long[] correct, long[] total, long sys, long reference, double offset) =>
        Assert.Equal(0.0, Bleu.FromStatistics(correct, total, sys, reference, new BleuOptions { Smoothing = BleuSmoothing.Floor, SmoothValue = offset }).Score);

    private const string SentenceRef = "producţia de zahăr brut se exprimă în zahăr alb;";
    private const string SentenceSys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    [Theory]
    // test_sentence_bleu.py (example of sacreBLEU issue #98), effective order on, checked to within 1e-3.
    [InlineData(BleuSmoothing.Exponential, null, BleuTokenizer.Mteval13a, 8.493)]
    [InlineData(BleuSmoothing.None, null, BleuTokenizer.Mteval13a, 0.0)]
    [InlineData(BleuSmoothing.Floor, null, BleuTokenizer.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.1, BleuTokenizer.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.5, BleuTokenizer.Mteval13a, 10.10)]
    [InlineData(BleuSmoothing.AddK, null, BleuTokenizer.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 1.0, BleuTokenizer.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 2.0, BleuTokenizer.Mteval13a, 21.389)]
    [InlineData(BleuSmoothing.Exponential, null, BleuTokenizer.None, 7.347)]
    [InlineData(BleuSmoothing.Exponential, null, BleuTokenizer.International, 8.493)]
    public void Sentence_bleu(BleuSmoothing smoothing, double? value, BleuTokenizer tokenizer, double expected)
    {
        var options = new BleuOptions { Smoothing = smoothing, SmoothValue = value, Tokenizer = tokenizer, EffectiveOrder = true };
        Assert.Equal(expected, Bleu.Sentence(SentenceSys, [SentenceRef], options).Score, 1e-3);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exponential, null)]
    [InlineData(BleuSmoothing.None, null)]
    [InlineData(BleuSmoothing.Floor, null)]
    [InlineData(BleuSmoothing.Floor, 0.1)]
    [InlineData(BleuSmoothing.AddK, null)]
    [InlineData(BleuSmoothing.AddK, 1.0)]
    public void Sentence_bleu_without_matches_is_zero(BleuSmoothing smoothing, double? value) =>
        Assert.Equal(0.0, Bleu.Sentence("this is a cat", ["okay thanks"], new BleuOptions { Smoothing = smoothing, SmoothValue = value, EffectiveOrder = true }).Score);

    [Fact]
    public void Sentence_bleu_defaults_to_effective_order()
    {
        BleuScore score = Bleu.Sentence(SentenceSys, [SentenceRef]);
        Assert.Equal(8.493, score.Score, 1e-3);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", score.Signature);
    }

    [Theory]
    [InlineData(BleuTokenizer.Mteval13a, BleuSmoothing.Exponential, null, false, "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0")]
    [InlineData(BleuTokenizer.International, BleuSmoothing.Floor, null, true, "nrefs:2|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0")]
    [InlineData(BleuTokenizer.None, BleuSmoothing.AddK, null, false, "nrefs:2|case:mixed|eff:no|tok:none|smooth:add-k[1.00]|version:2.6.0")]
    [InlineData(BleuTokenizer.Mteval13a, BleuSmoothing.AddK, 2.0, false, "nrefs:2|case:mixed|eff:no|tok:13a|smooth:add-k[2.00]|version:2.6.0")]
    [InlineData(BleuTokenizer.Mteval13a, BleuSmoothing.None, null, false, "nrefs:2|case:mixed|eff:no|tok:13a|smooth:none|version:2.6.0")]
    public void Signature(BleuTokenizer tokenizer, BleuSmoothing smoothing, double? value, bool lowercase, string expected) =>
        Assert.Equal(expected, Bleu.Corpus(Hyps, Refs, new BleuOptions { Tokenizer = tokenizer, Smoothing = smoothing, SmoothValue = value, Lowercase = lowercase }).Signature);

    [Fact]
    public void A_varying_number_of_references_is_signed_var()
    {
        BleuScore score = Bleu.Corpus(["a b c d", "e f g h"], [["a b c d", "e f g h"], ["a b c d", null!]]);
        Assert.StartsWith("nrefs:var|", score.Signature);
        Assert.Equal(100, score.Score, 12);
    }

    [Fact]
    public void Identical_texts_score_100_and_disjoint_texts_0()
    {
        string[] text = ["The quick brown fox jumps over the lazy dog.", "A second, longer sentence with 3.5 numbers and (brackets)."];
        BleuScore same = Bleu.Corpus(text, [text]);
        Assert.Equal(100, same.Score, 12);
        Assert.Equal(1, same.BrevityPenalty);
        Assert.All(same.Precisions, p => Assert.Equal(100, p, 12));
        Assert.Equal(0, Bleu.Corpus(["alpha beta gamma delta"], [["one two three four"]]).Score);
    }

    [Fact]
    public void Case_matters_unless_lowercased_and_word_order_matters()
    {
        Assert.True(Bleu.Corpus(["THE CAT SAT ON THE MAT"], [["the cat sat on the mat"]]).Score == 0);
        Assert.Equal(100, Bleu.Corpus(["THE CAT SAT ON THE MAT"], [["the cat sat on the mat"]], new BleuOptions { Lowercase = true }).Score, 12);
        BleuScore reversed = Bleu.Corpus(["mat the on sat cat the"], [["the cat sat on the mat"]]);
        Assert.Equal(100, reversed.Precisions[0], 12);
        Assert.True(reversed.Score < 100);
    }

    [Fact]
    public void Brevity_penalty_uses_the_closest_reference_length_and_the_shorter_on_a_tie()
    {
        // Hypothesis of 4 words; references of 3 and 5 words are equally close: the shorter (3) is used, so no penalty.
        BleuScore tie = Bleu.Corpus(["a b c d"], [["a b c"], ["a b c d e"]], new BleuOptions { Tokenizer = BleuTokenizer.None });
        Assert.Equal((4L, 3L, 1.0), (tie.SystemLength, tie.ReferenceLength, tie.BrevityPenalty));
        BleuScore shorter = Bleu.Corpus(["a b"], [["a b c d"]], new BleuOptions { Tokenizer = BleuTokenizer.None });
        Assert.Equal(Math.Exp(1 - (4.0 / 2)), shorter.BrevityPenalty, 15);
        Assert.Equal(0.5, shorter.Ratio);
    }

    [Fact]
    public void Matches_are_clipped_by_the_most_any_one_reference_allows()
    {
        BleuScore score = Bleu.Corpus(["the the the the"], [["the cat"], ["the the dog"]], new BleuOptions { Tokenizer = BleuTokenizer.None, MaxNgramOrder = 1 });
        Assert.Equal(2, score.Counts[0]);
        Assert.Equal(4, score.Totals[0]);
    }

    public static IEnumerable<object[]> BadCorpora()
    {
        yield return [Array.Empty<string>(), new[] { Array.Empty<string>() }, "hypotheses", "There are no hypotheses"];
        yield return [new[] { "a" }, Array.Empty<string[]>(), "referenceStreams", "There are no reference streams"];
        yield return [new[] { "a", "b" }, new[] { new[] { "a" } }, "referenceStreams", "referenceStreams[0] has 1 texts but there are 2 hypotheses"];
        yield return [new[] { "a", null! }, new[] { new[] { "a", "b" } }, "hypotheses", "hypotheses[1] is null"];
        yield return [new[] { "a" }, new[] { new string[] { null! } }, "referenceStreams", "Segment 0 has no reference"];
    }

    [Theory]
    [MemberData(nameof(BadCorpora))]
    public void Bad_corpora_are_rejected_by_name(string[] hypotheses, string[][] streams, string parameter, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Bleu.Corpus(hypotheses, streams));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Bad_options_and_arguments_are_rejected_by_name()
    {
        var order = Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Corpus(["a"], [["a"]], new BleuOptions { MaxNgramOrder = 0 }));
        Assert.Equal("MaxNgramOrder", order.ParamName);
        Assert.Contains("at least 1", order.Message);
        var smooth = Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Corpus(["a"], [["a"]], new BleuOptions { SmoothValue = -1 }));
        Assert.Equal("SmoothValue", smooth.ParamName);
        Assert.Contains("finite number ≥ 0", smooth.Message);
        Assert.Equal("Tokenizer", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Corpus(["a"], [["a"]], new BleuOptions { Tokenizer = (BleuTokenizer)9 })).ParamName);
        Assert.Equal("Smoothing", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Corpus(["a"], [["a"]], new BleuOptions { Smoothing = (BleuSmoothing)9 })).ParamName);

        var noReferences = Assert.Throws<ArgumentException>(() => Bleu.Sentence("a", []));
        Assert.Equal("references", noReferences.ParamName);
        Assert.Contains("at least one reference", noReferences.Message);
        Assert.Contains("references[0] is null", Assert.Throws<ArgumentNullException>(() => Bleu.Sentence("a", [null!])).Message);
        Assert.Equal("hypothesis", Assert.Throws<ArgumentNullException>(() => Bleu.Sentence(null!, ["a"])).ParamName);

        var lengths = Assert.Throws<ArgumentException>(() => Bleu.FromStatistics([1, 1], [2], 2, 2));
        Assert.Equal("total", lengths.ParamName);
        Assert.Contains("correct has 2 orders and total 1", lengths.Message);
        var over = Assert.Throws<ArgumentException>(() => Bleu.FromStatistics([3], [2], 2, 2));
        Assert.Equal("correct", over.ParamName);
        Assert.Contains("Order 1: 3 matches of 2 n-grams", over.Message);
        Assert.Equal("systemLength", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.FromStatistics([1], [2], -1, 2)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => Bleu.Corpus(["a"], [["a"]]).Format(-1)).ParamName);
    }
}
