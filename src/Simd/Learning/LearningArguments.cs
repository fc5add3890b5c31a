using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Simd.Learning;

/// <summary>The argument checks of the learning layer; every message names the argument and, where it applies, the row and column.</summary>
internal static class LearningArguments
{
    public static void RequireFloatOrDouble<T>()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"Simd.Learning works on float and double; {typeof(T).Name} is not supported.");
        }
    }

    public static void RequireRows<T>(ReadOnlyMatrixView<T> x, string name)
        where T : unmanaged
    {
        if (x.Rows == 0)
        {
            throw new ArgumentException($"'{name}' has no rows ({x}); at least one example is needed.", name);
        }
    }

    public static void RequireColumns<T>(ReadOnlyMatrixView<T> x, string name)
        where T : unmanaged
    {
        if (x.Columns == 0)
        {
            throw new ArgumentException($"'{name}' has no columns ({x}); at least one feature is needed.", name);
        }
    }

    public static void RequireLength(int length, int expected, string name, string expectedWhat)
    {
        if (length != expected)
        {
            throw new ArgumentException($"'{name}' has {length} elements but must have {expected} ({expectedWhat}).", name);
        }
    }

    public static void RequireMatrixShape<T>(MatrixView<T> destination, int rows, int columns, string name)
        where T : unmanaged
    {
        if (destination.Rows != rows || destination.Columns != columns)
        {
            throw new ArgumentException($"'{name}' is {destination} but must be {rows}×{columns}.", name);
        }
    }

    public static void RequireNonNegativeFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be finite and ≥ 0.");
        }
    }

    /// <summary>Throws naming the first (row, column) of <paramref name="x"/> holding NaN or ±∞.</summary>
    public static void RequireFinite<T>(ReadOnlyMatrixView<T> x, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> data = x.Memory.Span;
        for (int r = 0; r < x.Rows; r++)
        {
            ReadOnlySpan<T> row = data.Slice(r * x.Stride, x.Columns);
            for (int c = 0; c < row.Length; c++)
            {
                if (!T.IsFinite(row[c]))
                {
                    throw new ArgumentException(
                        $"'{name}' holds {Format(row[c])} at row {r}, column {c}; the data must be finite (no NaN or ∞).", name);
                }
            }
        }
    }

    /// <summary>Throws naming the first element of <paramref name="values"/> holding NaN or ±∞; <paramref name="what"/> is "row" or "index".</summary>
    public static void RequireFinite<T>(ReadOnlySpan<T> values, string name, string what)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"'{name}' holds {Format(values[i])} at {what} {i}; the values must be finite (no NaN or ∞).", name);
            }
        }
    }

    public static void RequireFinite<T>(T value, string name)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(value))
        {
            throw new ArgumentException($"'{name}' is {Format(value)}; it must be finite.", name);
        }
    }

    /// <summary>Throws naming the first row whose label is neither 0 nor 1.</summary>
    public static void RequireBinaryLabels<T>(ReadOnlySpan<T> y, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The count of bad labels at the vector width (one scalar compare per row was a tenth of a logistic step at
        // 200,000 × 32 float); the scalar walk below only runs to name the first bad one. NaN counts as bad.
        bool clean = typeof(T) == typeof(float)
            ? LearningKernels.NotBinarySum(MemoryMarshal.Cast<T, float>(y)) == 0f
            : LearningKernels.NotBinarySum(MemoryMarshal.Cast<T, double>(y)) == 0.0;
        if (clean)
        {
            return;
        }

        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] != T.Zero && y[i] != T.One)
            {
                throw new ArgumentException(
                    $"'{name}' holds {Format(y[i])} at row {i}; logistic regression needs labels 0 or 1.", name);
            }
        }
    }

    public static string Format<T>(T value)
        where T : IFormattable
        => value.ToString("R", CultureInfo.InvariantCulture);
}
