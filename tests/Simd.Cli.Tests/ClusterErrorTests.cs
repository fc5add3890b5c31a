using System;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>Every way <c>simd cluster</c> refuses to run: the exit code and the message on standard error.</summary>
public sealed class ClusterErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void AssertFails(CliResult run, int exitCode, string message)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        if (run.Output.Trim().Length > 0)
        {
            System.Text.Json.JsonElement error = run.Json().GetProperty("error");
            Assert.Equal(exitCode, error.GetProperty("exitCode").GetInt32());
            Assert.Contains(message["simd: ".Length..], error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "cluster", "--k", "3" }, "simd: --data is required: a CSV file with a header row, every column a feature")]
    [InlineData(new[] { "cluster", "--data", "d.csv" }, "simd: --k is required: the number of clusters")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "0" }, "simd: --k must be >= 1, got 0")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "2", "--iterations", "0" }, "simd: --iterations must be >= 1, got 0")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "2", "--init", "c.csv", "--seed", "1" }, "simd: --seed applies to k-means++ seeding only: leave it out with --init")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "abc" }, "simd: --k needs a whole number, got 'abc'")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k=2.5" }, "simd: --k needs a whole number, got '2.5'")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k" }, "simd: --k needs a value")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "--json" }, "simd: --k needs a value")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "2", "--seed", "x" }, "simd: --seed needs a whole number, got 'x'")]
    [InlineData(new[] { "cluster", "--data", "d.csv", "--k", "2", "--target", "y" }, "simd: Unknown option 'target'.")]
    public void Bad_usage_exits_with_1(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        AssertFails(run, ExitCodes.BadUsage, message);
        Assert.Contains("Run 'simd --help' or 'simd COMMAND --help' for usage.", run.Error);
        AssertFails(InProcess.Run([.. args, "--json"]), ExitCodes.BadUsage, message);
    }

    [Fact]
    public void Fewer_rows_than_clusters_is_bad_data()
    {
        string data = _dir.File("d.csv", "a,b\n1,2\n3,4\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "3"), ExitCodes.BadData, $"simd: {data}: 2 rows, but --k is 3: k-means needs at least one row per cluster");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "3", "--json"), ExitCodes.BadData, $"simd: {data}: 2 rows, but --k is 3");
    }

    [Fact]
    public void Initial_centroids_need_the_data_columns_and_k_rows()
    {
        string data = _dir.File("d.csv", "a,b\n1,2\n3,4\n5,6\n");
        string wide = _dir.File("wide.csv", "p,q,r\n1,2,3\n4,5,6\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "2", "--init", wide), ExitCodes.BadData, $"simd: {wide}:1:1: 3 columns, but {data} has 2: give one column per feature of the data, in its order");
        string three = _dir.File("three.csv", "p,q\n1,2\n3,4\n5,6\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "2", "--init", three, "--json"), ExitCodes.BadData, $"simd: {three}: 3 centroid rows, but --k is 2: give one row per cluster after the header");
        string one = _dir.File("one.csv", "p,q\n1,2\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "2", "--init", one), ExitCodes.BadData, $"simd: {one}: 1 centroid rows, but --k is 2");
        string text = _dir.File("text.csv", "p,q\n1,x\n3,4\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "2", "--init", text), ExitCodes.BadData, $"simd: {text}:2:3: 'x' in column 'q' is not a number");
        string empty = _dir.File("empty.csv", "p,q\n");
        AssertFails(InProcess.Run("cluster", "--data", data, "--k", "2", "--init", empty), ExitCodes.BadData, $"simd: {empty}:2:1: no data rows after the header");
    }

    [Fact]
    public void Unreadable_or_malformed_data_is_bad_data()
    {
        string missing = System.IO.Path.Combine(_dir.Path, "missing.csv");
        AssertFails(InProcess.Run("cluster", "--data", missing, "--k", "2"), ExitCodes.BadData, $"simd: {missing}:1:1: cannot read the file:");
        string ragged = _dir.File("r.csv", "a,b\n1,2\n3\n");
        AssertFails(InProcess.Run("cluster", "--data", ragged, "--k", "1"), ExitCodes.BadData, $"simd: {ragged}:3:2: row has 1 cells but the header has 2");
        string infinite = _dir.File("i.csv", "a\n1\n1e400\n");
        AssertFails(InProcess.Run("cluster", "--data", infinite, "--k", "1", "--json"), ExitCodes.BadData, $"simd: {infinite}:3:1: '1e400' in column 'a' is not a finite number");
    }

    [Fact]
    public void One_column_is_enough_to_cluster()
    {
        string data = _dir.File("d.csv", "a\n1\n1.5\n10\n11\n");
        CliResult run = InProcess.Run("cluster", "--data", data, "--k", "2", "--seed", "3", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0.625, run.Json().GetProperty("inertia").GetDouble());
    }
}
