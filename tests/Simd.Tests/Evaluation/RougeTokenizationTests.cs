using System.Linq;
using System.Text.Json;
using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

public sealed class RougeTokenizationTests
{
    [Fact]
    public void Tokens_equal_rouge_scores_tokenizer_with_and_without_stemming()
    {
        // Data/rouge_tokens.json: Python's lower(), re.sub("[^a-z0-9]+", " "), split and NLTK's stemmer.
        var plain = new RougeScorer();
        var stemmed = new RougeScorer(useStemmer: true);
        foreach (JsonElement c in EvaluationData.Json("rouge_tokens.json").GetProperty("cases").EnumerateArray())
        {
            string text = c.GetProperty("text").GetString()!;
            Assert.Equal(c.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!), plain.Tokenize(text));
            Assert.Equal(c.GetProperty("stemmed").EnumerateArray().Select(t => t.GetString()!), stemmed.Tokenize(text));
        }
    }

    [Theory]
    [InlineData("İs", new[] { "i", "s" })]            // Python lowers İ to i + U+0307, which splits the word
    [InlineData("\u212Aelvin", new[] { "kelvin" })]  // the Kelvin sign lowers to an ASCII k
    [InlineData("Ünïcödé", new[] { "n", "c", "d" })]
    [InlineData("日本語", new string[0])]
    public void Non_ascii_letters_follow_pythons_lower(string text, string[] tokens) => Assert.Equal(tokens, new RougeScorer().Tokenize(text));

    [Fact]
    public void Only_tokens_longer_than_three_characters_are_stemmed()
    {
        Assert.Equal("wa", PorterStemmer.Stem("was"));
        Assert.Equal(["was", "has", "tie"], new RougeScorer(useStemmer: true).Tokenize("Was has ties"));
    }
}
