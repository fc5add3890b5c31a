using Simd.Tests.Shared;
using System;
using System.IO;

namespace Simd.Tests.Packaging;

/// <summary>Reads the code and output blocks of docs/getting-started.md, so the guide is what the tests run.</summary>
internal static class GettingStarted
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "getting-started.md")).ReplaceLineEndings("\n"));

    /// <summary>The first <c>```csharp</c> block after <paramref name="heading"/>.</summary>
    public static string CodeBlock(string heading) => Block(heading, "```csharp\n");

    /// <summary>The first <c>```text</c> block after <paramref name="heading"/>.</summary>
    public static string TextBlock(string heading) => Block(heading, "```text\n");

    private static string Block(string heading, string fence)
    {
        string text = Text.Value;
        int section = text.IndexOf(heading, StringComparison.Ordinal);
        int start = text.IndexOf(fence, section, StringComparison.Ordinal) + fence.Length;
        int end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }
}
