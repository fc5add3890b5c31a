using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Bench;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Quick_run_prints_a_table_of_the_three_comparisons()
    {
        CliResult run = InProcess.Run("bench", "--repetitions", "1", "--warmup", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Dot, n = 4096", run.Output);
        Assert.Contains("Axpy, n = 4096", run.Output);
        Assert.Contains("GD step, 20000×512", run.Output);
        Assert.Contains("GD step: Simd runs LinearRegression.CostAndGradient (the fused one-pass kernel, one thread)", run.Output);
        Assert.Contains("±", run.Output);
        Assert.Contains("Simd vs", run.Output);
        Assert.Contains("×", run.Output);
    }

    [Fact]
    public void Json_has_a_positive_time_per_implementation()
    {
        CliResult run = InProcess.Run("bench", "--json", "--repetitions", "1", "--warmup", "0");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal(1, json.GetProperty("repetitions").GetInt32());
        Assert.Equal(0, json.GetProperty("warmupMilliseconds").GetInt32());
        Assert.Equal(BuildConfiguration.IsOptimized, json.GetProperty("optimizedBuild").GetBoolean());
        JsonElement[] results = json.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["dot", "axpy", "gd-iteration"], results.Select(r => r.Text("operation")));
        Assert.Equal(["4096", "4096", "20000x512"], results.Select(r => r.Text("size")));
        Assert.Equal(["Blas.Dot", "Blas.Axpy", QuickBench.FusedStep], results.Select(r => r.Text("simdImplementation")));
        Assert.Equal(JsonValueKind.True == json.GetProperty("noisy").ValueKind, run.Error.Contains("the machine was noisy", System.StringComparison.Ordinal));
        _ = json.GetProperty("compilationSettled").GetBoolean();
        foreach (JsonElement r in results)
        {
            Assert.True(r.Number("scalarNanoseconds") > 0);
            Assert.True(r.Number("tensorPrimitivesNanoseconds") > 0);
            Assert.True(r.Number("simdNanoseconds") > 0);
            Assert.True(r.Number("scalarSpread") >= 0 && r.Number("tensorPrimitivesSpread") >= 0 && r.Number("simdSpread") >= 0);
        }
    }

    [Fact]
    public void The_gradient_step_is_the_same_whichever_kernels_run_it()
    {
        const int m = 64, n = 40;
        const float alpha = 0.1f;
        var random = new System.Random(7);
        float[] x = Enumerable.Range(0, m * n).Select(_ => random.NextSingle() - 0.5f).ToArray();
        float[] y = Enumerable.Range(0, m).Select(_ => random.NextSingle()).ToArray();
        float[] Step<TK>()
            where TK : IVectorKernels
        {
            float[] w = new float[n], g = new float[n];
            float b = 0;
            GradientStep.Run<TK>(x, y, w, ref b, g, alpha);
            return [.. w, b];
        }

        float[] scalar = Step<ScalarKernels>();
        foreach (float[] other in new[] { Step<TensorPrimitivesKernels>(), Step<SimdKernels>() })
        {
            // From w = 0, b = 0 every residual is exactly −yᵢ (a dot product with zeros is 0 in any order), so the
            // implementations differ only in how Axpy rounds the sum gⱼ = Σᵢ −yᵢxᵢⱼ (fused or separate multiply-add):
            // each is within γₘ·Σᵢ|yᵢxᵢⱼ| of the exact sum (γₘ ≈ m·ε, ε = 2⁻²⁴), so two differ by at most twice that,
            // scaled by α/m in the update, plus one rounding of each result.
            for (int j = 0; j < n; j++)
            {
                double sumAbs = Enumerable.Range(0, m).Sum(i => System.Math.Abs((double)y[i] * x[(i * n) + j]));
                double bound = (2 * m * System.Math.Pow(2, -24) * sumAbs * alpha / m) + (2 * System.Math.Pow(2, -24) * System.Math.Abs(scalar[j]));
                Assert.True(System.Math.Abs(scalar[j] - other[j]) <= bound, $"weight {j}: {scalar[j]} vs {other[j]} (bound {bound})");
            }

            // The bias sums the residuals in the shared driver loop, the same way for every implementation.
            Assert.Equal(scalar[n], other[n]);
        }
    }

    [Fact]
    public void Full_hands_over_to_the_benchmark_suite_with_the_arguments_after_the_separator()
    {
        using var tree = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(tree.Path, "bench", "Simd.Benchmarks"));
        tree.File(Path.Combine("bench", "Simd.Benchmarks", "Simd.Benchmarks.csproj"), "<Project />");
        var launcher = new RecordingLauncher(exitCode: 0);

        CliResult run = InProcess.Run(["bench", "--full", "--source", tree.Path, "--", "--filter", "*Dot*"], InProcess.With(launcher: launcher));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("dotnet", launcher.FileName);
        Assert.Equal(Path.GetFullPath(tree.Path), launcher.WorkingDirectory);
        Assert.Equal(
            ["run", "-c", "Release", "--project", Path.Combine(Path.GetFullPath(tree.Path), "bench", "Simd.Benchmarks"), "--", "--filter", "*Dot*"],
            launcher.Arguments);
        Assert.Contains("Running the BenchmarkDotNet suite", run.Output);
    }

    [Fact]
    public void Full_returns_the_suite_exit_code()
    {
        using var tree = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(tree.Path, "bench", "Simd.Benchmarks"));
        tree.File(Path.Combine("bench", "Simd.Benchmarks", "Simd.Benchmarks.csproj"), "<Project />");
        Assert.Equal(5, InProcess.Run(["bench", "--full", "--source", tree.Path], InProcess.With(launcher: new RecordingLauncher(5))).ExitCode);
    }

    [Fact]
    public void Full_finds_this_source_tree_from_the_program_directory()
    {
        // The tests run from tests/Simd.Cli.Tests/bin/…, inside the source tree, so the search upward finds it.
        var launcher = new RecordingLauncher(0);
        Assert.Equal(0, InProcess.Run(["bench", "--full"], InProcess.With(launcher: launcher)).ExitCode);
        Assert.True(File.Exists(Path.Combine(launcher.WorkingDirectory!, "bench", "Simd.Benchmarks", "Simd.Benchmarks.csproj")));
    }

    [Fact]
    public void Full_without_a_source_tree_says_how_to_run_the_suite()
    {
        using var empty = new TempDirectory();
        CliResult run = InProcess.Run(["bench", "--full", "--source", empty.Path], InProcess.With(launcher: new RecordingLauncher(0)));
        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains($"'{empty.Path}' does not hold {Path.Combine("bench", "Simd.Benchmarks", "Simd.Benchmarks.csproj")}", run.Error);
        Assert.Contains("run 'dotnet run -c Release --project bench/Simd.Benchmarks'", run.Error);
    }

    [Theory]
    [InlineData(new[] { "bench", "--repetitions", "0" }, "simd: --repetitions must be between 1 and 1000, got 0")]
    [InlineData(new[] { "bench", "--warmup", "-5" }, "simd: --warmup must be between 0 and 10000 ms, got -5")]
    [InlineData(new[] { "bench", "--", "--filter", "x" }, "simd: arguments after -- ('--filter x') go to BenchmarkDotNet and need --full")]
    [InlineData(new[] { "bench", "--source", "." }, "simd: --source only applies with --full")]
    public void Bad_usage_exits_with_1(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    private sealed class RecordingLauncher(int exitCode) : IProcessLauncher
    {
        public string? FileName { get; private set; }

        public IReadOnlyList<string>? Arguments { get; private set; }

        public string? WorkingDirectory { get; private set; }

        public int Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
        {
            (FileName, Arguments, WorkingDirectory) = (fileName, arguments, workingDirectory);
            return exitCode;
        }
    }

    [Fact]
    public void The_spread_is_the_interquartile_range_over_the_median()
    {
        Measurement five = Measurement.Of([4, 1, 100, 3, 2]);
        Assert.Equal(3, five.MedianNanoseconds);
        Assert.Equal(2.0 / 3, five.Spread, 12); // p25 = 2, p75 = 4: one outlier does not widen it
        Measurement three = Measurement.Of([2, 1, 4]);
        Assert.Equal(1.5, three.Spread, 12);    // fewer than 4 batches: (max − min) / median
        Assert.Equal(0, Measurement.Of([5]).Spread);
    }

    [Fact]
    public void Interleaved_timing_times_every_implementation()
    {
        int a = 0, b = 0;
        Measurement[] m = Timing.Interleaved([() => a++, () => b += 2], 4, System.TimeSpan.Zero, out _);
        Assert.Equal(2, m.Length);
        Assert.All(m, x => Assert.True(x.MedianNanoseconds > 0));
        Assert.True(a > 4 && b > 8);
    }
}
