using System;
using System.IO;
using System.Threading;
using Simd.Cli.Data;
using Simd.Cli.Training;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>Every way <c>simd train</c> refuses to run: the exit code and the exact message on standard error.</summary>
public sealed class TrainErrorTests
{
    private static void AssertFails(CliResult run, int exitCode, string message, bool silent = true)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error); // never a stack trace
        if (silent)
        {
            Assert.Equal(string.Empty, run.Output.Trim());
        }
    }

    [Theory]
    [InlineData(new[] { "train", "--model", "tree" }, "simd: --model must be one of linear, logistic, softmax, got 'tree'")]
    [InlineData(new[] { "train", "--scale", "log" }, "simd: --scale must be one of zscore, minmax, meannorm, none, got 'log'")]
    [InlineData(new[] { "train", "--solver", "sgd" }, "simd: --solver must be one of gd, normal, got 'sgd'")]
    [InlineData(new[] { "train", "--precision", "half" }, "simd: --precision must be one of float, double, got 'half'")]
    [InlineData(new[] { "train", "--device", "tpu" }, "simd: --device must be one of cpu, cuda, got 'tpu'")]
    [InlineData(new[] { "train", "--alpha", "0" }, "simd: --alpha must be a finite number > 0, got 0")]
    [InlineData(new[] { "train", "--alpha", "-1" }, "simd: --alpha must be a finite number > 0, got -1")]
    [InlineData(new[] { "train", "--alpha", "abc" }, "simd: --alpha needs a number (like 0.1 or 1e-3), got 'abc'")]
    [InlineData(new[] { "train", "--alpha=abc" }, "simd: --alpha needs a number (like 0.1 or 1e-3), got 'abc'")]
    [InlineData(new[] { "train", "--lambda", "1,5" }, "simd: --lambda needs a number (like 0.1 or 1e-3), got '1,5'")]
    [InlineData(new[] { "bench", "--warmup", "ten" }, "simd: --warmup needs a whole number, got 'ten'")]
    [InlineData(new[] { "train", "--iterations", "99999999999" }, "simd: --iterations needs a whole number up to 2147483647, got '99999999999'")]
    [InlineData(new[] { "train", "--iterations", "2147483647" }, "simd: --iterations must be at most 2147483590 (the cost history keeps one value per update), got 2147483647")]
    [InlineData(new[] { "train", "--data", "-" }, "simd: --data -: standard input is not read; give a file name or a value")]
    [InlineData(new[] { "train", "--data", "" }, "simd: --data is empty: give the name of a CSV file")]
    [InlineData(new[] { "train", "--plot", "" }, "simd: --plot is empty: give the name of an .svg file to write")]
    [InlineData(new[] { "train", "--iterations", "0" }, "simd: --iterations must be > 0, got 0")]
    [InlineData(new[] { "train", "--iterations", "1.5" }, "simd: --iterations needs a whole number, got '1.5'")]
    [InlineData(new[] { "train", "--tolerance", "-1" }, "simd: --tolerance must be a finite number >= 0, got -1")]
    [InlineData(new[] { "train", "--lambda", "-0.5" }, "simd: --lambda must be a finite number >= 0, got -0.5")]
    [InlineData(new[] { "train", "--solver", "normal", "--model", "logistic" }, "simd: --solver normal solves linear regression only; use --solver gd with --model logistic")]
    [InlineData(new[] { "train", "--solver", "normal", "--precision", "float" }, "simd: --solver normal solves in double (Householder QR); drop --precision float or use --solver gd")]
    [InlineData(new[] { "train", "--solver", "normal", "--lambda", "1" }, "simd: --lambda applies to gradient descent only (--solver normal fits unregularised least squares); use --solver gd")]
    [InlineData(new[] { "train", "--plot", "curve.png" }, "simd: --plot writes SVG: give a file name ending in .svg, got 'curve.png'")]
    [InlineData(new[] { "train", "--target", " " }, "simd: --target is empty: give the header name of the column to predict")]
    [InlineData(new[] { "train", "--device", "cuda", "--solver", "normal" }, "simd: --solver normal runs on the CPU; use --solver gd with --device cuda")]
    [InlineData(new[] { "train", "--device", "cuda", "--tolerance", "1" }, "simd: --tolerance needs --device cpu: on the GPU every one of --iterations updates runs")]
    [InlineData(new[] { "train", "--bogus" }, "simd: Unknown option 'bogus'.")]
    [InlineData(new[] { "train", "--alpha" }, "simd: --alpha needs a value")]
    [InlineData(new[] { "bench", "--repetitions" }, "simd: --repetitions needs a value")]
    [InlineData(new[] { "frobnicate" }, "simd: Unknown command 'frobnicate'.")]
    public void Bad_usage_exits_with_1(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        AssertFails(run, ExitCodes.BadUsage, message);
        Assert.Contains("Run 'simd --help' or 'simd COMMAND --help' for usage.", run.Error);
    }

    [Fact]
    public void With_json_an_error_is_also_a_json_object_on_standard_output()
    {
        CliResult run = InProcess.Run("train", "--data", "--json");
        AssertFails(run, ExitCodes.BadUsage, "simd: --data needs a value", silent: false);
        JsonElementAssert(run, ExitCodes.BadUsage, "--data needs a value");

        run = InProcess.Run("train", "--json", "--alpha", "0");
        AssertFails(run, ExitCodes.BadUsage, "simd: --alpha must be a finite number > 0, got 0", silent: false);
        JsonElementAssert(run, ExitCodes.BadUsage, "--alpha must be a finite number > 0, got 0");

        using var dir = new TempDirectory();
        string file = dir.File("bad.csv", "a,y\n1,x\n");
        run = InProcess.Run("train", "--json", "--data", file);
        AssertFails(run, ExitCodes.BadData, $"simd: {file}:2:3: 'x' in column 'y' is not a number", silent: false);
        JsonElementAssert(run, ExitCodes.BadData, $"{file}:2:3: 'x' in column 'y' is not a number");
    }

    private static void JsonElementAssert(CliResult run, int exitCode, string message)
    {
        System.Text.Json.JsonElement error = run.Json().GetProperty("error");
        Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public void Data_that_is_a_directory_is_bad_usage()
    {
        using var dir = new TempDirectory();
        AssertFails(InProcess.Run("train", "--data", dir.Path), ExitCodes.BadUsage, $"simd: --data '{dir.Path}' is a directory: give a CSV file");
    }

    [Fact]
    public void Plot_into_a_missing_directory_is_bad_usage_before_training()
    {
        using var dir = new TempDirectory();
        string plot = Path.Combine(dir.Path, "no", "such", "curve.svg");
        var trainer = new BrokenTrainer();
        CliResult run = InProcess.Run(["train", "--iterations", "5", "--plot", plot], InProcess.With(trainer: trainer));
        AssertFails(run, ExitCodes.BadUsage, $"simd: --plot: cannot write '{plot}': Could not find a part of the path");
        Assert.False(trainer.Called, "the plot must be checked before training");
    }

    [Fact]
    public void Plot_onto_the_data_file_is_refused_and_the_data_kept()
    {
        using var dir = new TempDirectory();
        string file = dir.File("data.svg", "a,y\n1,2\n2,4\n");
        string relative = Path.Combine(dir.Path, ".", "data.svg");
        CliResult run = InProcess.Run("train", "--data", file, "--plot", relative);
        AssertFails(run, ExitCodes.BadUsage, $"simd: --plot '{relative}' is the --data file: writing the curve would overwrite the data; give another file name");
        Assert.Equal("a,y\n1,2\n2,4\n", File.ReadAllText(file));
    }

    [Fact]
    public void A_writable_plot_checked_before_training_leaves_no_file_when_training_fails()
    {
        using var dir = new TempDirectory();
        string plot = Path.Combine(dir.Path, "curve.svg");
        CliResult run = InProcess.Run("train", "--alpha", "50", "--plot", plot);
        Assert.Equal(ExitCodes.Diverged, run.ExitCode);
        Assert.False(File.Exists(plot));
    }

    [Fact]
    public void Missing_file_is_bad_data()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "nope.csv");
        AssertFails(InProcess.Run("train", "--data", file), ExitCodes.BadData, $"simd: {file}:1:1: cannot read the file: Could not find file");
    }

    [Theory]
    [InlineData("", "1:1: the file is empty (expected a header row, then rows of numbers)")]
    [InlineData("a,y\n", "2:1: no data rows after the header")]
    [InlineData("a,y\n1,2\n3,x7\n", "3:3: 'x7' in column 'y' is not a number")]
    [InlineData("a,b,y\n1,2,3\n4,5\n", "3:4: row has 2 cells but the header has 3")]
    [InlineData("a,y\n1,2\n3,4,5\n", "3:5: row has 3 cells but the header has 2")]
    [InlineData("a,y\n1,\n", "2:3: empty cell in column 'y' (every cell must be a number)")]
    [InlineData("a,y\n1,\"2\n", "2:3: quoted cell is never closed")]
    [InlineData("a,y\n1,2\n\n3,4\n", "3:1: empty line between rows (only empty lines at the end of the file are allowed)")]
    [InlineData("a,y\n1,NaN\n", "2:3: 'NaN' in column 'y' is not a finite number")]
    [InlineData("y\n1\n", "1:1: only one column ('y'): need at least one feature column besides the target")]
    public void Bad_csv_exits_with_2_and_names_file_line_and_column(string csv, string where)
    {
        using var dir = new TempDirectory();
        string file = dir.File("bad.csv", csv);
        AssertFails(InProcess.Run("train", "--data", file), ExitCodes.BadData, $"simd: {file}:{where}");
    }

    [Fact]
    public void Missing_target_column_exits_with_2()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,b\n1,2\n");
        AssertFails(InProcess.Run("train", "--data", file, "--target", "price"), ExitCodes.BadData, $"simd: {file}:1:1: no column named 'price' for --target (columns: a, b)");
    }

    [Fact]
    public void Logistic_target_that_is_not_0_or_1_exits_with_2()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,y\n1,0\n2,1\n3,2\n");
        AssertFails(InProcess.Run("train", "--data", file, "--model", "logistic"), ExitCodes.BadData, $"simd: {file}:4:3: target 'y' is 2; logistic regression needs 0 or 1");
    }

    [Fact]
    public void Collinear_columns_under_the_normal_solver_exit_with_2_naming_the_column()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,twice_a,y\n1,2,1\n2,4,3\n3,6,2\n4,8,5\n");
        CliResult run = InProcess.Run("train", "--data", file, "--solver", "normal");
        // The data loaded fine, so the line announcing the run was printed before the solver refused.
        AssertFails(run, ExitCodes.BadData, $"simd: {file}: The least-squares system is singular", silent: false);
        Assert.Contains("column 'twice_a'", run.Error);
    }

    [Fact]
    public void Divergence_exits_with_3_and_suggests_a_smaller_rate()
    {
        CliResult run = InProcess.Run("train", "--alpha", "50");
        Assert.Equal(ExitCodes.Diverged, run.ExitCode);
        Assert.Contains("simd: Gradient descent diverged at iteration 1", run.Error);
        Assert.Contains("try a smaller one, e.g. α = 5", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Unscaled_diabetes_features_diverge_at_the_default_rate()
    {
        // λmax of XᵀX/m is at least the largest mean square of a column (s1: about 3.7·10⁴), far above 2/α = 20.
        Assert.Equal(ExitCodes.Diverged, InProcess.Run("train", "--scale", "none").ExitCode);
    }

    [Fact]
    public void Cancellation_exits_with_130()
    {
        CliResult run = InProcess.Run(["train"], InProcess.With(trainer: new CancelledTrainer()));
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("simd: cancelled", run.Error);
    }

    [Fact]
    public void Cancelling_the_token_stops_training_says_cancelled_once_and_exits_with_130()
    {
        using var cancellation = new CancellationTokenSource();
        var trainer = new CancellingTrainer(cancellation);
        CliResult run = InProcess.Run(["train", "--iterations", "100000000"], InProcess.With(trainer: trainer), cancellationToken: cancellation.Token);
        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal("simd: cancelled" + Environment.NewLine, run.Error);
        Assert.True(trainer.SawCancellation, "the trainer's token must fire");
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_without_a_stack_trace()
    {
        CliResult run = InProcess.Run(["train"], InProcess.With(trainer: new BrokenTrainer()));
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Equal("simd: internal error, please report it: System.InvalidOperationException: broken" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void Simd_verbose_adds_the_stack_trace_of_an_internal_error()
    {
        Environment.SetEnvironmentVariable(SimdApp.VerboseVariable, "1");
        try
        {
            CliResult run = InProcess.Run(["train"], InProcess.With(trainer: new BrokenTrainer()));
            Assert.Equal(ExitCodes.InternalError, run.ExitCode);
            Assert.StartsWith("simd: internal error, please report it: System.InvalidOperationException: broken", run.Error, StringComparison.Ordinal);
            Assert.Contains("   at ", run.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SimdApp.VerboseVariable, null);
        }
    }

    [Fact]
    public void Weights_beyond_float_range_are_written_as_json_numbers()
    {
        var trainer = new FixedTrainer(new TrainingResult([1e300], -1e300, [1.5], 0.25, [2.0, 1.0], 1));
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,y\n1,2\n2,4\n");
        CliResult run = InProcess.Run(["train", "--data", file, "--precision", "float", "--json", "--iterations", "1"], InProcess.With(trainer: trainer));
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        System.Text.Json.JsonElement json = run.Json();
        Assert.Equal(1e300, json.GetProperty("weights")[0].GetDouble());
        Assert.Equal(-1e300, json.GetProperty("bias").GetDouble());
        Assert.Equal("1.5", json.GetProperty("scaledWeights")[0].GetRawText());
    }

    [Fact]
    public void A_value_beyond_float_range_is_a_data_error_at_its_cell()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,b,y\n1,2,3\n4, 1e39,6\n");
        AssertFails(InProcess.Run("train", "--data", file, "--precision", "float"), ExitCodes.BadData,
            $"simd: {file}:3:3: 1E+39 in column 'b' is outside the range of float (±3.4e38); use --precision double", silent: false);
        file = dir.File("t.csv", "a,y\n1,3\n4,-1e39\n");
        AssertFails(InProcess.Run("train", "--data", file, "--precision", "float"), ExitCodes.BadData,
            $"simd: {file}:3:3: -1E+39 in column 'y' is outside the range of float (±3.4e38); use --precision double", silent: false);
    }

    [Fact]
    public void A_column_too_wide_to_scale_is_a_data_error_naming_it()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "a,wide,y\n1,1e308,3\n4,-1e308,6\n");
        CliResult run = InProcess.Run("train", "--data", file);
        AssertFails(run, ExitCodes.BadData, $"simd: {file}: column 'wide' spans [-1E+308, 1E+308], whose width overflows Double", silent: false);
    }

    private sealed class CancelledTrainer : ITrainer
    {
        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken) =>
            throw new OperationCanceledException();
    }

    private sealed class BrokenTrainer : ITrainer
    {
        public bool Called { get; private set; }

        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        {
            Called = true;
            throw new InvalidOperationException("broken");
        }
    }

    /// <summary>Plays Ctrl+C: cancels the source the command line was given, then trains until the token fires.</summary>
    private sealed class CancellingTrainer(CancellationTokenSource source) : ITrainer
    {
        public bool SawCancellation { get; private set; }

        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        {
            source.Cancel();
            SawCancellation = cancellationToken.IsCancellationRequested;
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("the token did not fire");
        }
    }

    private sealed class FixedTrainer(TrainingResult result) : ITrainer
    {
        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken) => result;
    }
}
