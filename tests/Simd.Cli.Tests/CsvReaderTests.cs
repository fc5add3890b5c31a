using System.Collections.Generic;
using System.IO;
using System.Linq;
using Simd.Cli.Data;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => CsvReader.Read(new StringReader(text), "t.csv");

    private static string[][] Cells(string text) => Read(text).Select(r => r.Fields.Select(f => f.Text).ToArray()).ToArray();

    [Fact]
    public void Splits_plain_rows_on_commas()
    {
        Assert.Equal([["a", "b"], ["1", "2"]], Cells("a,b\n1,2\n"));
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\n1,2\n\n\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n")]
    public void Accepts_every_line_ending_and_trailing_empty_lines(string text)
    {
        Assert.Equal([["a", "b"], ["1", "2"]], Cells(text));
    }

    [Fact]
    public void Quoted_cells_keep_commas_line_breaks_and_doubled_quotes()
    {
        string[][] cells = Cells("\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n");
        Assert.Equal([["a,1", "say \"hi\"", "two\r\nlines"]], cells);
    }

    [Fact]
    public void Empty_quoted_and_unquoted_cells_are_empty_strings()
    {
        Assert.Equal([["", "", "x"]], Cells("\"\",,x\n"));
    }

    [Fact]
    public void Positions_are_one_based_and_count_lines_inside_quotes()
    {
        List<CsvRecord> records = Read("a,bb\n\"x\ny\",7\n8,9\n");
        Assert.Equal((1, 1), (records[0].Fields[0].Line, records[0].Fields[0].Column));
        Assert.Equal((1, 3), (records[0].Fields[1].Line, records[0].Fields[1].Column));
        Assert.Equal((2, 1), (records[1].Fields[0].Line, records[1].Fields[0].Column));
        Assert.Equal((3, 4), (records[1].Fields[1].Line, records[1].Fields[1].Column));
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Crlf_line_ends_count_as_one_line()
    {
        List<CsvRecord> records = Read("a\r\nb\r\nc\r\n");
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Unclosed_quote_is_reported_where_the_cell_starts()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a,b\n1,\"2\n3\n"));
        Assert.Equal("t.csv:2:3: quoted cell is never closed", e.Message);
    }

    [Fact]
    public void Quote_inside_an_unquoted_cell_is_an_error()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a,b\n1,2\"3\n"));
        Assert.Equal("t.csv:2:4: a quote inside an unquoted cell (quote the whole cell and double the inner quote)", e.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("\"a\"b,c\n"));
        Assert.Equal("t.csv:1:4: expected ',' or the end of the line after a closing quote", e.Message);
    }

    [Fact]
    public void Empty_line_between_rows_is_an_error()
    {
        var e = Assert.Throws<DataFormatException>(() => Read("a,b\n1,2\n\n3,4\n"));
        Assert.Equal("t.csv:3:1: empty line between rows (only empty lines at the end of the file are allowed)", e.Message);
    }

    [Fact]
    public void Empty_text_has_no_records()
    {
        Assert.Empty(Read(string.Empty));
        Assert.Empty(Read("\n\r\n"));
    }
}
