using System.IO;
using System.Text;
using Simd.Cli.Data;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class DataSetTests
{
    private static DataSet Read(string text, string? target = null) => DataSet.Read(new StringReader(text), "d.csv", target);

    private static string Error(string text, string? target = null) => Assert.Throws<DataFormatException>(() => Read(text, target)).Message;

    [Fact]
    public void Target_defaults_to_the_last_column_and_features_keep_file_order()
    {
        DataSet data = Read("x1,x2,y\n1,2,3\n4,5,6\n");
        Assert.Equal(["x1", "x2"], data.FeatureNames);
        Assert.Equal("y", data.TargetName);
        Assert.Equal([1.0, 2, 4, 5], data.Features);
        Assert.Equal([3.0, 6], data.Target);
        Assert.Equal(2, data.Rows);
    }

    [Fact]
    public void Named_target_is_taken_out_of_the_middle()
    {
        DataSet data = Read("a,y,b\n1,2,3\n", target: "y");
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal([1.0, 3], data.Features);
        Assert.Equal([2.0], data.Target);
    }

    [Fact]
    public void Numbers_may_be_quoted_padded_or_in_exponent_form()
    {
        DataSet data = Read("a ,\"b\",y\n\" 1.5 \", -2e3 ,+.25\n");
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal([1.5, -2000], data.Features);
        Assert.Equal([0.25], data.Target);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_name()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("a,y\n1,2\n")];
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        Assert.Equal(["a"], DataSet.Read(reader, "d.csv", null).FeatureNames);
    }

    [Fact]
    public void Empty_file() => Assert.Equal("d.csv:1:1: the file is empty (expected a header row, then rows of numbers)", Error(""));

    [Fact]
    public void Header_without_rows() => Assert.Equal("d.csv:2:1: no data rows after the header", Error("a,y\n"));

    [Fact]
    public void Non_numeric_cell() => Assert.Equal("d.csv:3:5: 'abc' in column 'y' is not a number", Error("a,y\n1,2\n3.5,abc\n"));

    [Fact]
    public void Empty_cell() => Assert.Equal("d.csv:2:1: empty cell in column 'a' (every cell must be a number)", Error("a,y\n,2\n"));

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void Non_finite_cell(string cell) => Assert.Equal($"d.csv:2:3: '{cell}' in column 'y' is not a finite number", Error($"a,y\n1,{cell}\n"));

    [Fact]
    public void Short_row_points_past_its_last_cell() => Assert.Equal("d.csv:3:4: row has 2 cells but the header has 3", Error("a,b,y\n1,2,3\n4,5\n"));

    [Fact]
    public void Long_row_points_at_the_first_extra_cell() => Assert.Equal("d.csv:2:7: row has 4 cells but the header has 3", Error("a,b,y\n1,2,3,4\n"));

    [Fact]
    public void Missing_target_column_lists_the_columns() =>
        Assert.Equal("d.csv:1:1: no column named 'price' for --target (columns: a, b, y)", Error("a,b,y\n1,2,3\n", target: "price"));

    [Fact]
    public void Only_one_column() => Assert.Equal("d.csv:1:1: only one column ('y'): need at least one feature column besides the target", Error("y\n1\n"));

    [Fact]
    public void Duplicate_column_name() => Assert.Equal("d.csv:1:5: column name 'a' appears twice in the header (columns 1 and 3)", Error("a,b,a\n1,2,3\n"));

    [Fact]
    public void Logistic_targets_must_be_zero_or_one()
    {
        DataSet data = Read("a,y\n1,0\n2,1\n3,0.5\n");
        var e = Assert.Throws<DataFormatException>(data.RequireBinaryTarget);
        Assert.Equal("d.csv:4:3: target 'y' is 0.5; logistic regression needs 0 or 1", e.Message);
        Read("a,y\n1,0\n2,1\n").RequireBinaryTarget();
    }
}
