using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>The built program run as a child process (<c>dotnet Simd.Cli.dll …</c>): real console, real exit codes.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Info_json_runs_out_of_process()
    {
        CliResult run = OutOfProcess.Run("info", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.False(string.IsNullOrEmpty(json.Text("path")));
        Assert.True(json.GetProperty("processorCount").GetInt32() >= 1);
    }

    [Fact]
    public void Runtime_knob_changes_the_reported_path()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_EnableHWIntrinsic"] = "0" };
        CliResult run = OutOfProcess.Run(["info", "--json"], environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("Scalar", json.Text("path"));
        Assert.Contains("DOTNET_EnableHWIntrinsic=0", json.Strings("runtimeKnobs"));
    }

    [Fact]
    public void A_forced_512_bit_path_without_avx512_is_reported_as_forced_and_not_accelerated()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0", ["SIMD_FORCE_PATH"] = "Avx512" };
        CliResult run = OutOfProcess.Run(["info", "--json"], environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("Avx512", json.Text("path"));
        Assert.Equal(512, json.GetProperty("pathBits").GetInt32());
        Assert.True(json.GetProperty("forced").GetBoolean());
        Assert.False(json.GetProperty("accelerated").GetBoolean());
        Assert.Equal(
            "AVX-512 (512-bit vectors), forced by SIMD_FORCE_PATH and not accelerated: its vector operations run in software, slowly",
            json.Text("pathDescription"));
        Assert.Contains("SIMD_FORCE_PATH=Avx512", json.Strings("runtimeKnobs"));
    }

    [Fact]
    public void The_text_report_says_the_path_is_forced()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0", ["SIMD_FORCE_PATH"] = "avx512" };
        CliResult run = OutOfProcess.Run(["info"], environment);
        Assert.True(run.ExitCode == 0, run.ToString());
        // The grid wraps its second column to the console width: compare with the white space collapsed.
        string text = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        Assert.Contains("AVX-512 (512-bit vectors), forced by SIMD_FORCE_PATH and not accelerated: its vector operations run in software", text);
    }

    [Fact]
    public void An_unknown_forced_path_is_one_line_naming_the_accepted_values()
    {
        var environment = new Dictionary<string, string> { ["SIMD_FORCE_PATH"] = "Avx1024" };
        CliResult run = OutOfProcess.Run(["info"], environment);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith(
            "simd: SIMD_FORCE_PATH='Avx1024' is not a path that can be forced. Accepted values: Avx512, Avx2, Vector128, Scalar",
            run.Error);
    }

    [Fact]
    public void Train_json_and_plot_run_out_of_process()
    {
        using var dir = new TempDirectory();
        string plot = Path.Combine(dir.Path, "curve.svg");
        CliResult run = OutOfProcess.Run("train", "--json", "--iterations", "30", "--plot", plot);
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal(31, json.Doubles("costHistory").Length);
        Assert.Equal("diabetes.csv (embedded)", json.Text("data"));
        Assert.Equal("svg", XDocument.Load(plot).Root!.Name.LocalName);
    }

    [Fact]
    public void Redirected_text_output_has_the_model_and_no_progress_bar()
    {
        CliResult run = OutOfProcess.Run("train", "--iterations", "30");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No --data given", run.Output);
        Assert.Contains("Trained model", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output); // no cursor movement or colour codes when redirected
    }

    [Fact]
    public void Bad_csv_exits_with_2_and_one_line_on_stderr()
    {
        using var dir = new TempDirectory();
        string file = dir.File("bad.csv", "a,y\n1,2\n3,oops\n");
        CliResult run = OutOfProcess.Run("train", "--data", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"simd: {file}:3:3: 'oops' in column 'y' is not a number", run.Error.Trim());
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Unknown_option_exits_with_1()
    {
        CliResult run = OutOfProcess.Run("train", "--speed", "11");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("simd: Unknown option 'speed'.", run.Error);
    }

    [Fact]
    public void Divergence_exits_with_3()
    {
        CliResult run = OutOfProcess.Run("train", "--alpha", "50");
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("simd: Gradient descent diverged", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Bench_json_runs_out_of_process()
    {
        CliResult run = OutOfProcess.Run("bench", "--json", "--repetitions", "1", "--warmup", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.Json().GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Help_runs_out_of_process()
    {
        CliResult run = OutOfProcess.Run("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EXAMPLES:", run.Output);
        Assert.Contains(new[] { "info", "train", "bench" }, c => run.Output.Contains(c, System.StringComparison.Ordinal));
    }
}
