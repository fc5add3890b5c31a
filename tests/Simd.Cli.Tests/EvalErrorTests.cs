using System;
using System.IO;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>Every way <c>simd eval</c> refuses to run: the exit code and the message on standard error.</summary>
public sealed class EvalErrorTests
{
    private static void AssertFails(CliResult run, int exitCode, string message)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        if (run.Output.Trim().Length > 0)
        {
            // With --json the error is also one JSON object on standard output (docs/cli.md).
            System.Text.Json.JsonElement error = run.Json().GetProperty("error");
            Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
            Assert.Contains(message["simd: ".Length..], error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "eval", "--predictions", "p", "--references", "r" }, "simd: --metric is required: rouge or bleu")]
    [InlineData(new[] { "eval", "--metric", "meteor", "--predictions", "p", "--references", "r" }, "simd: --metric must be one of rouge, bleu, got 'meteor'")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--references", "r" }, "simd: --predictions is required: the file of model outputs, one text per line")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p" }, "simd: --references is required: one or more files of references, one text per line")]
    [InlineData(new[] { "eval", "--metric", "bleu", "extra", "--predictions", "p" }, "simd: 'extra' is not an option: give reference files after --references")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--stem" }, "simd: --stem applies to --metric rouge only")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--bootstrap", "10" }, "simd: --bootstrap applies to --metric rouge only")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--sentence-separator", "|" }, "simd: --sentence-separator applies to --metric rouge only")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--seed", "1" }, "simd: --seed applies to --metric rouge only")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--tokenize", "13a" }, "simd: --tokenize applies to --metric bleu only")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--smooth", "exp" }, "simd: --smooth applies to --metric bleu only")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--smooth-value", "1" }, "simd: --smooth-value applies to --metric bleu only")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--lowercase" }, "simd: --lowercase applies to --metric bleu only")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--tokenize", "moses" }, "simd: --tokenize must be one of 13a, none, intl, got 'moses'")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--smooth", "add-one" }, "simd: --smooth must be one of exp, floor, add-k, none, got 'add-one'")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--smooth-value", "0.5" }, "simd: --smooth-value needs --smooth floor or --smooth add-k")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references", "r", "--smooth", "floor", "--smooth-value", "-1" }, "simd: --smooth-value must be a finite number >= 0, got -1")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--bootstrap", "-5" }, "simd: --bootstrap must be >= 0 (0 = off), got -5")]
    [InlineData(new[] { "eval", "--metric", "rouge", "--predictions", "p", "--references", "r", "--sentence-separator", "" }, "simd: --sentence-separator is empty")]
    [InlineData(new[] { "eval", "--metric", "bleu", "--predictions", "p", "--references" }, "simd: --references needs a value")]
    [InlineData(new[] { "eval", "--metric", "--json" }, "simd: --metric needs a value")]
    public void Bad_usage_exits_with_1(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        AssertFails(run, ExitCodes.BadUsage, message);
        Assert.Contains("Run 'simd --help' or 'simd COMMAND --help' for usage.", run.Error);
    }

    [Fact]
    public void A_reference_file_with_another_line_count_is_bad_data()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "a\nb\nc\n"), r = dir.File("r.txt", "a\nb\n");
        AssertFails(InProcess.Run("eval", "--metric", "bleu", "--predictions", p, "--references", r), ExitCodes.BadData, $"simd: {r}: 2 lines, but {p} has 3: give one reference per prediction, line by line");
    }

    [Fact]
    public void An_empty_file_is_bad_data()
    {
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", ""), r = dir.File("r.txt", "a\n");
        AssertFails(InProcess.Run("eval", "--metric", "rouge", "--predictions", p, "--references", r), ExitCodes.BadData, $"simd: {p}: the file is empty: give one text per line");
    }

    [Fact]
    public void A_missing_file_is_bad_data()
    {
        using var dir = new TempDirectory();
        string r = dir.File("r.txt", "a\n"), missing = Path.Combine(dir.Path, "nope.txt");
        CliResult run = InProcess.Run("eval", "--metric", "bleu", "--predictions", r, "--references", missing);
        AssertFails(run, ExitCodes.BadData, $"simd: {missing}: cannot read the file:");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_bad_data_at_their_line_and_column()
    {
        using var dir = new TempDirectory();
        string p = Path.Combine(dir.Path, "p.txt");
        File.WriteAllBytes(p, [(byte)'o', (byte)'k', (byte)'\n', (byte)'a', (byte)'b', 0xFF, (byte)'\n']);
        string r = dir.File("r.txt", "a\nb\n");
        AssertFails(InProcess.Run("eval", "--metric", "bleu", "--predictions", p, "--references", r), ExitCodes.BadData, $"simd: {p}:2:3: not valid UTF-8; save the file as UTF-8");
    }

    [Fact]
    public void Lines_end_as_in_python_and_a_byte_order_mark_stays_as_sacrebleu_keeps_it()
    {
        Assert.Equal(["a", "b", "", "c"], Simd.Cli.Evaluation.TextLines.Split("a\r\nb\r\rc\n"));
        using var dir = new TempDirectory();
        string p = dir.File("p.txt", "\uFEFFx y z w\n"), r = dir.File("r.txt", "x y z w\n");
        // sacreBLEU reads with encoding utf-8, so U+FEFF is part of the first word and the unigram "x" does not match.
        var json = InProcess.Run("eval", "--metric", "bleu", "--predictions", p, "--references", r, "--json").Json();
        Assert.Equal(3, json.GetProperty("bleu").GetProperty("counts")[0].GetInt32());
    }
}
