using System;

namespace Simd;

/// <summary>
/// A read-only, non-copying view of a row-major matrix inside a block of memory: element (r, c) is at
/// <c>r * Stride + c</c>. The shape is validated once, so loops over it need no further bounds checks.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct ReadOnlyMatrixView<T>
    where T : unmanaged
{
    /// <summary>Views <paramref name="data"/> as <paramref name="rows"/> × <paramref name="columns"/> with rows <paramref name="stride"/> elements apart.</summary>
    /// <param name="data">The memory; it must hold <c>(rows − 1) · stride + columns</c> elements when rows and columns are positive.</param>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="stride">Elements from the start of one row to the next, ≥ <paramref name="columns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative, the stride is shorter than a row, or <paramref name="data"/> is too short.</exception>
    public ReadOnlyMatrixView(ReadOnlyMemory<T> data, int rows, int columns, int stride)
    {
        MatrixShape.Validate(data.Length, rows, columns, stride, nameof(data));
        Memory = data;
        Rows = rows;
        Columns = columns;
        Stride = stride;
    }

    /// <summary>Views <paramref name="data"/> as a dense <paramref name="rows"/> × <paramref name="columns"/> matrix (stride = columns).</summary>
    /// <param name="data">The memory, at least rows · columns elements.</param>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    public ReadOnlyMatrixView(ReadOnlyMemory<T> data, int rows, int columns)
        : this(data, rows, columns, columns)
    {
    }

    /// <summary>The memory the view reads.</summary>
    public ReadOnlyMemory<T> Memory { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Elements from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>Whether the matrix has no elements.</summary>
    public bool IsEmpty => Rows == 0 || Columns == 0;

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    /// <param name="row">Zero-based row.</param>
    /// <param name="column">Zero-based column.</param>
    public T this[int row, int column]
    {
        get
        {
            MatrixShape.CheckIndex(row, column, Rows, Columns);
            return Memory.Span[(row * Stride) + column];
        }
    }

    /// <summary>Row <paramref name="row"/> as a span of <see cref="Columns"/> elements.</summary>
    /// <param name="row">Zero-based row.</param>
    public ReadOnlySpan<T> Row(int row)
    {
        MatrixShape.CheckIndex(row, 0, Rows, Math.Max(Columns, 1));
        return Memory.Span.Slice(row * Stride, Columns);
    }

    /// <summary>The rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 as a view.</summary>
    /// <param name="start">First row.</param>
    /// <param name="count">Number of rows.</param>
    public ReadOnlyMatrixView<T> SliceRows(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)count, Rows, nameof(count));
        if (count == 0 || Columns == 0)
        {
            return new ReadOnlyMatrixView<T>(ReadOnlyMemory<T>.Empty, count, Columns, Stride);
        }

        return new ReadOnlyMatrixView<T>(Memory.Slice(start * Stride, ((count - 1) * Stride) + Columns), count, Columns, Stride);
    }

    /// <summary>A short description such as <c>442×10 (stride 10)</c>, used in error messages.</summary>
    public override string ToString() => MatrixShape.Describe(Rows, Columns, Stride);
}
