using System;
using System.IO;
using System.Linq;
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

    [Fact]
    public void An_empty_header_name_is_an_error() => Assert.Equal("d.csv:1:3: column 2 has no name in the header (every column needs one)", Error("a, ,y\n1,2,3\n"));

    [Fact]
    public void The_target_name_is_trimmed()
    {
        DataSet data = Read("a,b,y\n1,2,3\n", target: " b ");
        Assert.Equal("b", data.TargetName);
        Assert.Equal([2.0], data.Target);
    }

    [Theory]
    [InlineData("a;b;y\n1;2;3\n", "only one column ('a;b;y'): need at least one feature column besides the target; the header looks separated by ';', but simd reads comma-separated values only")]
    [InlineData("a\tb\ty\n1\t2\t3\n", "only one column ('a\tb\ty'): need at least one feature column besides the target; the header looks separated by tabs, but simd reads comma-separated values only")]
    public void Other_separators_are_named(string text, string message) => Assert.Equal("d.csv:1:1: " + message, Error(text));

    [Fact]
    public void A_feature_cell_is_located_by_reading_its_row_again()
    {
        const string text = "a,y,\"b\"\n1,2,3\n4,5,\"6\"\n";
        DataSet data = DataSet.Read(new StringReader(text), "d.csv", "y", () => new StringReader(text));
        Assert.Equal((3, 5), data.FeatureCell(1, 1));
        Assert.Equal((2, 1), data.FeatureCell(0, 0));
        Assert.Equal((3, 3), data.TargetCell(1));
        Assert.Equal((3, 0), Read(text, "y").FeatureCell(1, 1)); // no way to reopen: the line only
    }

    [Fact]
    public void Without_a_target_every_column_is_a_feature()
    {
        const string text = "a,y,\"b\"\n1,2,3\n4,5,\"6\"\n";
        DataSet data = DataSet.Read(new StringReader(text), "d.csv", "ignored", () => new StringReader(text), hasTarget: false);
        Assert.Equal(["a", "y", "b"], data.FeatureNames);
        Assert.Equal(2, data.Rows);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.Features);
        Assert.Empty(data.Target);
        Assert.Equal(string.Empty, data.TargetName);
        Assert.Equal((3, 5), data.FeatureCell(1, 2));
        Assert.Equal((3, 3), data.FeatureCell(1, 1));
        DataSet one = DataSet.Read(new StringReader("a\n1\n2\n"), "d.csv", null, hasTarget: false);
        Assert.Equal([1.0, 2], one.Features);
        var many = new System.Text.StringBuilder("p,q\n");
        for (int i = 0; i < 40; i++)
        {
            many.Append(i).Append(',').Append(-i).Append('\n');
        }

        DataSet grown = DataSet.Read(new StringReader(many.ToString()), "d.csv", null, hasTarget: false);
        Assert.Equal(40, grown.Rows);
        Assert.Equal(-39.0, grown.Features[^1]);
    }

    [Fact]
    public void A_library_error_about_a_cell_is_mapped_to_its_file_position_and_names()
    {
        const string text = "a,b,y\n1,2,3\n4,5,6\n";
        DataSet data = DataSet.Read(new StringReader(text), "d.csv", null, () => new StringReader(text));
        var x = new ArgumentException("'x' holds Infinity at row 1, column 1; the data must be finite (no NaN or ∞).", "x");
        Assert.Equal("d.csv:3:3: column 'b' holds Infinity after conversion and scaling; the data must be finite (no NaN or ∞).", Simd.Cli.Training.LibraryErrors.DataError(x, data).Message);
        var y = new ArgumentException("'y' holds NaN at row 0; the values must be finite (no NaN or ∞).", "y");
        Assert.Equal("d.csv:2:5: target 'y' holds NaN after conversion; the values must be finite (no NaN or ∞).", Simd.Cli.Training.LibraryErrors.DataError(y, data).Message);
    }

    [Fact]
    public void A_file_is_parsed_straight_into_numbers()
    {
        // 20 000 rows × 11 cells: what reading allocates is the numbers (8 bytes a cell), a line and a target
        // position per row, and a constant for the buffers; a string per cell would be several times more.
        const int rows = 20_000, cells = 11;
        string path = Path.Combine(Path.GetTempPath(), "simd-dataset-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.WriteLine(string.Join(',', Enumerable.Range(0, cells).Select(c => "c" + c)));
                var random = new Random(1);
                for (int r = 0; r < rows; r++)
                {
                    writer.WriteLine(string.Join(',', Enumerable.Range(0, cells).Select(_ => (random.NextDouble() * 1000).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            DataSet.ReadFile(path, null); // warm: JIT and the regex-free paths
            long before = GC.GetAllocatedBytesForCurrentThread();
            DataSet data = DataSet.ReadFile(path, null);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long numbers = ((long)rows * cells * sizeof(double)) + (rows * (sizeof(int) * 3L));
            Assert.Equal(rows, data.Rows);
            Assert.True(allocated <= numbers + (512 * 1024), $"reading allocated {allocated} bytes for {numbers} bytes of numbers and positions (file: {new FileInfo(path).Length} bytes)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
