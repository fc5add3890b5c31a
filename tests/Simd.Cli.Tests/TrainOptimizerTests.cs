using System;
using System.Text.Json;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary><c>simd train --optimizer</c>: the update rules, their options, their defaults and their errors.</summary>
public sealed class TrainOptimizerTests
{
    [Fact]
    public void Gd_stays_the_default_and_reports_its_learning_rate()
    {
        JsonElement json = InProcess.Run("train", "--json", "--iterations", "5").Json();
        Assert.Equal("gd", json.Text("optimizer"));
        JsonElement settings = json.GetProperty("optimizerSettings");
        Assert.Equal(0.1, settings.Number("learningRate"));
        Assert.Single(settings.EnumerateObject());
        Assert.Equal(0.1, json.Number("alpha"));
    }

    [Fact]
    public void Sgd_without_momentum_is_gd_bit_for_bit()
    {
        JsonElement gd = InProcess.Run("train", "--json", "--iterations", "40", "--alpha", "0.3").Json();
        JsonElement sgd = InProcess.Run("train", "--json", "--iterations", "40", "--alpha", "0.3", "--optimizer", "sgd").Json();
        Assert.Equal(gd.Doubles("scaledWeights"), sgd.Doubles("scaledWeights"));
        Assert.Equal(gd.Doubles("costHistory"), sgd.Doubles("costHistory"));
        Assert.Equal("sgd", sgd.Text("optimizer"));
    }

    [Fact]
    public void Adam_reports_torch_defaults_and_descends()
    {
        JsonElement json = InProcess.Run("train", "--json", "--iterations", "300", "--optimizer", "adam", "--alpha", "0.5").Json();
        Assert.Equal("adam", json.Text("optimizer"));
        JsonElement s = json.GetProperty("optimizerSettings");
        Assert.Equal(0.5, s.Number("learningRate"));
        Assert.Equal(0.9, s.Number("beta1"));
        Assert.Equal(0.999, s.Number("beta2"));
        Assert.Equal(1e-8, s.Number("epsilon"));
        Assert.Equal(0, s.Number("weightDecay"));
        Assert.False(s.GetProperty("amsgrad").GetBoolean());
        Assert.Equal(0.5, json.Number("alpha"));
        double[] history = json.Doubles("costHistory");
        Assert.True(history[^1] < history[0] / 4, $"cost {history[0]} → {history[^1]}");
    }

    [Theory]
    [InlineData("sgd", "learningRate", 0.001)]
    [InlineData("adamw", "weightDecay", 0.01)]
    [InlineData("rmsprop", "learningRate", 0.01)]
    [InlineData("rmsprop", "alpha", 0.99)]
    [InlineData("adagrad", "epsilon", 1e-10)]
    [InlineData("adagrad", "lrDecay", 0)]
    [InlineData("adagrad", "initialAccumulatorValue", 0)]
    [InlineData("sgd", "dampening", 0)]
    public void Omitted_options_take_torch_defaults(string optimizer, string field, double expected)
    {
        JsonElement json = InProcess.Run("train", "--json", "--iterations", "2", "--optimizer", optimizer).Json();
        Assert.Equal(expected, json.GetProperty("optimizerSettings").Number(field));
    }

    [Fact]
    public void Options_reach_the_optimizer()
    {
        JsonElement s = InProcess.Run(
            "train", "--json", "--iterations", "3", "--optimizer", "sgd", "--alpha", "0.05", "--momentum", "0.9", "--nesterov", "--weight-decay", "0.001").Json()
            .GetProperty("optimizerSettings");
        Assert.Equal((0.05, 0.9, 0.001, true), (s.Number("learningRate"), s.Number("momentum"), s.Number("weightDecay"), s.GetProperty("nesterov").GetBoolean()));
        s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "adamw", "--beta1", "0.8", "--beta2", "0.99", "--epsilon", "1e-6").Json()
            .GetProperty("optimizerSettings");
        Assert.Equal((0.8, 0.99, 1e-6, 0.01), (s.Number("beta1"), s.Number("beta2"), s.Number("epsilon"), s.Number("weightDecay")));
    }

    [Fact]
    public void The_remaining_torch_options_reach_the_optimizer_and_the_json()
    {
        JsonElement s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "sgd", "--momentum", "0.9", "--dampening", "0.25").Json()
            .GetProperty("optimizerSettings");
        Assert.Equal((0.9, 0.25), (s.Number("momentum"), s.Number("dampening")));
        s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "adam", "--amsgrad").Json().GetProperty("optimizerSettings");
        Assert.True(s.GetProperty("amsgrad").GetBoolean());
        s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "adamw", "--amsgrad").Json().GetProperty("optimizerSettings");
        Assert.True(s.GetProperty("amsgrad").GetBoolean());
        s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "rmsprop", "--rmsprop-alpha", "0.9", "--centered", "--alpha", "0.002").Json()
            .GetProperty("optimizerSettings");
        Assert.Equal((0.9, 0.002, true), (s.Number("alpha"), s.Number("learningRate"), s.GetProperty("centered").GetBoolean()));
        s = InProcess.Run("train", "--json", "--iterations", "3", "--optimizer", "adagrad", "--lr-decay", "0.01", "--initial-accumulator", "0.1").Json()
            .GetProperty("optimizerSettings");
        Assert.Equal((0.01, 0.1), (s.Number("lrDecay"), s.Number("initialAccumulatorValue")));

        // Left out, the booleans are torch's false.
        Assert.False(InProcess.Run("train", "--json", "--iterations", "2", "--optimizer", "adam").Json().GetProperty("optimizerSettings").GetProperty("amsgrad").GetBoolean());
        Assert.False(InProcess.Run("train", "--json", "--iterations", "2", "--optimizer", "rmsprop").Json().GetProperty("optimizerSettings").GetProperty("centered").GetBoolean());
    }

    [Fact]
    public void The_new_options_change_the_fit_as_the_library_does()
    {
        // Each option reaches the update: the fit changes.
        JsonElement plain = InProcess.Run("train", "--json", "--iterations", "20", "--optimizer", "adagrad").Json();
        JsonElement decayed = InProcess.Run("train", "--json", "--iterations", "20", "--optimizer", "adagrad", "--lr-decay", "0.5", "--initial-accumulator", "1").Json();
        Assert.NotEqual(plain.GetProperty("cost").GetDouble(), decayed.GetProperty("cost").GetDouble());
        JsonElement centered = InProcess.Run("train", "--json", "--iterations", "20", "--optimizer", "rmsprop", "--centered").Json();
        JsonElement uncentered = InProcess.Run("train", "--json", "--iterations", "20", "--optimizer", "rmsprop").Json();
        Assert.NotEqual(uncentered.GetProperty("cost").GetDouble(), centered.GetProperty("cost").GetDouble());
    }

    [Theory]
    [InlineData(new[] { "train", "--optimizer", "adam", "--dampening", "0.1" }, "simd: --dampening applies to --optimizer sgd, not adam")]
    [InlineData(new[] { "train", "--optimizer", "sgd", "--amsgrad" }, "simd: --amsgrad applies to --optimizer adam, adamw, not sgd")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--rmsprop-alpha", "0.9" }, "simd: --rmsprop-alpha applies to --optimizer rmsprop, not adam")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--centered" }, "simd: --centered applies to --optimizer rmsprop, not adam")]
    [InlineData(new[] { "train", "--optimizer", "rmsprop", "--lr-decay", "0.1" }, "simd: --lr-decay applies to --optimizer adagrad, not rmsprop")]
    [InlineData(new[] { "train", "--initial-accumulator", "0.1" }, "simd: --initial-accumulator applies to --optimizer adagrad, not gd")]
    [InlineData(new[] { "train", "--optimizer", "sgd", "--dampening", "nan" }, "simd: --dampening is invalid for --optimizer sgd: 'dampening' (the dampening τ) must be finite; it is NaN.")]
    [InlineData(new[] { "train", "--optimizer", "sgd", "--momentum", "0.9", "--nesterov", "--dampening", "0.1" }, "simd: --nesterov is invalid for --optimizer sgd: 'nesterov' Nesterov momentum requires a momentum > 0 and zero dampening; momentum is 0.9 and dampening 0.1.")]
    [InlineData(new[] { "train", "--optimizer", "rmsprop", "--rmsprop-alpha", "1.5" }, "simd: --rmsprop-alpha is invalid for --optimizer rmsprop: 'alpha' (the smoothing constant α) must be in [0, 1]; it is 1.5.")]
    [InlineData(new[] { "train", "--optimizer", "adagrad", "--lr-decay", "-1" }, "simd: --lr-decay is invalid for --optimizer adagrad: 'lrDecay' (the learning-rate decay η) must be finite and ≥ 0; it is -1.")]
    [InlineData(new[] { "train", "--optimizer", "adagrad", "--initial-accumulator", "-1" }, "simd: --initial-accumulator is invalid for --optimizer adagrad: 'initialAccumulatorValue' (the starting sum of squared gradients) must be finite and ≥ 0; it is -1.")]
    [InlineData(new[] { "train", "--optimizer", "rmsprop", "--rmsprop-alpha", "x" }, "simd: --rmsprop-alpha needs a number (like 0.1 or 1e-3), got 'x'")]
    [InlineData(new[] { "train", "--optimizer", "adagrad", "--lr-decay" }, "simd: --lr-decay needs a value")]
    public void Bad_values_of_the_remaining_torch_options_are_usage_errors(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData(new[] { "train", "--optimizer", "lbfgs" }, "simd: --optimizer must be one of gd, sgd, adam, adamw, rmsprop, adagrad, got 'lbfgs'")]
    [InlineData(new[] { "train", "--beta1", "0.8" }, "simd: --beta1 applies to --optimizer adam, adamw, not gd")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--momentum", "0.9" }, "simd: --momentum applies to --optimizer sgd, rmsprop, not adam")]
    [InlineData(new[] { "train", "--optimizer", "rmsprop", "--nesterov" }, "simd: --nesterov applies to --optimizer sgd, not rmsprop")]
    [InlineData(new[] { "train", "--optimizer", "sgd", "--epsilon", "1e-3" }, "simd: --epsilon applies to --optimizer adam, adamw, rmsprop, adagrad, not sgd")]
    [InlineData(new[] { "train", "--weight-decay", "0.1" }, "simd: --weight-decay applies to --optimizer sgd, adam, adamw, rmsprop, adagrad, not gd")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--beta1", "1" }, "simd: --beta1 is invalid for --optimizer adam: 'beta1' (the first-moment decay β₁) must be in [0, 1); it is 1.")]
    [InlineData(new[] { "train", "--optimizer", "adagrad", "--epsilon", "0" }, "simd: --epsilon is invalid for --optimizer adagrad: 'epsilon' (the denominator term ε) must be finite and > 0; it is 0.")]
    [InlineData(new[] { "train", "--optimizer", "adamw", "--weight-decay", "-1" }, "simd: --weight-decay is invalid for --optimizer adamw: 'weightDecay' (the weight decay λ) must be finite and ≥ 0; it is -1.")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--alpha", "-1" }, "simd: --alpha is invalid for --optimizer adam: 'learningRate' (the learning rate γ) must be finite and ≥ 0; it is -1.")]
    [InlineData(new[] { "train", "--optimizer", "sgd", "--nesterov" }, "simd: --nesterov is invalid for --optimizer sgd: 'nesterov' Nesterov momentum requires a momentum > 0 and zero dampening; momentum is 0 and dampening 0.")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--alpha", "0" }, "simd: --alpha must be a finite number > 0, got 0")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--solver", "normal" }, "simd: --optimizer adam is an update rule of gradient descent; use --solver gd")]
    [InlineData(new[] { "train", "--optimizer", "adam", "--device", "cuda" }, "simd: --optimizer adam runs on the CPU (its step updates several buffers, which have no device kernels); use --device cpu or --optimizer gd")]
    [InlineData(new[] { "train", "--beta2", "abc" }, "simd: --beta2 needs a number (like 0.1 or 1e-3), got 'abc'")]
    [InlineData(new[] { "train", "--momentum" }, "simd: --momentum needs a value")]
    public void Bad_optimizer_options_are_usage_errors(string[] args, string message)
    {
        CliResult run = InProcess.Run(args);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Every_optimizer_field_is_documented()
    {
        string documentation = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "cli.md"));
        foreach (string optimizer in new[] { "sgd", "adam", "adamw", "rmsprop", "adagrad" })
        {
            JsonElement json = InProcess.Run("train", "--json", "--iterations", "2", "--optimizer", optimizer).Json();
            foreach (JsonProperty p in json.GetProperty("optimizerSettings").EnumerateObject())
            {
                Assert.Contains($"`{p.Name}`", documentation, StringComparison.Ordinal);
            }
        }
    }
}
