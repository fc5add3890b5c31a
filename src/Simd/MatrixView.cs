using System;

namespace Simd;

/// <summary>
/// A writable, non-copying view of a row-major matrix inside a block of memory: element (r, c) is at
/// <c>r * Stride + c</c>. Converts implicitly to <see cref="ReadOnlyMatrixView{T}"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct MatrixView<T>
    where T : unmanaged
{
    /// <summary>Views <paramref name="data"/> as <paramref name="rows"/> × <paramref name="columns"/> with rows <paramref name="stride"/> elements apart.</summary>
    /// <param name="data">The memory; it must hold <c>(rows − 1) · stride + columns</c> elements when rows and columns are positive.</param>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="stride">Elements from the start of one row to the next, ≥ <paramref name="columns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative, the stride is shorter than a row, or <paramref name="data"/> is too short.</exception>
    public MatrixView(Memory<T> data, int rows, int columns, int stride)
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
    public MatrixView(Memory<T> data, int rows, int columns)
        : this(data, rows, columns, columns)
    {
    }

    /// <summary>The memory the view reads and writes.</summary>
    public Memory<T> Memory { get; }

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

        set
        {
            MatrixShape.CheckIndex(row, column, Rows, Columns);
            Memory.Span[(row * Stride) + column] = value;
        }
    }

    /// <summary>Row <paramref name="row"/> as a writable span of <see cref="Columns"/> elements.</summary>
    /// <param name="row">Zero-based row.</param>
    public Span<T> Row(int row)
    {
        MatrixShape.CheckIndex(row, 0, Rows, Math.Max(Columns, 1));
        return Memory.Span.Slice(row * Stride, Columns);
    }

    /// <summary>The read-only view of the same elements.</summary>
    /// <param name="view">The writable view.</param>
    public static implicit operator ReadOnlyMatrixView<T>(MatrixView<T> view)
        => new(view.Memory, view.Rows, view.Columns, view.Stride);

    /// <summary>The read-only view of the same elements.</summary>
    public ReadOnlyMatrixView<T> AsReadOnly() => this;

    /// <summary>A short description such as <c>442×10 (stride 10)</c>, used in error messages.</summary>
    public override string ToString() => MatrixShape.Describe(Rows, Columns, Stride);
}
