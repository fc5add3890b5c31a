using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Tests.Support;
using Simd.Learning;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>
/// <c>simd cluster</c> on the iris features against scikit-learn 1.2.1 (tests/Simd.Tests/Data/kmeans_iris_reference.json),
/// and its text and JSON output.
/// </summary>
public sealed class ClusterCommandTests : IDisposable
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "ClusterData");
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "kmeans_iris_reference.json"))).RootElement;
    private readonly TempDirectory _dir = new();

    public ClusterCommandTests()
    {
        // The four features: iris.csv without its target column.
        string[] lines = File.ReadAllLines(Path.Combine(Folder, "iris.csv"));
        IrisFeatures = _dir.File("iris_features.csv", string.Concat(lines.Select(l => l[..l.LastIndexOf(',')] + "\n")));
        Rows = lines.Skip(1).Select(l => l.Split(',').Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }

    private string IrisFeatures { get; }

    private double[][] Rows { get; }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void Json_from_initial_centroids_matches_scikit_learn(int index)
    {
        JsonElement c = Reference.GetProperty("cases")[index];
        double[][] init = c.GetProperty("init").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        string initFile = _dir.File("init.csv", "a,b,c,d\n" + string.Concat(init.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n")));
        CliResult run = InProcess.Run("cluster", "--data", IrisFeatures, "--k", init.Length.ToString(CultureInfo.InvariantCulture), "--init", initFile, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        JsonElement expected = c.GetProperty("float64");
        Assert.Equal(expected.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()), json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(expected.GetProperty("iterations").GetInt32(), json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.Equal(initFile, json.GetProperty("init").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("seed").ValueKind);
        Assert.Equal(init.Length, json.GetProperty("k").GetInt32());
        Assert.Equal(150, json.GetProperty("rows").GetInt32());
        Assert.Equal(["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"], json.GetProperty("features").EnumerateArray().Select(v => v.GetString()));

        // Means of at most 150 values of magnitude ≤ 7.9, in double on both sides: γ(151)·7.9 each.
        double u = Math.Pow(2, -53), tolerance = 2 * 151 * u / (1 - (151 * u)) * 7.9;
        double[][] expectedCentroids = expected.GetProperty("centroids").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        double[][] centroids = json.GetProperty("centroids").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(expectedCentroids.Length, centroids.Length);
        for (int q = 0; q < centroids.Length; q++)
        {
            for (int j = 0; j < 4; j++)
            {
                Assert.True(Math.Abs(expectedCentroids[q][j] - centroids[q][j]) <= tolerance, $"centroid {q}, feature {j}: {centroids[q][j]:R} vs {expectedCentroids[q][j]:R}");
            }
        }

        int[] labels = json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(0, init.Length).Select(q => labels.Count(l => l == q)), json.GetProperty("sizes").EnumerateArray().Select(v => v.GetInt32()));
        double inertia = expected.GetProperty("inertia").GetDouble();
        Assert.Equal(inertia, json.GetProperty("inertia").GetDouble(), 1e-12 * inertia);
    }

    [Fact]
    public void Text_shows_centroids_sizes_and_inertia()
    {
        string initFile = _dir.File("init.csv", "w,x,y,z\n5.1,3.5,1.4,0.2\n7.0,3.2,4.7,1.4\n6.3,3.3,6.0,2.5\n");
        CliResult run = InProcess.Run("cluster", "--data", IrisFeatures, "--k", "3", "--init", initFile);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"k-means on {IrisFeatures}: 150 rows, 4 features, k = 3; initial centroids from {initFile}, ", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ Cluster │ Size │ sepal_length_cm │ sepal_width_cm │ petal_length_cm │ petal_width_cm │", run.Output);
        // scikit-learn's result for this start (case 0 of the reference): 50 setosa, 62 and 38.
        Assert.Matches(@"│ 0 +│ +50 │ +5\.006 │ +3\.428 │ +1\.462 │ +0\.246 │", run.Output);
        Assert.Matches(@"│ 1 +│ +62 │ +5\.90161 │", run.Output);
        Assert.Matches(@"│ 2 +│ +38 │ +6\.85 │", run.Output);
        Assert.Matches(@"Inertia +78\.8514", run.Output);
        Assert.Matches(@"Iterations +4 \(converged\)", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void K_may_be_written_four_ways()
    {
        string[] outputs = new[] { new[] { "--k", "3" }, new[] { "--k=3" }, new[] { "-k", "3" }, new[] { "--clusters", "3" } }
            .Select(k => Strip(InProcess.Run(["cluster", "--data", IrisFeatures, .. k, "--json"]).Json()))
            .ToArray();
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Fact]
    public void Seeded_runs_are_the_library_result_for_that_seed()
    {
        JsonElement json = InProcess.Run("cluster", "--data", IrisFeatures, "--k", "4", "--seed", "7", "--json").Json();
        double[] x = Rows.SelectMany(r => r).ToArray();
        KMeansResult<double> expected = KMeans.Fit(new ReadOnlyMatrixView<double>(x, 150, 4), 4, new KMeansOptions { Seed = 7 });
        Assert.Equal(expected.Centroids.Memory.ToArray(), json.GetProperty("centroids").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())));
        Assert.Equal(expected.Labels, json.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(expected.Inertia, json.GetProperty("inertia").GetDouble());
        Assert.Equal(expected.Iterations, json.GetProperty("iterations").GetInt32());
        Assert.Equal(7, json.GetProperty("seed").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("init").ValueKind);
        JsonElement other = InProcess.Run("cluster", "--data", IrisFeatures, "--k", "4", "--seed", "8", "--json").Json();
        Assert.NotEqual(Strip(json), Strip(other));
        Assert.Contains("k-means++ seeding with seed 7", InProcess.Run("cluster", "--data", IrisFeatures, "--k", "4", "--seed", "7").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Iterations_limit_the_run_and_say_so()
    {
        string initFile = _dir.File("init.csv", "w,x,y,z\n5.1,3.5,1.4,0.2\n4.9,3.0,1.4,0.2\n4.7,3.2,1.3,0.2\n");
        JsonElement json = InProcess.Run("cluster", "--data", IrisFeatures, "--k", "3", "--init", initFile, "--iterations", "2", "--json").Json();
        Assert.Equal(2, json.GetProperty("iterations").GetInt32());
        Assert.False(json.GetProperty("converged").GetBoolean());
        Assert.Equal(2, json.GetProperty("maxIterations").GetInt32());
        Assert.Matches(@"Iterations +2 \(stopped at --iterations 2 before converging\)", InProcess.Run("cluster", "--data", IrisFeatures, "--k", "3", "--init", initFile, "--iterations", "2").Output);
    }

    /// <summary>The document without its timing.</summary>
    private static string Strip(JsonElement json) => string.Join(",", json.EnumerateObject().Where(p => p.Name != "seconds").Select(p => p.ToString()));
}
