using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Simd.Cli.Data;

namespace Simd.Cli.Evaluation;

/// <summary>
/// Reads a file of one text per line as sacreBLEU does: UTF-8 (invalid bytes are an error, not replaced), lines
/// ended by <c>\n</c>, <c>\r\n</c> or <c>\r</c>, a byte-order mark kept as a character, nothing else changed.
/// </summary>
internal static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines of <paramref name="path"/>, without their line ends.</summary>
    /// <exception cref="DataFormatException">The file cannot be read, is not UTF-8, or has no lines.</exception>
    public static List<string> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, $"cannot read the file: {e.Message}");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            (int line, int column) = FirstInvalid(bytes);
            throw new DataFormatException(path, line, column, "not valid UTF-8; save the file as UTF-8");
        }

        List<string> lines = Split(text);
        if (lines.Count == 0)
        {
            throw new DataFormatException(path, "the file is empty: give one text per line");
        }

        return lines;
    }

    /// <summary>Python's universal newlines: <c>\r\n</c>, <c>\r</c> and <c>\n</c> end a line; a final line end adds no empty line.</summary>
    internal static List<string> Split(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>The 1-based line and character column of the first byte that is not valid UTF-8.</summary>
    private static (int Line, int Column) FirstInvalid(byte[] bytes)
    {
        int line = 1, column = 1;
        ReadOnlySpan<byte> rest = bytes;
        while (Rune.DecodeFromUtf8(rest, out Rune rune, out int consumed) == OperationStatus.Done)
        {
            bool crlf = rune.Value == '\r' && rest.Length > 1 && rest[1] == '\n';
            if (rune.Value is '\n' or '\r')
            {
                line++;
                column = 1;
                consumed += crlf ? 1 : 0;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            rest = rest[consumed..];
        }

        return (line, column);
    }
}
