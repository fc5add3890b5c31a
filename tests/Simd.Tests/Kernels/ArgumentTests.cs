using System;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>Bad arguments fail before any work with an exception that names the parameter and says what is wrong.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void LanesOfDifferentLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => TestKernels.SquaredError(new float[5], new float[4], new float[5]));
        Assert.Equal("target", e.ParamName);
        Assert.StartsWith("Lane 'target' has 4 elements but lane 'prediction' has 5; every lane of a kernel must have the same length.", e.Message);

        e = Assert.Throws<ArgumentException>(() => TestKernels.SquaredErrorSum(new float[5], new float[6]));
        Assert.Equal("target", e.ParamName);

        e = Assert.Throws<ArgumentException>(() => TestKernels.Step(new float[3], new float[2], 0.1f));
        Assert.Equal("gradient", e.ParamName);
    }

    [Fact]
    public void DestinationTooShort()
    {
        var e = Assert.Throws<ArgumentException>(() => TestKernels.SquaredError(new float[5], new float[5], new float[4]));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("Destination 'destination' has 4 elements but the inputs have 5; it must be at least as long as the inputs.", e.Message);
    }

    [Fact]
    public void DestinationLongerThanInputsIsWrittenOnlyAtTheFront()
    {
        var destination = new float[] { 9, 9, 9, 9 };
        TestKernels.SquaredError([1f, 2f], [0f, 0f], destination);
        Assert.Equal([1f, 4f, 9f, 9f], destination);
    }

    [Fact]
    public void PartialOverlapIsRejected()
    {
        var buffer = new float[100];
        var e = Assert.Throws<ArgumentException>(() => TestKernels.SquaredError(buffer.AsSpan(0, 50), buffer.AsSpan(50, 50), buffer.AsSpan(1, 50)));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("'destination' overlaps input 'prediction' shifted by 1 elements; pass the same span to compute in place, or a separate buffer.", e.Message);

        e = Assert.Throws<ArgumentException>(() => TestKernels.Step(buffer.AsSpan(0, 40), buffer.AsSpan(4, 40), 0.1f));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains("overlaps input 'gradient'", e.Message);
    }

    [Fact]
    public void MinAndMaxOfNothingAreUndefined()
    {
        var e = Assert.Throws<ArgumentException>(() => TestKernels.SquaredErrorMin([], []));
        Assert.Equal("prediction", e.ParamName);
        Assert.StartsWith("SquaredErrorMin of an empty span is undefined: lane 'prediction' has no elements.", e.Message);

        e = Assert.Throws<ArgumentException>(() => TestKernelsDouble.HuberMax([], 1));
        Assert.StartsWith("HuberMax of an empty span is undefined", e.Message);
    }

    [Fact]
    public void SpecialValuesFollowMathMinAndMax()
    {
        (float A, float B)[] pairs = [(float.NaN, 1f), (1f, float.NaN), (-0f, 0f), (0f, -0f), (float.NegativeInfinity, float.NaN)];
        for (int n = 1; n <= 40; n++)
        {
            foreach ((float a, float b) in pairs)
            {
                for (int at = 0; at < n; at++)
                {
                    var x = new float[n];
                    var y = new float[n];
                    x[at] = a;
                    y[at] = b;
                    var max = new float[n];
                    var min = new float[n];
                    TestKernels.MaxOf(x, y, max);
                    TestKernels.MinOf(x, y, min);
                    Assert.True(Support.Values.Same(Math.Max(a, b), max[at]), $"Max({a}, {b}) at {at} of {n}: {max[at]}");
                    Assert.True(Support.Values.Same(Math.Min(a, b), min[at]), $"Min({a}, {b}) at {at} of {n}: {min[at]}");
                    Assert.True(Support.Values.Same(Math.Max(a, b) is var m && float.IsNaN(m) ? m : Math.Max(m, 0f), TestKernels.MaxOfMax(x, y)), $"MaxOfMax at {at} of {n}");
                }
            }
        }
    }
}
