using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>
/// Numbers tokens: equal strings get equal ids, so n-grams and subsequences compare integers instead of strings.
/// Lookups by span allocate nothing for tokens already seen. Not thread-safe: one per scoring call.
/// </summary>
internal sealed class TokenVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public TokenVocabulary() => _spans = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The id of <paramref name="token"/>, assigned on first sight.</summary>
    public int Id(ReadOnlySpan<char> token)
    {
        if (!_spans.TryGetValue(token, out int id))
        {
            id = _ids.Count;
            _spans[token] = id;
        }

        return id;
    }

    /// <summary>The ids of the space-separated tokens of <paramref name="text"/> (Python's <c>str.split()</c>).</summary>
    public int[] IdsOfWords(string text)
    {
        var ids = new List<int>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && PythonText.IsSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !PythonText.IsSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                ids.Add(Id(text.AsSpan(start, i - start)));
            }
        }

        return ids.ToArray();
    }
}
