using Simd.Evaluation;
using Xunit;

namespace Simd.Tests.Evaluation;

/// <summary>The tokenisers on cases of their documented rules, each expectation as sacreBLEU 2.6.0 printed it (the broad check is BleuReferenceTests).</summary>
public sealed class BleuTokenizationTests
{
    private static string Tokens(string text, BleuTokenizer tokenizer = BleuTokenizer.Mteval13a, bool lowercase = false) =>
        Bleu.Tokenize(text, new BleuOptions { Tokenizer = tokenizer, Lowercase = lowercase });

    [Theory]
    [InlineData("The dog bit the man.", "The dog bit the man .")]
    [InlineData("It wasn't surprising.", "It wasn't surprising .")]       // the apostrophe stays
    [InlineData("3.14 and 1,000 but end.", "3.14 and 1,000 but end .")]   // . and , between digits stay
    [InlineData("well-known 5-6", "well-known 5 - 6")]                    // - is split after a digit only
    [InlineData("&quot;a&quot; &amp; &lt;b&gt;", "\" a \" & < b >")]      // entities are unescaped, then split
    [InlineData("x <skipped> y", "x y")]
    [InlineData("a/b (c) [d] {e} $5 #f @g", "a / b ( c ) [ d ] { e } $ 5 # f @ g")]
    [InlineData("  spaced \t out  ", "spaced out")]
    [InlineData("", "")]
    public void Mteval13a(string text, string tokens) => Assert.Equal(tokens, Tokens(text));

    [Theory]
    [InlineData("Hello, “world” — 3.5 €10!", "Hello , “ world ” — 3.5 € 10!")] // "0!": a digit before, nothing after
    [InlineData("end 2024.", "end 2024.")] // mteval-v14's known quirk: a number's final period stays
    [InlineData("¿Qué? ¡Sí!", "¿ Qué ? ¡ Sí !")]
    [InlineData("😀x", "😀 x")]           // a symbol outside the BMP is one code point
    public void International(string text, string tokens) => Assert.Equal(tokens, Tokens(text, BleuTokenizer.International));

    [Fact]
    public void None_only_right_strips() => Assert.Equal("a.b ,c", Tokens("a.b ,c  ", BleuTokenizer.None));

    [Fact]
    public void Lowercasing_follows_python()
    {
        Assert.Equal("i\u0307stanbul", Tokens("İstanbul", BleuTokenizer.None, lowercase: true));
        Assert.Equal("σίσυφος", Tokens("ΣΊΣΥΦΟΣ", BleuTokenizer.None, lowercase: true)); // final sigma
        Assert.Equal("σς σa", Tokens("ΣΣ Σa", BleuTokenizer.None, lowercase: true));
    }
}
