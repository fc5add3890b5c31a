using System;
using System.Numerics;

namespace Simd.Tests.Learning;

/// <summary>
/// A strided, misaligned m×n matrix of random values for the row-wise primitives: the view starts one element into its
/// buffer (so no row is vector-aligned) and its rows are n + 3 elements apart; the gaps hold a sentinel that must survive.
/// </summary>
internal sealed class RowCase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const double Sentinel = 12345.0;

    public RowCase(int m, int n, Random random, double low, double high)
    {
        M = m;
        N = n;
        Stride = n + 3;
        Buffer = new T[1 + ((m - 1) * Stride) + n + 3];
        Buffer.AsSpan().Fill(T.CreateTruncating(Sentinel));
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Buffer[Index(i, j)] = T.CreateTruncating(low + ((high - low) * random.NextDouble()));
            }
        }
    }

    public int M { get; }

    public int N { get; }

    public int Stride { get; }

    public T[] Buffer { get; }

    public MatrixView<T> View => new(Buffer.AsMemory(1), M, N, Stride);

    public int Index(int i, int j) => 1 + (i * Stride) + j;

    public double this[int i, int j] => double.CreateTruncating(Buffer[Index(i, j)]);

    public void Set(int i, int j, double value) => Buffer[Index(i, j)] = T.CreateTruncating(value);

    /// <summary>A fresh buffer of the same layout, filled with the sentinel.</summary>
    public RowCase<T> Blank() => new(this);

    private RowCase(RowCase<T> other)
    {
        M = other.M;
        N = other.N;
        Stride = other.Stride;
        Buffer = new T[other.Buffer.Length];
        Buffer.AsSpan().Fill(T.CreateTruncating(Sentinel));
    }

    /// <summary>The copy of the values, for comparisons after an in-place call.</summary>
    public RowCase<T> Copy()
    {
        RowCase<T> copy = Blank();
        Buffer.CopyTo(copy.Buffer, 0);
        return copy;
    }

    /// <summary>Asserts that the elements between rows and around the view still hold the sentinel.</summary>
    public void AssertGapsUntouched()
    {
        for (int k = 0; k < Buffer.Length; k++)
        {
            int offset = k - 1;
            bool inside = offset >= 0 && offset / Stride < M && offset % Stride < N;
            if (!inside && double.CreateTruncating(Buffer[k]) != Sentinel)
            {
                throw new Xunit.Sdk.XunitException($"element {k} outside the view was overwritten ({Buffer[k]}).");
            }
        }
    }

    /// <summary>The unit roundoff of T.</summary>
    public static double U => typeof(T) == typeof(float) ? Reference.FloatU : Reference.DoubleU;

    /// <summary>The smallest positive subnormal of T.</summary>
    public static double Tiny => double.CreateTruncating(T.Epsilon);
}
