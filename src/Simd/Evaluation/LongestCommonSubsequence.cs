using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>Longest common subsequences of token-id sequences, for ROUGE-L and ROUGE-Lsum.</summary>
internal static class LongestCommonSubsequence
{
    /// <summary>The length of an LCS of <paramref name="a"/> and <paramref name="b"/>, in O(|a|·|b|) time and O(|b|) memory.</summary>
    public static int Length(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int[] row = new int[b.Length + 1];
        foreach (int x in a)
        {
            int diagonal = 0; // table[i-1][j-1]
            for (int j = 1; j <= b.Length; j++)
            {
                int up = row[j];
                row[j] = x == b[j - 1] ? diagonal + 1 : Math.Max(up, row[j - 1]);
                diagonal = up;
            }
        }

        return row[b.Length];
    }

    /// <summary>
    /// Adds to <paramref name="indices"/> the positions in <paramref name="reference"/> of one LCS with
    /// <paramref name="candidate"/>: the one rouge-score reads back from the full table, walking from the end and
    /// moving left only when the left cell is strictly larger than the one above (which LCS is chosen changes the
    /// union in ROUGE-Lsum).
    /// </summary>
    public static void AddIndices(ReadOnlySpan<int> reference, ReadOnlySpan<int> candidate, ISet<int> indices)
    {
        int rows = reference.Length, cols = candidate.Length;
        if (rows == 0 || cols == 0)
        {
            return;
        }

        int width = cols + 1;
        int[] table = new int[(rows + 1) * width];
        for (int i = 1; i <= rows; i++)
        {
            for (int j = 1; j <= cols; j++)
            {
                table[(i * width) + j] = reference[i - 1] == candidate[j - 1]
                    ? table[((i - 1) * width) + j - 1] + 1
                    : Math.Max(table[((i - 1) * width) + j], table[(i * width) + j - 1]);
            }
        }

        int r = rows, c = cols;
        while (r > 0 && c > 0)
        {
            if (reference[r - 1] == candidate[c - 1])
            {
                indices.Add(r - 1);
                r--;
                c--;
            }
            else if (table[(r * width) + c - 1] > table[((r - 1) * width) + c])
            {
                c--;
            }
            else
            {
                r--;
            }
        }
    }
}
