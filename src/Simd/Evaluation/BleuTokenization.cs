using System;
using System.Globalization;
using System.Text;

namespace Simd.Evaluation;

/// <summary>
/// sacreBLEU's tokenisers. Each regular-expression substitution of the reference is one left-to-right pass that,
/// like Python's <c>re.sub</c>, resumes after each match, so overlapping contexts behave identically.
/// </summary>
internal static class BleuTokenization
{
    /// <summary>The tokenised text: words separated by single spaces.</summary>
    public static string Tokenize(string text, BleuTokenizer tokenizer) => tokenizer switch
    {
        BleuTokenizer.Mteval13a => Mteval13a(text),
        BleuTokenizer.International => International(text),
        _ => text,
    };

    /// <summary>The name sacreBLEU's signature gives the tokeniser.</summary>
    public static string Name(BleuTokenizer tokenizer) => tokenizer switch
    {
        BleuTokenizer.Mteval13a => "13a",
        BleuTokenizer.International => "intl",
        _ => "none",
    };

    private static string Mteval13a(string line)
    {
        line = line.Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = " " + line + " ";
        var output = new StringBuilder(line.Length * 2);

        // ([\{-\~\[-\` -\&\(-\+\:-\@\/]) → " \1 "
        foreach (char c in line)
        {
            if (c is (>= '{' and <= '~') or (>= '[' and <= '`') or (>= ' ' and <= '&') or (>= '(' and <= '+') or (>= ':' and <= '@') or '/')
            {
                output.Append(' ').Append(c).Append(' ');
            }
            else
            {
                output.Append(c);
            }
        }

        line = Pairs(output.ToString(), static (a, b) => !IsDigit(a) && b is '.' or ',', static (o, a, b) => o.Append(a).Append(' ').Append(b).Append(' ')); // ([^0-9])([\.,]) → "\1 \2 "
        line = Pairs(line, static (a, b) => a is '.' or ',' && !IsDigit(b), static (o, a, b) => o.Append(' ').Append(a).Append(' ').Append(b));             // ([\.,])([^0-9]) → " \1 \2"
        line = Pairs(line, static (a, b) => IsDigit(a) && b == '-', static (o, a, b) => o.Append(a).Append(' ').Append(b).Append(' '));                       // ([0-9])(-) → "\1 \2 "
        return PythonText.NormalizeSpaces(line);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Replaces every match of a two-character pattern, scanning left to right and resuming after each match.</summary>
    private static string Pairs(string text, Func<char, char, bool> match, Action<StringBuilder, char, char> replace)
    {
        var output = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            if (i + 1 < text.Length && match(text[i], text[i + 1]))
            {
                replace(output, text[i], text[i + 1]);
                i += 2;
            }
            else
            {
                output.Append(text[i]);
                i++;
            }
        }

        return output.ToString();
    }

    private static string International(string line)
    {
        // (\P{N})(\p{P}) → "\1 \2 "; (\p{P})(\P{N}) → " \1 \2"; (\p{S}) → " \1 ", over code points.
        line = CodePointPairs(line, static (a, b) => !IsNumber(a) && IsPunctuation(b), static (o, a, b) => o.Append(a).Append(' ').Append(b).Append(' '));
        line = CodePointPairs(line, static (a, b) => IsPunctuation(a) && !IsNumber(b), static (o, a, b) => o.Append(' ').Append(a).Append(' ').Append(b));
        var output = new StringBuilder(line.Length * 2);
        int i = 0;
        while (i < line.Length)
        {
            string c = CodePoint(line, i);
            if (IsSymbol(c))
            {
                output.Append(' ').Append(c).Append(' ');
            }
            else
            {
                output.Append(c);
            }

            i += c.Length;
        }

        return PythonText.NormalizeSpaces(output.ToString());
    }

    private static string CodePointPairs(string text, Func<string, string, bool> match, Action<StringBuilder, string, string> replace)
    {
        var output = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            string a = CodePoint(text, i);
            if (i + a.Length < text.Length)
            {
                string b = CodePoint(text, i + a.Length);
                if (match(a, b))
                {
                    replace(output, a, b);
                    i += a.Length + b.Length;
                    continue;
                }
            }

            output.Append(a);
            i += a.Length;
        }

        return output.ToString();
    }

    /// <summary>The code point at <paramref name="i"/>: a surrogate pair, or one UTF-16 unit (a lone surrogate stands for itself, as in Python).</summary>
    private static string CodePoint(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? text.Substring(i, 2) : text.Substring(i, 1);

    private static UnicodeCategory Category(string codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint, 0);

    private static bool IsNumber(string c) => Category(c) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsPunctuation(string c) => Category(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
        or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsSymbol(string c) => Category(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
