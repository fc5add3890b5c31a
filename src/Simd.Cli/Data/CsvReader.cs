using System;
using System.Collections.Generic;
using System.IO;

namespace Simd.Cli.Data;

/// <summary>
/// Splits CSV text into records (RFC 4180), one record at a time: comma-separated cells, cells in double quotes
/// may hold commas, line breaks and doubled quotes; lines end in <c>\n</c>, <c>\r\n</c> or <c>\r</c>. Empty lines
/// at the end are ignored; an empty line between rows is an error, because silently skipping it could hide a
/// broken export. Every error names the line and column.
/// </summary>
/// <remarks>
/// The cells of the current record are views into one reusable buffer (no string per cell), so a caller can
/// parse numbers straight from them and a file of any size is read in constant memory.
/// </remarks>
internal sealed class CsvReader
{
    private readonly TextReader _text;
    private readonly string _source;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly List<(int Start, int Length, int Line, int Column)> _fields = [];
    private char[] _cells = new char[256];
    private int _cellsLength;
    private int _position;
    private int _length;
    private int _line = 1;
    private int _column = 1;
    private int? _blankLine;

    /// <summary>Prepares to read <paramref name="text"/>; <paramref name="source"/> names it in error messages.</summary>
    public CsvReader(TextReader text, string source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>The 1-based line the current record starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The 1-based column just past the current record's last character, where a missing cell would go.</summary>
    public int EndColumn { get; private set; }

    /// <summary>The number of cells in the current record.</summary>
    public int Count => _fields.Count;

    /// <summary>Reads every non-empty record of <paramref name="text"/> as strings (for small inputs and tests).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">The name used in error messages (the file name).</param>
    /// <returns>The records, header first.</returns>
    /// <exception cref="DataFormatException">A quote is misplaced or never closed, or an empty line sits between rows.</exception>
    public static List<CsvRecord> Read(TextReader text, string source)
    {
        var reader = new CsvReader(text, source);
        var records = new List<CsvRecord>();
        while (reader.ReadRecord())
        {
            var fields = new CsvField[reader.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = new CsvField(reader.Cell(i).ToString(), reader.CellLine(i), reader.CellColumn(i));
            }

            records.Add(new CsvRecord(fields, reader.Line, reader.EndColumn));
        }

        return records;
    }

    /// <summary>The text of cell <paramref name="index"/> of the current record (quotes removed).</summary>
    public ReadOnlySpan<char> Cell(int index) => _cells.AsSpan(_fields[index].Start, _fields[index].Length);

    /// <summary>The 1-based line of cell <paramref name="index"/>'s first character.</summary>
    public int CellLine(int index) => _fields[index].Line;

    /// <summary>The 1-based column of cell <paramref name="index"/>'s first character (the opening quote if quoted).</summary>
    public int CellColumn(int index) => _fields[index].Column;

    /// <summary>Reads the next non-empty record; <see langword="false"/> at the end of the text.</summary>
    /// <exception cref="DataFormatException">A quote is misplaced or never closed, or an empty line sits between rows.</exception>
    public bool ReadRecord()
    {
        while (true)
        {
            int c = Peek();
            if (c < 0)
            {
                return false;
            }

            if (c is not ('\n' or '\r'))
            {
                break;
            }

            // An empty line: fine at the end of the file, an error if a row follows it.
            _blankLine ??= _line;
            SkipLineEnd();
        }

        if (_blankLine is int blank)
        {
            throw new DataFormatException(_source, blank, 1, "empty line between rows (only empty lines at the end of the file are allowed)");
        }

        Line = _line;
        _fields.Clear();
        _cellsLength = 0;
        while (true)
        {
            ReadField();
            if (Peek() == ',')
            {
                Next();
                continue;
            }

            EndColumn = _column;
            SkipLineEnd();
            return true;
        }
    }

    private void ReadField()
    {
        int line = _line;
        int column = _column;
        int start = _cellsLength;

        if (Peek() != '"')
        {
            while (true)
            {
                int c = Peek();
                if (c < 0 || c is ',' or '\n' or '\r')
                {
                    break;
                }

                if (c == '"')
                {
                    throw new DataFormatException(_source, _line, _column, "a quote inside an unquoted cell (quote the whole cell and double the inner quote)");
                }

                Append((char)Next());
            }

            _fields.Add((start, _cellsLength - start, line, column));
            return;
        }

        Next();
        while (true)
        {
            int c = Next();
            if (c < 0)
            {
                throw new DataFormatException(_source, line, column, "quoted cell is never closed");
            }

            if (c != '"')
            {
                Append((char)c);
                continue;
            }

            if (Peek() == '"')
            {
                Next();
                Append('"');
                continue;
            }

            int after = Peek();
            if (after >= 0 && after is not (',' or '\n' or '\r'))
            {
                throw new DataFormatException(_source, _line, _column, "expected ',' or the end of the line after a closing quote");
            }

            _fields.Add((start, _cellsLength - start, line, column));
            return;
        }
    }

    private void Append(char c)
    {
        if (_cellsLength == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }

        _cells[_cellsLength++] = c;
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = _text.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return -1;
            }
        }

        return _buffer[_position];
    }

    /// <summary>Consumes the next character, keeping the 1-based line and column of the one after it.</summary>
    private int Next()
    {
        int c = Peek();
        if (c < 0)
        {
            return c;
        }

        _position++;
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else if (c != '\r')
        {
            _column++;
        }

        return c;
    }

    /// <summary>Consumes one line break (<c>\n</c>, <c>\r\n</c> or <c>\r</c>) if the next character starts one.</summary>
    private void SkipLineEnd()
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
