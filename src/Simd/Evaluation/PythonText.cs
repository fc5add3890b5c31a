using System;
using System.Globalization;
using System.Text;

namespace Simd.Evaluation;

/// <summary>
/// The few Python string operations the reference implementations rest on, with Python's exact rules, so that
/// tokens (and printed numbers) agree with rouge-score and sacreBLEU character for character.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace</c> for one UTF-16 unit: .NET's white space plus U+001C–U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    /// <summary>Python's <c>str.rstrip()</c>.</summary>
    public static string TrimEnd(string text)
    {
        int end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }

        return end == text.Length ? text : text[..end];
    }

    /// <summary>Python's <c>' '.join(text.split())</c>: runs of white space become one space, none at the ends.</summary>
    public static string NormalizeSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        bool pending = false;
        foreach (char c in text)
        {
            if (IsSpace(c))
            {
                pending = result.Length > 0;
                continue;
            }

            if (pending)
            {
                result.Append(' ');
                pending = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Python's <c>str.lower()</c>: the invariant simple lower-case mapping plus Python's two full mappings,
    /// U+0130 (İ) to "i̇" and a capital sigma that ends a word to ς (Final_Sigma).
    /// </summary>
    public static string Lower(string text)
    {
        if (text.AsSpan().IndexOfAny('\u0130', '\u03a3') < 0)
        {
            return text.ToLowerInvariant();
        }

        var result = new StringBuilder(text.Length + 4);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\u0130')
            {
                result.Append("i\u0307");
            }
            else if (c == '\u03a3')
            {
                result.Append(IsFinalSigma(text, i) ? '\u03c2' : '\u03c3');
            }
            else
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Python's <c>format(value, '.Nf')</c>: the exact binary value rounded half to even, which differs from
    /// .NET's "F" format at exact ties such as 6.25 → "6.2".
    /// </summary>
    public static string Fixed(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        // "F" with many digits gives the exact decimal expansion of the double (and no rounding for |x| ≥ 2^-60).
        string exact = Math.Abs(value).ToString("F100", CultureInfo.InvariantCulture);
        int point = exact.IndexOf('.', StringComparison.Ordinal);
        char[] digitsKept = (exact[..point] + exact.Substring(point + 1, digits)).ToCharArray();
        string rest = exact[(point + 1 + digits)..];
        bool up = rest[0] > '5' || (rest[0] == '5' && (rest.AsSpan(1).IndexOfAnyExcept('0') >= 0 || (digitsKept[^1] - '0') % 2 == 1));
        string kept = new(digitsKept);
        if (up)
        {
            kept = Increment(kept);
        }

        string integer = kept[..^digits];
        string text = digits == 0 ? kept : integer + "." + kept[^digits..];
        return value < 0 || (value == 0 && double.IsNegative(value)) ? "-" + text : text;
    }

    private static string Increment(string digits)
    {
        char[] d = digits.ToCharArray();
        for (int i = d.Length - 1; i >= 0; i--)
        {
            if (d[i] < '9')
            {
                d[i]++;
                return new string(d);
            }

            d[i] = '0';
        }

        return "1" + new string(d);
    }

    // Final_Sigma (Unicode 3.13): preceded by a cased letter and not followed by one, skipping case-ignorable characters.
    private static bool IsFinalSigma(string text, int index)
    {
        int before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text[before]))
        {
            before--;
        }

        if (before < 0 || !IsCased(text[before]))
        {
            return false;
        }

        int after = index + 1;
        while (after < text.Length && IsCaseIgnorable(text[after]))
        {
            after++;
        }

        return after == text.Length || !IsCased(text[after]);
    }

    private static bool IsCased(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00b7' or '\u0387' or '\u05f4' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
