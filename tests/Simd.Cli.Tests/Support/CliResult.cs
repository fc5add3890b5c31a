using System.Text.Json;

namespace Simd.Cli.Tests.Support;

/// <summary>What one run of simd produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output parsed as one JSON document.</summary>
    public JsonElement Json()
    {
        using JsonDocument document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
