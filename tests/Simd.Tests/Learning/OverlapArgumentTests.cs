using System;
using Simd.Learning;
using Simd.LowRank;
using Xunit;

namespace Simd.Tests.Learning;

/// <summary>
/// Every API that writes into a caller's buffer rejects a destination that shares elements with what it reads
/// (shifted views, the next row, the input itself where the operation cannot run in place), and still accepts
/// the same view (in place) where the operation allows it.
/// </summary>
public class OverlapArgumentTests
{
    [Fact]
    public void Softmax_rejects_a_destination_shifted_against_its_input_and_allows_in_place()
    {
        double[] buffer = [1, 2, 3, 4, 5];
        var e = Assert.Throws<ArgumentException>(() => Softmax.Compute<double>(buffer.AsSpan(0, 4), buffer.AsSpan(1, 4)));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("'destination' overlaps input 'z' shifted by 1 elements; pass the same span to compute in place, or a separate buffer.", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => Softmax.ComputeLog<double>(buffer.AsSpan(1, 4), buffer.AsSpan(0, 4)));
        Assert.StartsWith("'destination' overlaps input 'z' shifted by -1 elements;", e.Message, StringComparison.Ordinal);

        double[] expected = new double[4];
        Softmax.Compute<double>(buffer.AsSpan(0, 4), expected);
        Softmax.Compute<double>(buffer.AsSpan(0, 4), buffer.AsSpan(0, 4));
        Assert.Equal(expected, buffer[..4]);
    }

    [Fact]
    public void Softmax_rows_reject_a_destination_on_the_next_row()
    {
        float[] buffer = new float[12];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i;
        }

        var z = new ReadOnlyMatrixView<float>(buffer, 2, 4);
        var next = new MatrixView<float>(buffer.AsMemory(4), 2, 4);
        var e = Assert.Throws<ArgumentException>(() => Softmax.ComputeRows(z, next));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith(
            "'destination' (2×4) shares elements with input 'z' (2×4) but is not the same view, so writing it would overwrite inputs not yet read; pass the same view to compute in place, or a separate buffer.",
            e.Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Softmax.ComputeLogRows(z, next));

        // The same memory with another stride is not the same view either.
        var restrided = new MatrixView<float>(buffer, 2, 4, 5);
        Assert.Throws<ArgumentException>(() => Softmax.ComputeRows(z, restrided));

        // In place, and interleaved views sharing no element (the left and right halves), are fine.
        var separate = new float[8];
        Softmax.ComputeRows(z, new MatrixView<float>(separate, 2, 4));
        Softmax.ComputeRows(z, new MatrixView<float>(buffer, 2, 4));
        Assert.Equal(separate, buffer[..8]);
        var left = new ReadOnlyMatrixView<float>(buffer, 2, 2, 4);
        Softmax.ComputeRows(left, new MatrixView<float>(buffer.AsMemory(2), 2, 2, 4));
    }

    [Fact]
    public void Centroid_distances_reject_a_destination_that_is_an_input()
    {
        double[] x = [0, 0, 1, 1, 2, 2];
        double[] mu = [0, 0, 1, 1];
        var e = Assert.Throws<ArgumentException>(() => Centroids.SquaredDistances(new ReadOnlyMatrixView<double>(x, 3, 2), new ReadOnlyMatrixView<double>(mu, 2, 2), new MatrixView<double>(x, 3, 2)));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("'destination' (3×2) shares elements with 'x' (3×2); it is read while 'destination' is written, so the result would be wrong. Write into a separate buffer.", e.Message, StringComparison.Ordinal);
        double[] both = [0, 0, 1, 1, 2, 2, 9, 9];
        e = Assert.Throws<ArgumentException>(() => Centroids.SquaredDistances(new ReadOnlyMatrixView<double>(x, 3, 2), new ReadOnlyMatrixView<double>(both, 2, 2), new MatrixView<double>(both.AsMemory(2), 3, 2)));
        Assert.StartsWith("'destination' (3×2) shares elements with 'centroids' (2×2);", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_scaler_rejects_a_destination_one_row_down_and_allows_in_place()
    {
        double[] data = [1, 10, 2, 20, 3, 30, 4, 40, 0, 0];
        var x = new ReadOnlyMatrixView<double>(data, 4, 2);
        FeatureScaler<double> scaler = FeatureScaler.Fit(x, ScalingMethod.ZScore);
        var e = Assert.Throws<ArgumentException>(() => scaler.Transform(x, new MatrixView<double>(data.AsMemory(2), 4, 2)));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("'destination' (4×2) shares elements with input 'x' (4×2) but is not the same view", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => scaler.InverseTransform(x, new MatrixView<double>(data.AsMemory(2), 4, 2)));
        Assert.StartsWith("'destination' (4×2) shares elements with input 'z' (4×2) but is not the same view", e.Message, StringComparison.Ordinal);

        double[] expected = scaler.Transform(x);
        scaler.Transform(x, new MatrixView<double>(data, 4, 2));
        Assert.Equal(expected, data[..8]);
    }

    [Fact]
    public void Predictions_and_gradients_reject_a_destination_inside_an_input()
    {
        double[] data = [1, 2, 3, 4, 5, 6];
        var x = new ReadOnlyMatrixView<double>(data, 3, 2);
        var e = Assert.Throws<ArgumentException>(() => LinearRegression.Predict(x, new double[2], 0.0, data.AsSpan(3, 3)));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("'destination' (3 elements) shares elements with 'x' (3×2);", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LogisticRegression.PredictProbabilities(x, new double[2], 0.0, data.AsSpan(0, 3)));
        Assert.StartsWith("'destination' (3 elements) shares elements with 'x' (3×2);", e.Message, StringComparison.Ordinal);
        double[] wy = [0, 0, 0, 1, 0];
        e = Assert.Throws<ArgumentException>(() => LinearRegression.CostAndGradient(x, wy.AsSpan(0, 3), new double[2], 0.0, wy.AsSpan(2, 2), out _));
        Assert.Equal("weightGradient", e.ParamName);
        Assert.StartsWith("'weightGradient' (2 elements) shares elements with 'y' (3 elements);", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => LogisticRegression.CostAndGradient(x, wy.AsSpan(0, 3), wy.AsSpan(3, 2), 0.0, wy.AsSpan(3, 2), out _));
        Assert.StartsWith("'weightGradient' (2 elements) shares elements with 'weights' (2 elements);", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lora_gradients_reject_the_factors_each_other_and_the_inputs()
    {
        var adapter = new LoraAdapter(4, 3, 2, 4f, seed: 1);
        adapter.B.Memory.Span.Fill(0.5f);
        var inputs = new ReadOnlyMatrixView<float>(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var upstream = new ReadOnlyMatrixView<float>(new float[] { 1, -1, 2, 0, 0, 1, 1, 1 }, 2, 4);
        var gradientA = new MatrixView<float>(new float[6], 2, 3);
        var gradientB = new MatrixView<float>(new float[8], 4, 2);

        var e = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(inputs, upstream, gradientA, adapter.B));
        Assert.Equal("gradientB", e.ParamName);
        Assert.StartsWith("'gradientB' (4×2) shares elements with 'B' (4×2);", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(inputs, upstream, adapter.A, gradientB));
        Assert.Equal("gradientA", e.ParamName);
        Assert.StartsWith("'gradientA' (2×3) shares elements with 'A' (2×3);", e.Message, StringComparison.Ordinal);

        float[] shared = new float[14];
        e = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(inputs, upstream, new MatrixView<float>(shared.AsMemory(2), 2, 3), new MatrixView<float>(shared, 4, 2)));
        Assert.Equal("gradientA", e.ParamName);
        Assert.StartsWith("'gradientA' (2×3) shares elements with 'gradientB' (4×2);", e.Message, StringComparison.Ordinal);

        float[] xg = [1, 2, 3, 4, 5, 6, 0, 0];
        e = Assert.Throws<ArgumentException>(() => adapter.ComputeGradients(new ReadOnlyMatrixView<float>(xg, 2, 3), upstream, gradientA, new MatrixView<float>(xg, 4, 2)));
        Assert.StartsWith("'gradientB' (4×2) shares elements with 'inputs' (2×3);", e.Message, StringComparison.Ordinal);

        // Forward and merge read A and B too.
        var weights = new MatrixView<float>(new float[12], 4, 3);
        e = Assert.Throws<ArgumentException>(() => adapter.Forward(weights, inputs.Row(0), adapter.B.Memory.Span[..4]));
        Assert.StartsWith("'output' (4 elements) shares elements with 'B' (4×2);", e.Message, StringComparison.Ordinal);

        // Separate buffers still work, and give the same gradients as a second call into fresh buffers.
        adapter.ComputeGradients(inputs, upstream, gradientA, gradientB);
        var againA = new MatrixView<float>(new float[6], 2, 3);
        var againB = new MatrixView<float>(new float[8], 4, 2);
        adapter.ComputeGradients(inputs, upstream, againA, againB);
        Assert.Equal(gradientA.Memory.ToArray(), againA.Memory.ToArray());
        Assert.Equal(gradientB.Memory.ToArray(), againB.Memory.ToArray());
    }
}
