using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Simd.Cli.Data;

/// <summary>
/// Splits CSV text into records (RFC 4180): comma-separated cells, cells in double quotes may hold commas,
/// line breaks and doubled quotes; lines end in <c>\n</c>, <c>\r\n</c> or <c>\r</c>. Empty lines at the end are
/// ignored; an empty line between rows is an error, because silently skipping it could hide a broken export.
/// Every error names the line and column.
/// </summary>
internal static class CsvReader
{
    /// <summary>Reads every non-empty record of <paramref name="text"/>.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The name used in error messages (the file name).</param>
    /// <returns>The records, header first.</returns>
    /// <exception cref="DataFormatException">A quote is misplaced or never closed, or an empty line sits between rows.</exception>
    public static List<CsvRecord> Read(TextReader text, string source)
    {
        var records = new List<CsvRecord>();
        var cursor = new Cursor(text);
        int? blankLine = null;

        while (cursor.Peek() >= 0)
        {
            int line = cursor.Line;
            if (cursor.AtLineEnd())
            {
                // An empty line: fine at the end of the file, an error if a row follows it.
                blankLine ??= line;
                cursor.SkipLineEnd();
                continue;
            }

            if (blankLine is int blank)
            {
                throw new DataFormatException(source, blank, 1, "empty line between rows (only empty lines at the end of the file are allowed)");
            }

            records.Add(ReadRecord(cursor, source));
        }

        return records;
    }

    private static CsvRecord ReadRecord(Cursor cursor, string source)
    {
        var fields = new List<CsvField>();
        int startLine = cursor.Line;
        while (true)
        {
            fields.Add(ReadField(cursor, source));
            if (cursor.Peek() == ',')
            {
                cursor.Next();
                continue;
            }

            int endColumn = cursor.Column;
            cursor.SkipLineEnd();
            return new CsvRecord(fields, startLine, endColumn);
        }
    }

    private static CsvField ReadField(Cursor cursor, string source)
    {
        int line = cursor.Line;
        int column = cursor.Column;
        var cell = new StringBuilder();

        if (cursor.Peek() != '"')
        {
            while (cursor.Peek() >= 0 && cursor.Peek() != ',' && !cursor.AtLineEnd())
            {
                if (cursor.Peek() == '"')
                {
                    throw new DataFormatException(source, cursor.Line, cursor.Column, "a quote inside an unquoted cell (quote the whole cell and double the inner quote)");
                }

                cell.Append((char)cursor.Next());
            }

            return new CsvField(cell.ToString(), line, column);
        }

        cursor.Next();
        while (true)
        {
            int c = cursor.Next();
            if (c < 0)
            {
                throw new DataFormatException(source, line, column, "quoted cell is never closed");
            }

            if (c != '"')
            {
                cell.Append((char)c);
                continue;
            }

            if (cursor.Peek() == '"')
            {
                cursor.Next();
                cell.Append('"');
                continue;
            }

            if (cursor.Peek() >= 0 && cursor.Peek() != ',' && !cursor.AtLineEnd())
            {
                throw new DataFormatException(source, cursor.Line, cursor.Column, "expected ',' or the end of the line after a closing quote");
            }

            return new CsvField(cell.ToString(), line, column);
        }
    }

    /// <summary>Reads characters one at a time and keeps the 1-based line and column of the next one.</summary>
    private sealed class Cursor(TextReader text)
    {
        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public int Peek() => text.Peek();

        public bool AtLineEnd() => text.Peek() is '\n' or '\r';

        public int Next()
        {
            int c = text.Read();
            if (c == '\n' || (c == '\r' && text.Peek() != '\n'))
            {
                Line++;
                Column = 1;
            }
            else if (c >= 0 && c != '\r')
            {
                Column++;
            }

            return c;
        }

        /// <summary>Consumes one line break (<c>\n</c>, <c>\r\n</c> or <c>\r</c>) if the next character starts one.</summary>
        public void SkipLineEnd()
        {
            if (Peek() == '\r')
            {
                Next();
                if (Peek() == '\n')
                {
                    Next();
                }
            }
            else if (Peek() == '\n')
            {
                Next();
            }
        }
    }
}
