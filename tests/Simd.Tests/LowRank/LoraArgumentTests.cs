using System;
using Simd.LowRank;
using Xunit;

namespace Simd.Tests.LowRank;

/// <summary>Bad input to the adapter fails with messages that give the reason and name both shapes.</summary>
public class LoraArgumentTests
{
    [Fact]
    public void Rank_zero_is_rejected_with_the_reason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoraAdapter(10, 20, 0, 1));
        Assert.Equal("rank", e.ParamName);
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_above_min_d_k_is_rejected_with_the_reason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoraAdapter(10, 20, 11, 1));
        Assert.Equal("rank", e.ParamName);
        Assert.Contains("exceeds min(d, k) = min(10, 20) = 10", e.Message, StringComparison.Ordinal);
        Assert.Contains("rank at most 10", e.Message, StringComparison.Ordinal);
        _ = new LoraAdapter(10, 20, 10, 1); // r = min(d, k) is allowed
    }

    [Fact]
    public void Non_finite_alpha_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoraAdapter(10, 20, 2, float.NaN));
        Assert.Equal("alpha", e.ParamName);
    }

    [Fact]
    public void Weights_of_the_wrong_shape_name_both_shapes()
    {
        var adapter = new LoraAdapter(10, 20, 2, 4);
        var e = Assert.Throws<ArgumentException>(() => adapter.Merge(new MatrixView<float>(new float[200], 20, 10)));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("weights is 20×10", e.Message, StringComparison.Ordinal);
        Assert.Contains("10×20 layer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_lengths_are_checked()
    {
        var adapter = new LoraAdapter(10, 20, 2, 4);
        var w = new ReadOnlyMatrixView<float>(new float[200], 10, 20);
        var ex = Assert.Throws<ArgumentException>(() => adapter.Forward(w, new float[19], new float[10]));
        Assert.Equal("input", ex.ParamName);
        Assert.Contains("input has 19 elements", ex.Message, StringComparison.Ordinal);
        var ey = Assert.Throws<ArgumentException>(() => adapter.Forward(w, new float[20], new float[9]));
        Assert.Equal("output", ey.ParamName);
        Assert.Contains("produces d = 10", ey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_shapes_name_both_shapes()
    {
        var adapter = new LoraAdapter(10, 20, 2, 4);
        var w = new ReadOnlyMatrixView<float>(new float[200], 10, 20);
        var ei = Assert.Throws<ArgumentException>(() => adapter.Forward(w, new ReadOnlyMatrixView<float>(new float[30], 3, 10), new MatrixView<float>(new float[30], 3, 10)));
        Assert.Equal("inputs", ei.ParamName);
        Assert.Contains("inputs is 3×10", ei.Message, StringComparison.Ordinal);
        var eo = Assert.Throws<ArgumentException>(() => adapter.Forward(w, new ReadOnlyMatrixView<float>(new float[60], 3, 20), new MatrixView<float>(new float[40], 4, 10)));
        Assert.Equal("outputs", eo.ParamName);
        Assert.Contains("outputs is 4×10 but inputs is 3×20", eo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_overlapping_an_input_is_rejected()
    {
        var adapter = new LoraAdapter(4, 4, 1, 1);
        float[] v = new float[4];
        var e = Assert.Throws<ArgumentException>(() => adapter.Forward(new ReadOnlyMatrixView<float>(new float[16], 4, 4), v, v));
        Assert.Equal("output", e.ParamName);
    }

    [Fact]
    public void Gradient_shapes_are_checked()
    {
        var adapter = new LoraAdapter(10, 20, 2, 4);
        var x = new ReadOnlyMatrixView<float>(new float[60], 3, 20);
        var g = new ReadOnlyMatrixView<float>(new float[30], 3, 10);
        var ga = new MatrixView<float>(new float[40], 2, 20);
        var gb = new MatrixView<float>(new float[20], 10, 2);
        var eg = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(x, new ReadOnlyMatrixView<float>(new float[40], 4, 10), ga, gb));
        Assert.Contains("upstream is 4×10 but inputs is 3×20", eg.Message, StringComparison.Ordinal);
        var ea = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(x, g, new MatrixView<float>(new float[40], 20, 2), gb));
        Assert.Equal("gradientA", ea.ParamName);
        Assert.Contains("gradientA is 20×2 but A is 2×20", ea.Message, StringComparison.Ordinal);
        var eb = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(x, g, ga, new MatrixView<float>(new float[20], 2, 10)));
        Assert.Equal("gradientB", eb.ParamName);
    }

    [Fact]
    public void Trainer_rejects_bad_learning_rate_and_targets()
    {
        var adapter = new LoraAdapter(10, 20, 2, 4);
        var trainer = new LoraTrainer(adapter, new ReadOnlyMatrixView<float>(new float[200], 10, 20));
        var x = new ReadOnlyMatrixView<float>(new float[60], 3, 20);
        var el = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Step(x, new ReadOnlyMatrixView<float>(new float[30], 3, 10), 0f));
        Assert.Equal("learningRate", el.ParamName);
        var et = Assert.Throws<ArgumentException>(() => trainer.Step(x, new ReadOnlyMatrixView<float>(new float[30], 3, 9), 0.1f));
        Assert.Contains("targets is 3×9 but inputs is 3×20", et.Message, StringComparison.Ordinal);
        var ew = Assert.Throws<ArgumentException>(() => new LoraTrainer(adapter, new ReadOnlyMatrixView<float>(new float[200], 20, 10)));
        Assert.Contains("weights is 20×10", ew.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_too_large_for_an_array_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LoraAdapter(50000, 50000, 50000, 1));
        Assert.Equal("rank", e.ParamName);
        Assert.StartsWith("A is r×k = 50000×50000 (2500000000 values) and B is d×r = 50000×50000 (2500000000 values); each factor must fit in one array", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_targets_are_named_and_leave_the_adapter_unchanged()
    {
        var adapter = new LoraAdapter(4, 6, 2, 4, seed: 3);
        var trainer = new LoraTrainer(adapter, new ReadOnlyMatrixView<float>(new float[24], 4, 6));
        float[] before = adapter.A.Memory.ToArray();
        float[] targets = new float[8];
        targets[6] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => trainer.Step(new ReadOnlyMatrixView<float>(new float[12], 2, 6), new ReadOnlyMatrixView<float>(targets, 2, 4), 0.1f));
        Assert.Equal("targets", e.ParamName);
        Assert.StartsWith("'targets' holds NaN at row 1, column 2; the data must be finite (no NaN or ∞).", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, adapter.A.Memory.ToArray());
    }

    [Fact]
    public void A_huge_alpha_stops_with_an_error_before_the_parameters_turn_nan()
    {
        var adapter = new LoraAdapter(8, 8, 2, 1e6f, seed: 5);
        var random = new Random(1);
        float[] w = new float[64], x = new float[32], y = new float[32];
        for (int i = 0; i < 32; i++)
        {
            x[i] = (float)random.NextDouble();
            y[i] = (float)random.NextDouble() * 10;
        }

        var trainer = new LoraTrainer(adapter, new ReadOnlyMatrixView<float>(w, 8, 8));
        var inputs = new ReadOnlyMatrixView<float>(x, 4, 8);
        var targets = new ReadOnlyMatrixView<float>(y, 4, 8);
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            for (int step = 0; step < 100; step++)
            {
                trainer.Step(inputs, targets, 0.5f);
            }
        });
        Assert.Contains("use a smaller α", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(adapter.A.Memory.ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.All(adapter.B.Memory.ToArray(), v => Assert.True(float.IsFinite(v)));
    }
}
