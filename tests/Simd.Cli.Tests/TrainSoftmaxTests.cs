using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Simd.Cli.Data;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary><c>simd train --model softmax</c> on the iris and wine data (tests/Simd.Tests/Data, provenance in its README).</summary>
public sealed class TrainSoftmaxTests
{
    private static readonly string Iris = Path.Combine(AppContext.BaseDirectory, "ClassData", "iris.csv");

    private static readonly string Wine = Path.Combine(AppContext.BaseDirectory, "ClassData", "wine.csv");

    /// <summary>
    /// scikit-learn 1.2.1, <c>LogisticRegression(multi_class="multinomial", C=1, solver="newton-cg", tol=1e-8)</c> on
    /// <c>StandardScaler</c> iris features: the optimum of this J with λ = 1 (scikit-learn minimises m·J), its
    /// training accuracy and <c>confusion_matrix</c>.
    /// </summary>
    private const double IrisOptimum = 0.20919178840530978;

    private static readonly int[][] IrisConfusion = [[50, 0, 0], [0, 47, 3], [0, 1, 49]];

    private static int[][] Confusion(JsonElement json)
        => json.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();

    private static double[][] Rows(JsonElement json, string name)
        => json.GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetDouble()).ToArray()).ToArray();

    [Fact]
    public void Json_on_iris_reaches_the_scikit_learn_optimum_accuracy_and_confusion()
    {
        CliResult run = InProcess.Run("train", "--json", "--data", Iris, "--model", "softmax", "--lambda", "1", "--alpha", "0.5", "--iterations", "3000");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("softmax", json.Text("model"));
        Assert.Equal(3, json.GetProperty("classes").GetInt32());
        Assert.Equal("gd", json.Text("optimizer"));
        Assert.Equal(0.5, json.GetProperty("optimizerSettings").Number("learningRate"));
        Assert.Equal(3001, json.Doubles("costHistory").Length);
        // At W = 0, b = 0 every row costs log 3; the mean of 150 of them is within γ(150)·log 3 < 2e−14 of it.
        Assert.Equal(Math.Log(3), json.Doubles("costHistory")[0], 2e-14);

        // After 3000 updates the cost is within 1e−6 of the optimum (and, the optimum being the least, not below it
        // by more than rounding).
        double cost = json.Number("cost");
        Assert.InRange(cost, IrisOptimum - 1e-12, IrisOptimum + 1e-6);
        Assert.Equal(IrisConfusion, Confusion(json));
        Assert.Equal(146.0 / 150, json.Number("accuracy"));

        // The original-unit weights classify the raw rows as the confusion matrix says.
        DataSet data = DataSet.ReadFile(Iris, null);
        double[][] w = Rows(json, "weights");
        double[] b = json.Doubles("bias");
        Assert.Equal(4, w.Length);
        Assert.All(w, row => Assert.Equal(3, row.Length));
        Assert.Equal(4, Rows(json, "scaledWeights").Length);
        Assert.Equal(3, json.Doubles("scaledBias").Length);
        var counts = new int[3][];
        for (int k = 0; k < 3; k++)
        {
            counts[k] = new int[3];
        }

        for (int i = 0; i < data.Rows; i++)
        {
            double[] z = [.. b];
            for (int j = 0; j < 4; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    z[k] += w[j][k] * data.Features[(i * 4) + j];
                }
            }

            int predicted = Array.IndexOf(z, z.Max());
            counts[(int)data.Target[i]][predicted]++;
        }

        Assert.Equal(IrisConfusion, counts);
    }

    [Fact]
    public void Text_report_shows_the_class_weights_accuracy_and_confusion_matrix()
    {
        CliResult run = InProcess.Run("train", "--data", Iris, "--model", "softmax", "--lambda", "1", "--alpha", "0.5", "--iterations", "3000");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("softmax regression on", run.Output);
        Assert.Contains("150 rows, 4 features, target 'target' (3 classes)", run.Output);
        Assert.Contains("Trained model (original units)", run.Output);
        Assert.Contains("Trained model (zscore-scaled)", run.Output);
        Assert.Contains("class 2", run.Output);
        Assert.Contains("petal_width_cm", run.Output);
        Assert.Contains("Training accuracy  97.33 %", run.Output);
        Assert.Contains("Confusion matrix (rows: true class)", run.Output);
        Assert.Contains("predicted 2", run.Output);
        string trueOne = run.Output.Split('\n').Single(l => l.Contains("true 1", StringComparison.Ordinal));
        Assert.Equal(["47", "3"], trueOne.Split(['│', ' '], StringSplitOptions.RemoveEmptyEntries).Skip(2).Where(c => c != "0").ToArray());
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Wine_with_adam_in_float_classifies_every_row()
    {
        CliResult run = InProcess.Run("train", "--json", "--data", Wine, "--model", "softmax", "--optimizer", "adam", "--alpha", "0.05", "--iterations", "300", "--precision", "float");
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("adam", json.Text("optimizer"));
        Assert.Equal("float", json.Text("precision"));
        Assert.Equal(0.05, json.GetProperty("optimizerSettings").Number("learningRate"), 1e-9);

        // Standardised wine is linearly separable (scikit-learn's regularised fit classifies every row correctly).
        Assert.Equal(1.0, json.Number("accuracy"));
        Assert.Equal([[59, 0, 0], [0, 71, 0], [0, 0, 48]], Confusion(json));
        Assert.Equal(13, Rows(json, "weights").Length);
    }

    [Fact]
    public void Classes_are_the_largest_label_plus_one_even_when_one_is_missing()
    {
        using var dir = new TempDirectory();
        string file = dir.File("gap.csv", "x,y\n0,0\n1,0\n5,3\n6,3\n");
        JsonElement json = InProcess.Run("train", "--json", "--data", file, "--model", "softmax", "--iterations", "500", "--alpha", "1").Json();
        Assert.Equal(4, json.GetProperty("classes").GetInt32());
        Assert.Equal([[2, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]], Confusion(json));
        Assert.Equal(4, json.Doubles("bias").Length);
    }

    [Theory]
    [InlineData("x,y\n1,0\n2,1.5\n3,2\n", 3, 3, "target 'y' is 1.5 in data row 2; softmax regression needs class indices 0, 1, 2, … (whole numbers ≥ 0)")]
    [InlineData("x,y\n1,0\n2,1\n3,-1\n", 4, 3, "target 'y' is -1 in data row 3; softmax regression needs class indices 0, 1, 2, … (whole numbers ≥ 0)")]
    [InlineData("x,y\n1,0\n2,1\n3,7\n", 4, 3, "target 'y' is 7 in data row 3; softmax regression has K = the largest label + 1 classes, and 3 rows allow at most 3: number the classes 0, 1, …, K − 1")]
    public void Labels_that_are_not_class_indices_exit_with_2_naming_the_cell_and_row(string csv, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", csv);
        CliResult run = InProcess.Run("train", "--data", file, "--model", "softmax");
        Assert.True(run.ExitCode == ExitCodes.BadData, run.ToString());
        Assert.Contains($"simd: {file}:{line}:{column}: {message}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(string.Empty, run.Output.Trim());
    }

    [Fact]
    public void A_single_class_exits_with_2()
    {
        using var dir = new TempDirectory();
        string file = dir.File("d.csv", "x,y\n1,0\n2,0\n");
        CliResult run = InProcess.Run("train", "--data", file, "--model", "softmax");
        Assert.True(run.ExitCode == ExitCodes.BadData, run.ToString());
        Assert.Contains($"simd: {file}: every target 'y' is 0; softmax regression needs at least two classes (labels 0 and 1, …)", run.Error);
    }

    [Theory]
    [InlineData(new[] { "train", "--model", "softmax", "--solver", "normal" }, "simd: --solver normal solves linear regression only; use --solver gd with --model softmax")]
    [InlineData(new[] { "train", "--model", "softmax", "--device", "cuda" }, "simd: --model softmax runs on the CPU (the GPU trainer fits linear and logistic regression); use --device cpu")]
    public void Impossible_combinations_are_bad_usage(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        Assert.True(run.ExitCode == ExitCodes.BadUsage, run.ToString());
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void Divergence_exits_with_3()
    {
        CliResult run = InProcess.Run("train", "--data", Iris, "--model", "softmax", "--scale", "none", "--alpha", "100");
        Assert.Equal(ExitCodes.Diverged, run.ExitCode);
        Assert.Contains("simd: Gradient descent diverged at iteration", run.Error);
        Assert.Contains("try a smaller one, e.g. α = 10", run.Error);
    }

    [Fact]
    public void Tolerance_scaling_and_plot_work_with_softmax()
    {
        using var dir = new TempDirectory();
        string plot = Path.Combine(dir.Path, "curve.svg");
        CliResult run = InProcess.Run("train", "--json", "--data", Iris, "--model", "softmax", "--scale", "minmax", "--tolerance", "1e-4", "--iterations", "100000", "--alpha", "1", "--plot", plot);
        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("minmax", json.Text("scale"));
        int iterations = json.GetProperty("iterations").GetInt32();
        Assert.InRange(iterations, 1, 99999);
        double[] history = json.Doubles("costHistory");
        Assert.True(Math.Abs(history[^2] - history[^1]) <= 1e-4, "stopped by the tolerance");
        Assert.Contains("Learning curve: softmax regression on", File.ReadAllText(plot));
    }

    [Fact]
    public void Help_explains_the_labels()
    {
        CliResult run = InProcess.Run("train", "--help");
        string help = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        Assert.Contains("softmax (multinomial cross-entropy; targets must be class indices 0, 1, 2, ...; K = the largest + 1 classes)", help);
    }
}
