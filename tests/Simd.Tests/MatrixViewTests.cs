using System;
using Xunit;

namespace Simd.Tests;

/// <summary>The strided matrix views: shapes validated once with messages that say what is wrong, elements where the stride puts them.</summary>
public sealed class MatrixViewTests
{
    [Fact]
    public void ElementsAndRowsFollowTheStride()
    {
        float[] data = [0, 1, 2, -1, 10, 11, 12, -1, 20, 21, 22];
        var view = new MatrixView<float>(data, 3, 3, 4);

        Assert.Equal(12f, view[1, 2]);
        Assert.Equal([20f, 21f, 22f], view.Row(2).ToArray());
        view[2, 0] = 99;
        Assert.Equal(99f, data[8]);

        ReadOnlyMatrixView<float> readOnly = view;
        Assert.Equal(11f, readOnly[1, 1]);
        ReadOnlyMatrixView<float> lower = readOnly.SliceRows(1, 2);
        Assert.Equal(2, lower.Rows);
        Assert.Equal([99f, 21f, 22f], lower.Row(1).ToArray());
        Assert.Equal("3×3 (stride 4)", view.ToString());
        Assert.Equal("2×3", new ReadOnlyMatrixView<double>(new double[6], 2, 3).ToString());
    }

    [Fact]
    public void EmptyShapesNeedNoMemory()
    {
        Assert.True(new ReadOnlyMatrixView<float>(ReadOnlyMemory<float>.Empty, 0, 5).IsEmpty);
        Assert.True(new MatrixView<double>(Memory<double>.Empty, 7, 0).IsEmpty);
    }

    [Fact]
    public void BadShapesAreRejectedWithTheReason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixView<float>(new float[10], 2, 5, 4));
        Assert.Equal("stride", e.ParamName);
        Assert.StartsWith("The stride (4) must be at least the number of columns (5).", e.Message);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOnlyMatrixView<float>(new float[10], 3, 4));
        Assert.Equal("data", e.ParamName);
        Assert.StartsWith("A 3×4 matrix needs 12 elements but the memory holds 10.", e.Message);

        Assert.Equal(3, new ReadOnlyMatrixView<float>(new float[24], 3, 4, 10).Rows);
        Assert.StartsWith("A 3×4 (stride 10) matrix needs 24 elements but the memory holds 23.", Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOnlyMatrixView<float>(new float[23], 3, 4, 10)).Message);

        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixView<float>(new float[4], -1, 2)).ParamName);
    }

    [Fact]
    public void IndicesOutsideTheShapeAreRejected()
    {
        var view = new MatrixView<float>(new float[6], 2, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => view[2, 0]);
        Assert.Equal("row", e.ParamName);
        Assert.StartsWith("Row must be in [0, 2).", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => view[0, 3]);
        Assert.Equal("column", e.ParamName);
        Assert.StartsWith("Column must be in [0, 3).", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => view.AsReadOnly().SliceRows(1, 2));
    }
}
