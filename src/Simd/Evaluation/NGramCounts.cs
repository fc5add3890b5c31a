using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>How often each n-gram occurs; reusable (<see cref="Clear"/>) so a corpus allocates its tables once.</summary>
internal sealed class NGramCounts
{
    private readonly Dictionary<NGram, int> _counts = new(NGram.Comparer.Instance);

    /// <summary>The distinct n-grams and their counts.</summary>
    public Dictionary<NGram, int> Counts => _counts;

    /// <summary>Forgets every n-gram.</summary>
    public void Clear() => _counts.Clear();

    /// <summary>Adds every n-gram of length <paramref name="minOrder"/> to <paramref name="maxOrder"/> of <paramref name="tokens"/>.</summary>
    public void Add(int[] tokens, int minOrder, int maxOrder)
    {
        for (int n = minOrder; n <= maxOrder; n++)
        {
            for (int i = 0; i + n <= tokens.Length; i++)
            {
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, new NGram(tokens, i, n), out _);
                count++;
            }
        }
    }

    /// <summary>The count of <paramref name="ngram"/> (0 when absent).</summary>
    public int this[NGram ngram] => _counts.TryGetValue(ngram, out int count) ? count : 0;

    /// <summary>Raises each count to at least the count in <paramref name="other"/> (multiple references: the most any one allows).</summary>
    public void MaxWith(NGramCounts other)
    {
        foreach (KeyValuePair<NGram, int> entry in other._counts)
        {
            ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, entry.Key, out _);
            count = Math.Max(count, entry.Value);
        }
    }

    /// <summary>Σ over n-grams of min(this count, <paramref name="other"/>'s count): the clipped matches.</summary>
    public int Overlap(NGramCounts other)
    {
        int overlap = 0;
        foreach (KeyValuePair<NGram, int> entry in _counts)
        {
            overlap += Math.Min(entry.Value, other[entry.Key]);
        }

        return overlap;
    }
}
