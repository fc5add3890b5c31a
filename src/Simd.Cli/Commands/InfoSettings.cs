using System.ComponentModel;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary>The options of <c>simd info</c>.</summary>
internal sealed class InfoSettings : CommandSettings
{
    /// <summary>Print one JSON object instead of tables.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (schema in docs/cli.md) instead of tables.")]
    public bool Json { get; set; }
}
