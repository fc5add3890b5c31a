using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary>The options of <c>simd cluster</c>; <see cref="Validate"/> rejects missing and out-of-range values with exit code 1.</summary>
internal sealed class ClusterSettings : CommandSettings
{
    /// <summary>The CSV file to cluster.</summary>
    [CommandOption("--data <FILE>")]
    [Description("CSV file with a header row and numeric cells; every column is a feature.")]
    public string? Data { get; set; }

    /// <summary>The number of clusters.</summary>
    [CommandOption("-k|--clusters <K>")]
    [Description("Number of clusters (>= 1, at most the number of rows); also written --k K.")]
    public int? K { get; set; }

    /// <summary>The initial centroids file.</summary>
    [CommandOption("--init <CENTROIDS>")]
    [Description("CSV file of initial centroids: a header row, then K rows with the data's columns in its order (header names need not match). Default: k-means++ seeding.")]
    public string? Init { get; set; }

    /// <summary>The k-means++ seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the k-means++ seeding (without --init). Default 0.")]
    public int? Seed { get; set; }

    /// <summary>The most Lloyd iterations.</summary>
    [CommandOption("--iterations <N>")]
    [Description("Most Lloyd iterations (>= 1); fewer when the labels stop changing or the centroids move less than scikit-learn's tol=1e-4 allows.")]
    [DefaultValue(300)]
    public int Iterations { get; set; } = 300;

    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (schema in docs/cli.md) instead of the tables.")]
    public bool Json { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Data is null)
        {
            return ValidationResult.Error("--data is required: a CSV file with a header row, every column a feature");
        }

        if (K is not int k)
        {
            return ValidationResult.Error("--k is required: the number of clusters");
        }

        if (k < 1)
        {
            return ValidationResult.Error(Invariant($"--k must be >= 1, got {k}"));
        }

        if (Iterations < 1)
        {
            return ValidationResult.Error(Invariant($"--iterations must be >= 1, got {Iterations}"));
        }

        if (Init is not null && Seed is not null)
        {
            return ValidationResult.Error("--seed applies to k-means++ seeding only: leave it out with --init");
        }

        return ValidationResult.Success();
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
