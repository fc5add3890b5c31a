using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Xml.Linq;
using Simd.Cli.Data;
using Simd.Cli.Tests.Support;
using Simd.Cli.Training;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class TrainCommandTests
{
    private static readonly string[] DiabetesFeatures = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];

    [Fact]
    public void Without_data_it_trains_on_the_embedded_diabetes_data_and_says_so()
    {
        CliResult run = InProcess.Run("train");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No --data given: training on the embedded diabetes data", run.Output);
        Assert.Contains("442 rows, 10 features, target 'target'", run.Output);
        Assert.Contains("Trained model", run.Output);
        Assert.Contains("bmi", run.Output);
        Assert.Contains("before training", run.Output);
        Assert.Contains("Learning curve", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Json_holds_every_documented_field()
    {
        CliResult run = InProcess.Run("train", "--json", "--iterations", "50");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();

        Assert.Equal("linear", json.Text("model"));
        Assert.Equal("gd", json.Text("solver"));
        Assert.Equal("double", json.Text("precision"));
        Assert.Equal("zscore", json.Text("scale"));
        Assert.Equal("cpu", json.Text("device"));
        Assert.Equal(Simd.Hardware.SimdHardware.Path.ToString(), json.Text("simdPath"));
        Assert.Equal("diabetes.csv (embedded)", json.Text("data"));
        Assert.Equal(442, json.GetProperty("rows").GetInt32());
        Assert.Equal(DiabetesFeatures, json.Strings("features"));
        Assert.Equal("target", json.Text("target"));
        Assert.Equal(0.1, json.Number("alpha"));
        Assert.Equal(0, json.Number("lambda"));
        Assert.Equal(0, json.Number("tolerance"));
        Assert.Equal(50, json.GetProperty("maxIterations").GetInt32());
        Assert.Equal(10, json.Doubles("weights").Length);
        Assert.Equal(10, json.Doubles("scaledWeights").Length);
        Assert.True(double.IsFinite(json.Number("bias")));
        Assert.True(double.IsFinite(json.Number("scaledBias")));
        Assert.Equal(50, json.GetProperty("iterations").GetInt32());
        double[] history = json.Doubles("costHistory");
        Assert.Equal(51, history.Length);
        Assert.Equal(history[^1], json.Number("cost"));
        Assert.True(json.Number("seconds") >= 0);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("accuracy").ValueKind);

        // With w = 0 and b = 0 the cost is Σ y² / (2m); the data set's own numbers, summed here in double.
        DataSet data = Diabetes.Load();
        double start = data.Target.Sum(y => y * y) / (2.0 * data.Rows);
        Assert.Equal(start, history[0], start * 1e-12);

        // Gradient descent on a quadratic lowers the cost at every step when α < 2/λmax(H); with z-scored features
        // H = diag(R, 1), R the correlation matrix. Check that premise, then the monotone decrease.
        double lambdaMax = Math.Max(1, SymmetricEigenvalues.Of(Diabetes.CorrelationMatrix(data), data.FeatureCount)[^1]);
        Assert.True(0.1 < 2 / lambdaMax, $"λmax = {lambdaMax}");
        for (int k = 1; k < history.Length; k++)
        {
            Assert.True(history[k] < history[k - 1], $"cost rose at update {k}");
        }
    }

    [Theory]
    [InlineData("zscore")]
    [InlineData("minmax")]
    [InlineData("meannorm")]
    public void Original_unit_weights_predict_what_the_scaled_weights_predict(string scale)
    {
        JsonElement json = InProcess.Run("train", "--json", "--scale", scale, "--iterations", "200").Json();
        double[] w = json.Doubles("weights"), ws = json.Doubles("scaledWeights");
        double b = json.Number("bias"), bs = json.Number("scaledBias");

        DataSet data = Diabetes.Load();
        (double[] mean, double[] sigma) = Diabetes.Moments(data);
        int n = data.FeatureCount;
        var offset = new double[n];
        var divisor = new double[n];
        for (int j = 0; j < n; j++)
        {
            double min = Enumerable.Range(0, data.Rows).Min(r => data.Features[(r * n) + j]);
            double max = Enumerable.Range(0, data.Rows).Max(r => data.Features[(r * n) + j]);
            (offset[j], divisor[j]) = scale switch
            {
                "zscore" => (mean[j], sigma[j]),
                "minmax" => (min, max - min),
                _ => (mean[j], max - min),
            };
        }

        for (int i = 0; i < data.Rows; i++)
        {
            double original = b, scaled = bs, magnitude = Math.Abs(b);
            for (int j = 0; j < n; j++)
            {
                double x = data.Features[(i * n) + j];
                original += w[j] * x;
                scaled += ws[j] * ((x - offset[j]) / divisor[j]);
                magnitude += Math.Abs(w[j] * x);
            }

            // Both sides are ~12 double operations on the same numbers: rounding moves them apart by a few ε times
            // the sum of the magnitudes of the terms. 1e-9 of that leaves a wide margin, while a wrong conversion
            // formula would be off by O(1) of it.
            Assert.True(Math.Abs(original - scaled) <= 1e-9 * magnitude, $"row {i}: {original} vs {scaled}");
        }
    }

    [Fact]
    public void Normal_solver_reports_one_update_from_zero_to_the_solution()
    {
        JsonElement json = InProcess.Run("train", "--json", "--solver", "normal").Json();
        Assert.Equal("normal", json.Text("solver"));
        Assert.Equal(1, json.GetProperty("iterations").GetInt32());
        double[] history = json.Doubles("costHistory");
        Assert.Equal(2, history.Length);
        Assert.True(history[1] < history[0]);
        Assert.Equal(history[1], json.Number("cost"));
    }

    [Fact]
    public void Normal_solver_weights_in_original_units_do_not_depend_on_the_scaling()
    {
        // Least squares is invariant under per-column affine scaling; only rounding differs. The library's QR
        // normalises columns, so its forward error is about cond([1|X])·ε ≲ 1e4 · 1.1e-16 relative: 1e-8 is safe.
        double[] reference = InProcess.Run("train", "--json", "--solver", "normal", "--scale", "none").Json().Doubles("weights");
        double norm = Math.Sqrt(reference.Sum(v => v * v));
        foreach (string scale in new[] { "zscore", "minmax", "meannorm" })
        {
            double[] weights = InProcess.Run("train", "--json", "--solver", "normal", "--scale", scale).Json().Doubles("weights");
            for (int j = 0; j < weights.Length; j++)
            {
                Assert.True(Math.Abs(weights[j] - reference[j]) <= 1e-8 * norm, $"{scale}, weight {j}: {weights[j]} vs {reference[j]}");
            }
        }
    }

    [Fact]
    public void Tolerance_stops_at_the_first_update_that_changes_the_cost_by_at_most_it()
    {
        JsonElement json = InProcess.Run("train", "--json", "--tolerance", "0.5", "--iterations", "100000").Json();
        double[] history = json.Doubles("costHistory");
        int iterations = json.GetProperty("iterations").GetInt32();
        Assert.True(iterations < 100000);
        Assert.Equal(iterations + 1, history.Length);
        Assert.True(Math.Abs(history[^2] - history[^1]) <= 0.5);
        for (int k = 1; k < history.Length - 1; k++)
        {
            Assert.True(Math.Abs(history[k - 1] - history[k]) > 0.5, $"should have stopped after update {k}");
        }
    }

    [Fact]
    public void Lambda_shrinks_the_weights()
    {
        static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
        double plain = Norm(InProcess.Run("train", "--json", "--iterations", "300").Json().Doubles("scaledWeights"));
        double ridge = Norm(InProcess.Run("train", "--json", "--iterations", "300", "--lambda", "500").Json().Doubles("scaledWeights"));
        Assert.True(ridge < plain, $"{ridge} should be below {plain}");
    }

    [Fact]
    public void Float_precision_writes_float_values()
    {
        JsonElement json = InProcess.Run("train", "--json", "--precision", "float", "--iterations", "100").Json();
        Assert.Equal("float", json.Text("precision"));

        // Every scaled weight went through float and is written with float's shortest round-trip digits (at most 9
        // significant digits), not as a widened double (which would need up to 17).
        foreach (JsonElement v in json.GetProperty("scaledWeights").EnumerateArray().Append(json.GetProperty("scaledBias")))
        {
            string raw = v.GetRawText();
            Assert.Equal(raw, float.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
        }

        Assert.Equal(101, json.Doubles("costHistory").Length);
    }

    [Fact]
    public void Logistic_regression_reports_the_accuracy_of_its_weights()
    {
        using var dir = new TempDirectory();
        var csv = new StringBuilder("hours,score,passed\n");
        for (int i = 0; i < 60; i++)
        {
            double hours = i % 20, score = (i * 7) % 11;
            int passed = (hours + score > 16) ^ (i % 9 == 0) ? 1 : 0; // separable except every ninth row
            csv.Append(CultureInfo.InvariantCulture, $"{hours},{score},{passed}\n");
        }

        string file = dir.File("exam.csv", csv.ToString());
        CliResult run = InProcess.Run("train", "--json", "--data", file, "--model", "logistic", "--iterations", "2000", "--alpha", "0.5");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("logistic", json.Text("model"));

        DataSet data = DataSet.Read(new StringReader(csv.ToString()), "exam.csv", null);
        double[] w = json.Doubles("weights");
        double b = json.Number("bias");
        int correct = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            double z = b + (w[0] * data.Features[2 * i]) + (w[1] * data.Features[(2 * i) + 1]);
            correct += (z >= 0 ? 1 : 0) == (int)data.Target[i] ? 1 : 0;
        }

        Assert.Equal((double)correct / data.Rows, json.Number("accuracy"));
        Assert.True(json.Number("accuracy") > 0.8, "the model should learn the separable part");

        CliResult text = InProcess.Run("train", "--data", file, "--model", "logistic", "--iterations", "200");
        Assert.Contains("Training accuracy", text.Output);
    }

    [Fact]
    public void Target_option_picks_a_named_column()
    {
        using var dir = new TempDirectory();
        string file = dir.File("houses.csv", "price,size,rooms\r\n300,2.1,3\r\n410,3.0,4\r\n200,1.4,2\r\n330,2.5,3\r\n250,1.7,3\r\n\r\n");
        JsonElement json = InProcess.Run("train", "--json", "--data", file, "--target", "price", "--solver", "normal").Json();
        Assert.Equal("price", json.Text("target"));
        Assert.Equal(["size", "rooms"], json.Strings("features"));
        Assert.Equal(5, json.GetProperty("rows").GetInt32());
        Assert.Equal(file, json.Text("data"));
    }

    [Fact]
    public void Plot_writes_a_well_formed_svg_learning_curve()
    {
        using var dir = new TempDirectory();
        string plot = Path.Combine(dir.Path, "curve.svg");
        CliResult run = InProcess.Run("train", "--iterations", "120", "--plot", plot);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Learning curve written to", run.Output);

        XDocument svg = XDocument.Load(plot);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Contains("Learning curve", svg.Root.Element(ns + "title")!.Value);
        string[] texts = svg.Descendants(ns + "text").Select(t => t.Value).ToArray();
        Assert.Contains("iteration (updates applied)", texts);
        Assert.Contains(texts, t => t.StartsWith("cost", StringComparison.Ordinal));
        string points = svg.Descendants(ns + "polyline").Single().Attribute("points")!.Value;
        Assert.Equal(121, points.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Progress_is_reported_only_to_a_person_watching()
    {
        var recorder = new RecordingTrainer();
        CliServices services = InProcess.With(trainer: recorder);

        Assert.Equal(0, InProcess.Run(["train", "--iterations", "40"], services, interactive: true).ExitCode);
        Assert.True(recorder.HadCallback);
        Assert.Equal(41, recorder.Updates); // the starting cost, then one report per update

        Assert.Equal(0, InProcess.Run(["train", "--iterations", "40"], services, interactive: false).ExitCode);
        Assert.False(recorder.HadCallback);

        Assert.Equal(0, InProcess.Run(["train", "--iterations", "40", "--json"], services, interactive: true).ExitCode);
        Assert.False(recorder.HadCallback);
    }

    [Fact]
    public void Interactive_run_prints_the_same_model()
    {
        CliResult run = InProcess.Run(["train", "--iterations", "40"], services: null, interactive: true);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Trained model", run.Output);
    }

    /// <summary>Wraps the real trainer and records how it was asked to report progress.</summary>
    private sealed class RecordingTrainer : ITrainer
    {
        private readonly LearningTrainer inner = new();

        public bool HadCallback { get; private set; }

        public int Updates { get; private set; }

        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        {
            HadCallback = onUpdate is not null;
            Updates = 0;
            return inner.Train(
                data,
                options,
                onUpdate is null ? null : (i, c) => { Updates++; onUpdate(i, c); },
                cancellationToken);
        }
    }
}
