using System;

namespace Simd.MatrixMultiply;

/// <summary>
/// Whether two strided views share an element. Views cut from one buffer may interleave without sharing
/// anything (e.g. the left and right halves of a matrix); only a shared element is aliasing.
/// </summary>
internal static class Overlap
{
    /// <summary>Whether <paramref name="x"/> and <paramref name="y"/> have an element in common.</summary>
    public static bool Shares<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> y)
        where T : unmanaged
    {
        if (x.IsEmpty || y.IsEmpty)
        {
            return false;
        }

        return Shares(x.Memory.Span, x.Rows, x.Columns, x.Stride, y.Memory.Span, y.Rows, y.Columns, y.Stride);
    }

    /// <summary>Whether the view of <paramref name="x"/> and the vector <paramref name="y"/> have an element in common.</summary>
    public static bool Shares<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y)
        where T : unmanaged
        => !x.IsEmpty && !y.IsEmpty && Shares(x.Memory.Span, x.Rows, x.Columns, x.Stride, y, 1, y.Length, y.Length);

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
}
