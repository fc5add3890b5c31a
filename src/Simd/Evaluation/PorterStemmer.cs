using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980) with the
/// extensions NLTK applies by default (<c>nltk.stem.porter.PorterStemmer()</c>, mode <c>NLTK_EXTENSIONS</c>):
/// a table of irregular forms, <c>ies</c>/<c>ied</c> on four-letter words, <c>y → i</c> only after a consonant,
/// <c>alli</c> before <c>bli</c>, <c>fulli</c> and <c>logi</c>, and words of one or two letters left alone.
/// This is the stemmer Google's <c>rouge-score</c> uses with <c>use_stemmer=True</c>.
/// </summary>
/// <remarks>
/// The input is lower-cased first (invariant culture). Only the letters a–z take part in the rules; any other
/// character is treated as a consonant, as NLTK does.
/// </remarks>
public static class PorterStemmer
{
    // NLTK's irregular forms: the word on the left stems to the word on the right.
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sky"] = "sky",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["news"] = "news",
        ["innings"] = "inning",
        ["inning"] = "inning",
        ["outings"] = "outing",
        ["outing"] = "outing",
        ["cannings"] = "canning",
        ["canning"] = "canning",
        ["howe"] = "howe",
        ["proceed"] = "proceed",
        ["exceed"] = "exceed",
        ["succeed"] = "succeed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Rule[] Step2Rules =
    [
        new("ational", "ate"), new("tional", "tion"), new("enci", "ence"), new("anci", "ance"), new("izer", "ize"),
        new("bli", "ble"), new("alli", "al"), new("entli", "ent"), new("eli", "e"), new("ousli", "ous"),
        new("ization", "ize"), new("ation", "ate"), new("ator", "ate"), new("alism", "al"), new("iveness", "ive"),
        new("fulness", "ful"), new("ousness", "ous"), new("aliti", "al"), new("iviti", "ive"), new("biliti", "ble"),
        new("fulli", "ful"),
    ];

    private static readonly Rule[] Step3Rules =
    [
        new("icate", "ic"), new("ative", ""), new("alize", "al"), new("iciti", "ic"), new("ical", "ic"), new("ful", ""), new("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    /// <summary>Returns the stem of <paramref name="word"/>, e.g. <c>running → run</c>, <c>generalizations → gener</c>.</summary>
    /// <param name="word">One word; it is lower-cased first.</param>
    /// <returns>The stem, lower-case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string stem = word.ToLowerInvariant();

        // As NLTK: the irregular table and the length test look at the word as given.
        if (Irregular.TryGetValue(word, out string? irregular))
        {
            return irregular;
        }

        if (word.Length <= 2)
        {
            return stem;
        }

        stem = Step1a(stem);
        stem = Step1b(stem);
        stem = Step1c(stem);
        stem = Step2(stem);
        stem = Step3(stem);
        stem = Step4(stem);
        stem = Step5a(stem);
        return Step5b(stem);
    }

    private static bool IsConsonant(ReadOnlySpan<char> word, int i)
    {
        char c = word[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return false;
        }

        // y is a consonant at the start and after a vowel, a vowel after a consonant.
        return c != 'y' || i == 0 || !IsConsonant(word, i - 1);
    }

    /// <summary>m: the number of vowel-consonant transitions in <paramref name="stem"/>.</summary>
    private static int Measure(ReadOnlySpan<char> stem)
    {
        int m = 0;
        bool previousVowel = false;
        for (int i = 0; i < stem.Length; i++)
        {
            bool consonant = IsConsonant(stem, i);
            if (consonant && previousVowel)
            {
                m++;
            }

            previousVowel = !consonant;
        }

        return m;
    }

    private static bool ContainsVowel(ReadOnlySpan<char> stem)
    {
        for (int i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsDoubleConsonant(ReadOnlySpan<char> word) =>
        word.Length >= 2 && word[^1] == word[^2] && IsConsonant(word, word.Length - 1);

    /// <summary>*o: ends consonant-vowel-consonant, the last not w, x or y; or (NLTK) is exactly vowel-consonant.</summary>
    private static bool EndsCvc(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 3 && IsConsonant(word, n - 3) && !IsConsonant(word, n - 2) && IsConsonant(word, n - 1) && word[^1] is not ('w' or 'x' or 'y'))
        {
            return true;
        }

        return n == 2 && !IsConsonant(word, 0) && IsConsonant(word, 1);
    }

    private static string Step1a(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length == 4)
        {
            return word[..^3] + "ie";
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word;
        }

        return word.EndsWith('s') ? word[..^1] : word;
    }

    private static string Step1b(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal))
        {
            return word[..^3] + (word.Length == 4 ? "ie" : "i");
        }

        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            string root = word[..^3];
            return Measure(root) > 0 ? root + "ee" : word;
        }

        string stem;
        if (word.EndsWith("ed", StringComparison.Ordinal) && ContainsVowel(word.AsSpan(0, word.Length - 2)))
        {
            stem = word[..^2];
        }
        else if (word.EndsWith("ing", StringComparison.Ordinal) && ContainsVowel(word.AsSpan(0, word.Length - 3)))
        {
            stem = word[..^3];
        }
        else
        {
            return word;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        if (EndsDoubleConsonant(stem))
        {
            // hopp → hop, but fall, hiss, fizz keep the pair.
            return stem[^1] is 'l' or 's' or 'z' ? stem : stem[..^1];
        }

        return Measure(stem) == 1 && EndsCvc(stem) ? stem + "e" : stem;
    }

    private static string Step1c(string word)
    {
        if (!word.EndsWith('y'))
        {
            return word;
        }

        string stem = word[..^1];
        return stem.Length > 1 && IsConsonant(stem, stem.Length - 1) ? stem + "i" : word;
    }

    private static string Step2(string word)
    {
        // NLTK: alli → al first, then step 2 again on the result.
        if (word.EndsWith("alli", StringComparison.Ordinal) && Measure(word.AsSpan(0, word.Length - 4)) > 0)
        {
            return Step2(word[..^4] + "al");
        }

        foreach (Rule rule in Step2Rules)
        {
            if (word.EndsWith(rule.Suffix, StringComparison.Ordinal))
            {
                string stem = word[..^rule.Suffix.Length];
                return Measure(stem) > 0 ? stem + rule.Replacement : word;
            }
        }

        // NLTK: logi → log, with the l counted in the stem (so geologi → geolog).
        if (word.EndsWith("logi", StringComparison.Ordinal))
        {
            return Measure(word.AsSpan(0, word.Length - 3)) > 0 ? word[..^1] : word;
        }

        return word;
    }

    private static string Step3(string word)
    {
        foreach (Rule rule in Step3Rules)
        {
            if (word.EndsWith(rule.Suffix, StringComparison.Ordinal))
            {
                string stem = word[..^rule.Suffix.Length];
                return Measure(stem) > 0 ? stem + rule.Replacement : word;
            }
        }

        return word;
    }

    private static string Step4(string word)
    {
        foreach (string suffix in Step4Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                string stem = word[..^suffix.Length];
                bool applies = Measure(stem) > 1 && (suffix != "ion" || (stem.Length > 0 && stem[^1] is 's' or 't'));
                return applies ? stem : word;
            }
        }

        return word;
    }

    private static string Step5a(string word)
    {
        if (!word.EndsWith('e'))
        {
            return word;
        }

        string stem = word[..^1];
        int m = Measure(stem);
        return m > 1 || (m == 1 && !EndsCvc(stem)) ? stem : word;
    }

    private static string Step5b(string word) =>
        word.EndsWith("ll", StringComparison.Ordinal) && Measure(word.AsSpan(0, word.Length - 1)) > 1 ? word[..^1] : word;

    private readonly record struct Rule(string Suffix, string Replacement);
}
