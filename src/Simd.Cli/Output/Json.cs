using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Simd.Cli.Output;

/// <summary>Writes one indented JSON document to a text writer through <see cref="Utf8JsonWriter"/>.</summary>
internal static class Json
{
    /// <summary>Runs <paramref name="write"/> against a JSON writer and copies the document, plus a newline, to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }

    /// <summary>Writes <paramref name="values"/> as an array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
