using System;

namespace Simd;

/// <summary>
/// The one aliasing check of the library: whether two regions of memory — spans, or strided views seen as the
/// rows they touch — share an element, and the argument checks built on it. Views cut from one buffer may
/// interleave without sharing anything (e.g. the left and right halves of a matrix); only a shared element is
/// aliasing. Every API that writes into a caller's buffer calls one of the <c>Require…</c> methods for each
/// region it reads while it writes.
/// </summary>
internal static class Overlap
{
    /// <summary>Whether <paramref name="x"/> and <paramref name="y"/> have an element in common.</summary>
    public static bool Shares<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> y)
        where T : unmanaged
        => !x.IsEmpty && !y.IsEmpty && Shares(x.Memory.Span, x.Rows, x.Columns, x.Stride, y.Memory.Span, y.Rows, y.Columns, y.Stride);

    /// <summary>Whether the view of <paramref name="x"/> and the vector <paramref name="y"/> have an element in common.</summary>
    public static bool Shares<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y)
        where T : unmanaged
        => !x.IsEmpty && !y.IsEmpty && Shares(x.Memory.Span, x.Rows, x.Columns, x.Stride, y, 1, y.Length, y.Length);

    /// <summary>Whether the spans have an element in common.</summary>
    public static bool Shares<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => x.Overlaps(y);

    /// <summary>Whether the two views are the very same elements: the same first element, shape and (for more than one row) stride.</summary>
    public static bool IsSameView<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> y)
        where T : unmanaged
        => x.Rows == y.Rows && x.Columns == y.Columns && (x.Rows <= 1 || x.Stride == y.Stride)
            && (x.IsEmpty || (x.Memory.Span.Overlaps(y.Memory.Span, out int offset) && offset == 0));

    /// <summary>
    /// Throws when <paramref name="destination"/> overlaps <paramref name="input"/> at a different start: writing
    /// the result would then overwrite inputs not yet read. The same start (in place) is allowed.
    /// </summary>
    public static void RequireSeparateOrInPlace<T>(ReadOnlySpan<T> input, string inputName, ReadOnlySpan<T> destination, string destinationName)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"'{destinationName}' overlaps input '{inputName}' shifted by {offset} elements; pass the same span to compute in place, or a separate buffer.",
                destinationName);
        }
    }

    /// <summary>
    /// Throws when <paramref name="destination"/> shares an element with <paramref name="input"/> without being
    /// the very same view (in place, which an element-by-element or row-by-row operation allows).
    /// </summary>
    public static void RequireSeparateOrInPlace<T>(ReadOnlyMatrixView<T> input, string inputName, ReadOnlyMatrixView<T> destination, string destinationName)
        where T : unmanaged
    {
        if (Shares(input, destination) && !IsSameView(input, destination))
        {
            throw new ArgumentException(
                $"'{destinationName}' ({destination}) shares elements with input '{inputName}' ({input}) but is not the same view, so writing it would overwrite inputs not yet read; pass the same view to compute in place, or a separate buffer.",
                destinationName);
        }
    }

    /// <summary>Throws when <paramref name="destination"/> shares any element with <paramref name="input"/> (the operation cannot run in place).</summary>
    public static void RequireSeparate<T>(ReadOnlyMatrixView<T> input, string inputName, ReadOnlyMatrixView<T> destination, string destinationName)
        where T : unmanaged
    {
        if (Shares(input, destination))
        {
            throw Separate(inputName, input.ToString(), destinationName, destination.ToString());
        }
    }

    /// <summary>Throws when the vector <paramref name="destination"/> shares any element with the view <paramref name="input"/>.</summary>
    public static void RequireSeparate<T>(ReadOnlyMatrixView<T> input, string inputName, ReadOnlySpan<T> destination, string destinationName)
        where T : unmanaged
    {
        if (Shares(input, destination))
        {
            throw Separate(inputName, input.ToString(), destinationName, $"{destination.Length} elements");
        }
    }

    /// <summary>Throws when the view <paramref name="destination"/> shares any element with the vector <paramref name="input"/>.</summary>
    public static void RequireSeparate<T>(ReadOnlySpan<T> input, string inputName, ReadOnlyMatrixView<T> destination, string destinationName)
        where T : unmanaged
    {
        if (Shares(destination, input))
        {
            throw Separate(inputName, $"{input.Length} elements", destinationName, destination.ToString());
        }
    }

    /// <summary>Throws when the vector <paramref name="destination"/> shares any element with the vector <paramref name="input"/>.</summary>
    public static void RequireSeparate<T>(ReadOnlySpan<T> input, string inputName, ReadOnlySpan<T> destination, string destinationName)
    {
        if (input.Overlaps(destination))
        {
            throw Separate(inputName, $"{input.Length} elements", destinationName, $"{destination.Length} elements");
        }
    }

    /// <summary>Whether two spans, each seen as a strided matrix starting at its first element, share an element.</summary>
    public static bool Shares<T>(ReadOnlySpan<T> xSpan, int xRows, int xColumns, int xStride, ReadOnlySpan<T> ySpan, int yRows, int yColumns, int yStride)
    {
        var x = (Rows: xRows, Columns: xColumns, Stride: xStride);
        var y = (Rows: yRows, Columns: yColumns, Stride: yStride);
        ReadOnlySpan<T> xs = xSpan[..(((xRows - 1) * xStride) + xColumns)];
        ReadOnlySpan<T> ys = ySpan[..(((yRows - 1) * yStride) + yColumns)];
        if (!xs.Overlaps(ys, out int offset))
        {
            return false;
        }

        // y starts `offset` elements after x (negative: before). Both are increasing runs of disjoint
        // intervals [start + r·stride, + columns); sweep them together.
        long xStart = 0, yStart = offset;
        int xr = 0, yr = 0;
        while (xr < x.Rows && yr < y.Rows)
        {
            long x0 = xStart + ((long)xr * x.Stride), x1 = x0 + x.Columns;
            long y0 = yStart + ((long)yr * y.Stride), y1 = y0 + y.Columns;
            if (x0 < y1 && y0 < x1)
            {
                return true;
            }

            if (x1 <= y1)
            {
                xr++;
            }
            else
            {
                yr++;
            }
        }

        return false;
    }

    private static ArgumentException Separate(string inputName, string input, string destinationName, string destination)
        => new(
            $"'{destinationName}' ({destination}) shares elements with '{inputName}' ({input}); it is read while '{destinationName}' is written, so the result would be wrong. Write into a separate buffer.",
            destinationName);
}
