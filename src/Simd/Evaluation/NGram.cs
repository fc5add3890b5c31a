using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>
/// An n-gram as a window <c>[Start, Start + Length)</c> of a token-id array: no copy is made, and two windows of
/// different arrays are equal when their ids are.
/// </summary>
internal readonly struct NGram(int[] tokens, int start, int length)
{
    public int[] Tokens { get; } = tokens;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public ReadOnlySpan<int> Span => Tokens.AsSpan(Start, Length);

    /// <summary>Compares n-grams by their ids.</summary>
    public sealed class Comparer : IEqualityComparer<NGram>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(NGram x, NGram y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(NGram obj)
        {
            var hash = default(HashCode);
            foreach (int id in obj.Span)
            {
                hash.Add(id);
            }

            return hash.ToHashCode();
        }
    }
}
