using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary>The options of <c>simd bench</c>.</summary>
internal sealed class BenchSettings : CommandSettings
{
    /// <summary>Run the BenchmarkDotNet suite instead of the quick comparison.</summary>
    [CommandOption("--full")]
    [Description("Run the BenchmarkDotNet suite (bench/Simd.Benchmarks) from the source tree instead; arguments after -- go to BenchmarkDotNet.")]
    public bool Full { get; set; }

    /// <summary>The source tree for --full.</summary>
    [CommandOption("--source <DIR>")]
    [Description("Root of the Simd source tree for --full. Default: search the current directory, the program's directory and their parents.")]
    public string? Source { get; set; }

    /// <summary>Timed batches per measurement.</summary>
    [CommandOption("--repetitions <N>")]
    [Description("Timed batches per measurement; the median is reported (1 to 1000).")]
    [DefaultValue(15)]
    public int Repetitions { get; set; } = 15;

    /// <summary>Warm-up per measurement in milliseconds.</summary>
    [CommandOption("--warmup <MS>")]
    [Description("Warm-up per measurement in milliseconds, so the JIT's optimised code is what gets timed (0 to 10000).")]
    [DefaultValue(250)]
    public int WarmupMilliseconds { get; set; } = 250;

    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (schema in docs/cli.md) instead of the table.")]
    public bool Json { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Repetitions is < 1 or > 1000)
        {
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--repetitions must be between 1 and 1000, got {Repetitions}"));
        }

        if (WarmupMilliseconds is < 0 or > 10000)
        {
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--warmup must be between 0 and 10000 ms, got {WarmupMilliseconds}"));
        }

        return ValidationResult.Success();
    }
}
