using System;
using System.Collections.Generic;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

public sealed class PorterStemmerTests
{
    [Fact]
    public void Every_word_of_Porters_vocabulary_stems_as_NLTK_does()
    {
        // Data/porter_nltk.tsv.gz: Porter's voc.txt stemmed by NLTK 3.8's default PorterStemmer (see Data/README.md).
        string[] lines = EvaluationData.GzipText("porter_nltk.tsv.gz").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(42603, lines.Length);
        var wrong = new List<string>();
        foreach (string line in lines)
        {
            string[] pair = line.Split('\t');
            string stem = PorterStemmer.Stem(pair[0]);
            if (stem != pair[1])
            {
                wrong.Add($"{pair[0]}: NLTK {pair[1]}, here {stem}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} words differ, e.g. {string.Join("; ", wrong.GetRange(0, Math.Min(10, wrong.Count)))}");
    }

    [Theory]
    // The examples of Porter's paper (Program 14(3), 1980), as NLTK's extensions leave them.
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("relational", "relat")]
    [InlineData("generalizations", "gener")]
    [InlineData("controlling", "control")]
    // NLTK's own extensions.
    [InlineData("dies", "die")]
    [InlineData("flies", "fli")]
    [InlineData("died", "die")]
    [InlineData("spied", "spi")]
    [InlineData("dying", "die")]
    [InlineData("skies", "sky")]
    [InlineData("enjoy", "enjoy")]
    [InlineData("happy", "happi")]
    [InlineData("geology", "geolog")]
    [InlineData("is", "is")]
    [InlineData("Running", "run")]
    public void Stems_the_documented_examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Null_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => PorterStemmer.Stem(null!));
        Assert.Equal("word", e.ParamName);
    }
}
