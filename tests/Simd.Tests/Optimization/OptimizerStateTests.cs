using System;
using System.Numerics;
using Simd.Optimization;
using Xunit;

namespace Simd.Tests.Optimization;

/// <summary>Saving and restoring state resumes bit-identically; parameter groups keep separate state.</summary>
public sealed class OptimizerStateTests
{
    public static TheoryDataNames Names => OptimizerCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Save_and_restore_resumes_bit_identically(string name)
    {
        Resume<float>(name);
        Resume<double>(name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Groups_step_as_separate_optimizers(string name)
    {
        OptimizerOptions options = OptimizerCases.All[name].Options;
        var random = new Random(7);
        float[] a = Floats(OptimizerCases.Parameters(random, 19)), b = Floats(OptimizerCases.Parameters(random, 5));
        float[] a2 = (float[])a.Clone(), b2 = (float[])b.Clone();
        Optimizer<float> together = options.Create<float>(), first = options.Create<float>(), second = options.Create<float>();
        for (int t = 0; t < 12; t++)
        {
            float[] ga = Floats(OptimizerCases.Gradients(random, 19)), gb = Floats(OptimizerCases.Gradients(random, 5));
            together.Step([new ParameterGroup<float>(a, ga), new ParameterGroup<float>(b, gb)]);
            first.Step(a2, ga);
            second.Step(b2, gb);
        }

        Assert.Equal(a2, a);
        Assert.Equal(b2, b);
        Assert.Equal(2, together.GroupCount);
        Assert.Equal(12, together.GetStepCount(1));
    }

    private static void Resume<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerOptions options = OptimizerCases.All[name].Options;
        var random = new Random(3);
        const int n = 37;
        T[] p = Convert<T>(OptimizerCases.Parameters(random, n));
        var gradients = new T[20][];
        for (int t = 0; t < gradients.Length; t++)
        {
            gradients[t] = Convert<T>(OptimizerCases.Gradients(random, n));
        }

        Optimizer<T> straight = options.Create<T>();
        for (int t = 0; t < 10; t++)
        {
            straight.Step(p, gradients[t]);
        }

        OptimizerState<T> saved = straight.ExportState();
        T[] savedParameters = (T[])p.Clone();
        for (int t = 10; t < 20; t++)
        {
            straight.Step(p, gradients[t]);
        }

        // The snapshot did not move with the optimizer.
        Assert.Equal(10, saved.GetStepCount(0));

        Optimizer<T> resumed = options.Create<T>();
        resumed.ImportState(saved);
        for (int t = 10; t < 20; t++)
        {
            resumed.Step(savedParameters, gradients[t]);
        }

        Assert.Equal(p, savedParameters);
        OptimizerState<T> x = straight.ExportState(), y = resumed.ExportState();
        Assert.Equal(x.GetStepCount(0), y.GetStepCount(0));
        for (int k = 0; k < x.BufferCount; k++)
        {
            Assert.Equal(x.GetBuffer(0, k), y.GetBuffer(0, k));
        }
    }

    private static T[] Convert<T>(double[] values)
        where T : IFloatingPointIeee754<T> => Array.ConvertAll(values, T.CreateChecked);

    private static float[] Floats(double[] values) => Array.ConvertAll(values, v => (float)v);
}
