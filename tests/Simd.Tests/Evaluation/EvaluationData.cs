using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Simd.Tests.Evaluation;

/// <summary>Reads the reference files in Evaluation/Data (see the README there for where each comes from).</summary>
internal static class EvaluationData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Evaluation", "Data", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name), new UTF8Encoding(false));

    /// <summary>The lines of a file as Python's text-mode iteration yields them, without the line ends.</summary>
    public static string[] Lines(string name) => Text(name).Split('\n')[..^1];

    public static JsonElement Json(string name)
    {
        using JsonDocument document = JsonDocument.Parse(Text(name));
        return document.RootElement.Clone();
    }

    public static string GzipText(string name)
    {
        using var file = File.OpenRead(PathOf(name));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }
}
