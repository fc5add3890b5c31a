using System;
using System.Linq;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>Kernels with a <c>ref</c> lane update it in place exactly as the scalar method would, element by element.</summary>
public sealed class RefLanePropertyTests
{
    [Fact]
    public void StepUpdatesInPlace() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] weights = c.SingleBuffer(0, out int wo);
        float[] gradients = c.SingleBuffer(1, out int go);
        float[] expected = (float[])weights.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            TestKernels.Step(ref expected[wo + i], gradients[go + i], 0.01f);
        }

        TestKernels.Step(weights.AsSpan(wo, c.Length), gradients.AsSpan(go, c.Length), 0.01f);

        for (int i = 0; i < weights.Length; i++)
        {
            Assert.True(Values.Same(expected[i], weights[i]), $"index {i} (lane starts at {wo}, length {c.Length})");
        }
    });

    [Fact]
    public void RefLaneWithTwoMoreLanesAndUniforms() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] velocity = c.SingleBuffer(0, out int vo);
        float[] gradient = c.SingleBuffer(1, out int go);
        float[] weight = c.SingleBuffer(2, out int wo);
        float[] expected = (float[])velocity.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            TestKernels.Momentum(ref expected[vo + i], gradient[go + i], weight[wo + i], 0.9f, 1e-4f);
        }

        TestKernels.Momentum(velocity.AsSpan(vo, c.Length), gradient.AsSpan(go, c.Length), weight.AsSpan(wo, c.Length), 0.9f, 1e-4f);
        Assert.True(expected.Zip(velocity).All(p => Values.Same(p.First, p.Second)));
    });

    [Fact]
    public void DoubleStep() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        double[] weights = c.DoubleBuffer(0, out int wo);
        double[] gradients = c.DoubleBuffer(1, out int go);
        double[] expected = (double[])weights.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            TestKernelsDouble.Step(ref expected[wo + i], gradients[go + i], 0.5);
        }

        TestKernelsDouble.Step(weights.AsSpan(wo, c.Length), gradients.AsSpan(go, c.Length), 0.5);
        Assert.True(expected.Zip(weights).All(p => Values.Same(p.First, p.Second)));
    });

    [Fact]
    public void MapIntoOneOfItsOwnLanesIsExactInPlace() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        float[] predictions = c.Singles(0);
        float[] targets = c.Singles(1);
        float[] expected = predictions.Zip(targets, TestKernels.SquaredError).ToArray();

        TestKernels.SquaredError(predictions, targets, predictions);

        Assert.True(expected.Zip(predictions).All(p => Values.Same(p.First, p.Second)));
    });
}
