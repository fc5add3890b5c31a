using System;

namespace Simd;

/// <summary>Shape validation shared by <see cref="MatrixView{T}"/> and <see cref="ReadOnlyMatrixView{T}"/>.</summary>
internal static class MatrixShape
{
    public static void Validate(int dataLength, int rows, int columns, int stride, string dataName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (stride < columns)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"The stride ({stride}) must be at least the number of columns ({columns}).");
        }

        long needed = rows == 0 || columns == 0 ? 0 : ((rows - 1) * (long)stride) + columns;
        if (dataLength < needed)
        {
            throw new ArgumentOutOfRangeException(
                dataName,
                dataLength,
                $"A {Describe(rows, columns, stride)} matrix needs {needed} elements but the memory holds {dataLength}.");
        }
    }

    public static void CheckIndex(int row, int column, int rows, int columns)
    {
        if ((uint)row >= (uint)rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {rows}).");
        }

        if ((uint)column >= (uint)columns)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"Column must be in [0, {columns}).");
        }
    }

    public static string Describe(int rows, int columns, int stride)
        => stride == columns ? $"{rows}×{columns}" : $"{rows}×{columns} (stride {stride})";
}
