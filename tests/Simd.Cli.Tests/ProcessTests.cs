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
