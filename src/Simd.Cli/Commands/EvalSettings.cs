using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using Simd.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary>The options of <c>simd eval</c>; <see cref="Validate"/> rejects options of the other metric with exit code 1.</summary>
internal sealed class EvalSettings : CommandSettings
{
    /// <summary>rouge or bleu.</summary>
    [CommandOption("--metric <METRIC>")]
    [Description("rouge (ROUGE-1, -2, -L, -Lsum as rouge-score computes them) or bleu (corpus BLEU as sacreBLEU computes it).")]
    public string? Metric { get; set; }

    /// <summary>The predictions file.</summary>
    [CommandOption("--predictions <FILE>")]
    [Description("The model's outputs, one text per line (UTF-8).")]
    public string? Predictions { get; set; }

    /// <summary>The reference files given with --references.</summary>
    [CommandOption("--references <FILE>")]
    [Description("References, one text per line in the same order as the predictions. Several files (--references a.txt b.txt) give several references per text.")]
    public string[] References { get; set; } = [];

    /// <summary>Further reference files: the words after <c>--references FILE</c>.</summary>
    [CommandArgument(0, "[FILE]")]
    [Description("Further reference files (after --references).")]
    public string[] MoreReferences { get; set; } = [];

    /// <summary>Print JSON.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object (schema in docs/cli.md) instead of the table.")]
    public bool Json { get; set; }

    /// <summary>ROUGE: Porter-stem tokens.</summary>
    [CommandOption("--stem")]
    [Description("rouge: Porter-stem tokens longer than 3 characters (rouge-score's use_stemmer=True).")]
    public bool Stem { get; set; }

    /// <summary>ROUGE: the text that stands for a sentence break.</summary>
    [CommandOption("--sentence-separator <TEXT>")]
    [Description("rouge: TEXT inside a line separates sentences for rougeLsum (rouge-score splits on newlines, which a one-text-per-line file cannot hold).")]
    public string? SentenceSeparator { get; set; }

    /// <summary>ROUGE: bootstrap resamples.</summary>
    [CommandOption("--bootstrap <N>")]
    [Description("rouge: also report 95% bootstrap confidence intervals from N resamples (rouge-score's BootstrapAggregator uses 1000). 0 = off.")]
    [DefaultValue(0)]
    public int Bootstrap { get; set; }

    /// <summary>ROUGE: bootstrap seed.</summary>
    [CommandOption("--seed <SEED>")]
    [Description("rouge: seed of the bootstrap resampling.")]
    [DefaultValue(0)]
    public int Seed { get; set; }

    /// <summary>BLEU: the tokeniser.</summary>
    [CommandOption("--tokenize <TOKENIZER>")]
    [Description("bleu: 13a (sacreBLEU's default), none or intl.")]
    public string? Tokenize { get; set; }

    /// <summary>BLEU: the smoothing method.</summary>
    [CommandOption("--smooth <METHOD>")]
    [Description("bleu: exp (sacreBLEU's default), floor, add-k or none.")]
    public string? Smooth { get; set; }

    /// <summary>BLEU: the smoothing value.</summary>
    [CommandOption("--smooth-value <VALUE>")]
    [Description("bleu: the value for --smooth floor (default 0.1) or add-k (default 1).")]
    public double? SmoothValue { get; set; }

    /// <summary>BLEU: lower-case first.</summary>
    [CommandOption("--lowercase")]
    [Description("bleu: lower-case predictions and references first (sacreBLEU's --lowercase).")]
    public bool Lowercase { get; set; }

    /// <summary>Whether the metric is ROUGE (false: BLEU).</summary>
    public bool IsRouge => Parse(Metric!, "--metric", ("rouge", true), ("bleu", false));

    /// <summary>All reference files, in the order given.</summary>
    public string[] ReferenceFiles => [.. References, .. MoreReferences];

    /// <summary>The validated BLEU settings.</summary>
    public BleuOptions ToBleuOptions() => new()
    {
        Tokenizer = Tokenize is null ? BleuTokenizer.Mteval13a : Parse(Tokenize, "--tokenize", ("13a", BleuTokenizer.Mteval13a), ("none", BleuTokenizer.None), ("intl", BleuTokenizer.International)),
        Smoothing = Smooth is null ? BleuSmoothing.Exponential : Parse(Smooth, "--smooth", ("exp", BleuSmoothing.Exponential), ("floor", BleuSmoothing.Floor), ("add-k", BleuSmoothing.AddK), ("none", BleuSmoothing.None)),
        SmoothValue = SmoothValue,
        Lowercase = Lowercase,
    };

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Metric is null)
        {
            return ValidationResult.Error("--metric is required: rouge or bleu");
        }

        if (Predictions is null)
        {
            return ValidationResult.Error("--predictions is required: the file of model outputs, one text per line");
        }

        if (References.Length == 0)
        {
            return ValidationResult.Error(MoreReferences.Length == 0
                ? "--references is required: one or more files of references, one text per line"
                : $"'{MoreReferences[0]}' is not an option: give reference files after --references");
        }

        try
        {
            string? wrong = IsRouge
                ? FirstSet(("--tokenize", Tokenize is not null), ("--smooth", Smooth is not null), ("--smooth-value", SmoothValue is not null), ("--lowercase", Lowercase))
                : FirstSet(("--stem", Stem), ("--sentence-separator", SentenceSeparator is not null), ("--bootstrap", Bootstrap != 0), ("--seed", Seed != 0));
            if (wrong is not null)
            {
                string other = IsRouge ? "bleu" : "rouge";
                return ValidationResult.Error($"{wrong} applies to --metric {other} only");
            }

            if (!IsRouge)
            {
                BleuOptions options = ToBleuOptions();
                if (SmoothValue is double value)
                {
                    if (options.Smoothing is not (BleuSmoothing.Floor or BleuSmoothing.AddK))
                    {
                        return ValidationResult.Error("--smooth-value needs --smooth floor or --smooth add-k");
                    }

                    if (!(double.IsFinite(value) && value >= 0))
                    {
                        return ValidationResult.Error(Invariant($"--smooth-value must be a finite number >= 0, got {value}"));
                    }
                }
            }
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }

        if (Bootstrap < 0)
        {
            return ValidationResult.Error(Invariant($"--bootstrap must be >= 0 (0 = off), got {Bootstrap}"));
        }

        if (SentenceSeparator is { Length: 0 })
        {
            return ValidationResult.Error("--sentence-separator is empty: give the text that separates sentences, e.g. '<n>'");
        }

        return ValidationResult.Success();
    }

    private static string? FirstSet(params (string Option, bool Set)[] options) => options.FirstOrDefault(o => o.Set).Option;

    private static T Parse<T>(string value, string option, params (string Name, T Value)[] choices)
    {
        foreach ((string name, T choice) in choices)
        {
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        string names = string.Join(", ", Array.ConvertAll(choices, c => c.Name));
        throw new UsageException($"{option} must be one of {names}, got '{value}'");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
