using System;
using System.Linq;
using Simd.Cuda.Optimization;
using Simd.Optimization;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// <see cref="DeviceOptimizer{T}"/> on a real GPU against <see cref="Optimizer{T}"/> on the CPU with the same
/// options: the same kernels with the same uniforms, compiled without FMA contraction and with IEEE division and
/// square root, so every step must give the CPU's bits; the state moves between the two without a bit changing.
/// </summary>
public sealed class DeviceOptimizerGpuTests : GpuTest
{
    /// <summary>Every kernel the optimizers have: each option that picks another kernel or another uniform.</summary>
    public static TheoryData<string> Configurations => [.. OptionsByName.Keys];

    private static readonly System.Collections.Generic.Dictionary<string, OptimizerOptions> OptionsByName = new()
    {
        ["sgd"] = new SgdOptions(0.05, weightDecay: 0.01),
        ["sgd-momentum"] = new SgdOptions(0.05, momentum: 0.9, dampening: 0.1),
        ["sgd-nesterov"] = new SgdOptions(0.05, momentum: 0.9, nesterov: true, weightDecay: 0.001),
        ["adam"] = new AdamOptions(1e-2, weightDecay: 0.01),
        ["adam-amsgrad"] = new AdamOptions(1e-2, amsgrad: true),
        ["adamw"] = new AdamWOptions(1e-2),
        ["adamw-amsgrad"] = new AdamWOptions(1e-2, amsgrad: true),
        ["rmsprop"] = new RMSpropOptions(1e-2),
        ["rmsprop-centered"] = new RMSpropOptions(1e-2, centered: true),
        ["rmsprop-momentum"] = new RMSpropOptions(1e-2, momentum: 0.5, weightDecay: 0.01),
        ["rmsprop-centered-momentum"] = new RMSpropOptions(1e-2, momentum: 0.5, centered: true),
        ["adagrad"] = new AdagradOptions(1e-1, lrDecay: 0.01, initialAccumulatorValue: 0.1),
    };

    [SkippableTheory]
    [MemberData(nameof(Configurations))]
    public void Device_steps_give_the_CPU_steps_bits_in_float(string configuration) => CompareSteps<float>(OptionsByName[configuration], 100_003);

    [SkippableTheory]
    [MemberData(nameof(Configurations))]
    public void Device_steps_give_the_CPU_steps_bits_in_double(string configuration) => CompareSteps<double>(OptionsByName[configuration], 4099);

    [SkippableFact]
    public void The_state_moves_between_the_CPU_and_the_device_and_the_run_continues_bit_identically()
    {
        CudaDevice device = Device;
        var options = new AdamOptions(1e-2, amsgrad: true);
        (float[] p, float[][] g) = Inputs<float>(3000, steps: 6, seed: 11);

        // The whole run on the CPU.
        float[] cpuOnly = (float[])p.Clone();
        Optimizer<float> reference = options.Create<float>();
        foreach (float[] gradient in g)
        {
            reference.Step(cpuOnly, gradient);
        }

        // Two steps on the CPU, two on the device, two on the CPU again.
        float[] mixed = (float[])p.Clone();
        Optimizer<float> cpu = options.Create<float>();
        cpu.Step(mixed, g[0]);
        cpu.Step(mixed, g[1]);
        using var optimizer = new DeviceOptimizer<float>(options, device);
        optimizer.ImportState(cpu.ExportState());
        Assert.Equal(2, optimizer.StepCount);
        using var parameters = DeviceBuffer<float>.FromSpan(device, mixed);
        foreach (float[] gradient in g[2..4])
        {
            using var dg = DeviceBuffer<float>.FromSpan(device, gradient);
            optimizer.Step(parameters, dg);
        }

        parameters.Download(mixed);
        Optimizer<float> resumed = options.Create<float>();
        OptimizerState<float> exported = optimizer.ExportState();
        Assert.Equal(4, exported.GetStepCount(0));
        resumed.ImportState(exported);
        resumed.Step(mixed, g[4]);
        resumed.Step(mixed, g[5]);

        AssertSameBits(cpuOnly, mixed, "after six steps");
        for (int k = 0; k < 3; k++)
        {
            AssertSameBits(reference.ExportState().GetBuffer(0, k), resumed.ExportState().GetBuffer(0, k), $"state buffer {k}");
        }
    }

    [SkippableFact]
    public void Bad_steps_fail_with_the_CPU_messages_and_change_nothing()
    {
        CudaDevice device = Device;
        using var optimizer = new DeviceOptimizer<float>(new AdamOptions(), device);
        using var p = DeviceBuffer<float>.FromSpan(device, [1f, 2f, 3f]);
        using var g = DeviceBuffer<float>.FromSpan(device, [0.5f, float.NaN, 1f]);
        using var four = DeviceBuffer<float>.Allocate(device, 4);

        Assert.Equal(
            "'gradients' holds NaN at index 1; the values must be finite (no NaN or ∞), so nothing was updated. (Parameter 'gradients')",
            Assert.Throws<ArgumentException>(() => optimizer.Step(p, g)).Message);
        Assert.Equal([1f, 2f, 3f], p.ToArray());
        Assert.Equal(0, optimizer.StepCount);
        Assert.Equal(
            "'gradients' has 4 elements but must have 3 (one per parameter). (Parameter 'gradients')",
            Assert.Throws<ArgumentException>(() => optimizer.Step(p, four)).Message);
        Assert.Equal(
            "'gradients' shares memory with 'parameters', which are written in place; pass a separate gradient buffer. (Parameter 'gradients')",
            Assert.Throws<ArgumentException>(() => optimizer.Step(p, p)).Message);

        g.Upload([0.5f, 0.25f, 1f]);
        optimizer.Step(p, g);
        using DeviceBuffer<float> two = four.Slice(0, 2), twoMore = four.Slice(2, 2);
        Assert.Equal(
            "'parameters' has 2 elements but the optimizer's state was made for 3; pass the same parameters every step, or call Reset. (Parameter 'parameters')",
            Assert.Throws<ArgumentException>(() => optimizer.Step(two, twoMore)).Message);

        Assert.Equal(
            "'snapshot' was exported by 'sgd' but this optimizer is 'adam'. (Parameter 'snapshot')",
            Assert.Throws<ArgumentException>(() => optimizer.ImportState(new Sgd<float>().ExportState())).Message);
        Assert.Equal(
            "'snapshot' has 3 buffers per group but these options need 2 (momentum, amsgrad or centered differ). (Parameter 'snapshot')",
            Assert.Throws<ArgumentException>(() => optimizer.ImportState(new Adam<float>(new AdamOptions(amsgrad: true)).ExportState())).Message);
        var twoGroups = new Adam<float>();
        twoGroups.Step([new ParameterGroup<float>(new float[2], new float[2]), new ParameterGroup<float>(new float[1], new float[1])]);
        Assert.Equal(
            "'snapshot' has 2 parameter groups but a device optimizer holds one; import each group's state into a device optimizer of its own. (Parameter 'snapshot')",
            Assert.Throws<ArgumentException>(() => optimizer.ImportState(twoGroups.ExportState())).Message);
        Assert.Equal(1, optimizer.StepCount);
    }

    private void CompareSteps<T>(OptimizerOptions options, int length)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        CudaDevice device = Device;
        (T[] p, T[][] g) = Inputs<T>(length, steps: 4, seed: length);
        Optimizer<T> cpu = options.Create<T>();
        using var optimizer = new DeviceOptimizer<T>(options, device);
        using var parameters = DeviceBuffer<T>.FromSpan(device, p);
        T[] expected = (T[])p.Clone();
        for (int step = 0; step < g.Length; step++)
        {
            cpu.Step(expected, g[step]);
            using var gradients = DeviceBuffer<T>.FromSpan(device, g[step]);
            optimizer.Step(parameters, gradients);
            AssertSameBits(expected, parameters.ToArray(), $"{options.Name} step {step + 1}");
        }

        OptimizerState<T> cpuState = cpu.ExportState(), deviceState = optimizer.ExportState();
        Assert.Equal(cpuState.GetStepCount(0), deviceState.GetStepCount(0));
        for (int k = 0; k < cpu.BufferCount; k++)
        {
            AssertSameBits(cpuState.GetBuffer(0, k), deviceState.GetBuffer(0, k), $"{options.Name} state buffer {k}");
        }
    }

    private static (T[] Parameters, T[][] Gradients) Inputs<T>(int length, int steps, int seed)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[] p = Enumerable.Range(0, length).Select(_ => T.CreateTruncating((random.NextDouble() * 4) - 2)).ToArray();
        T[][] g = Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, length).Select(_ => T.CreateTruncating((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 2)))).ToArray()).ToArray();
        return (p, g);
    }

    private static void AssertSameBits<T>(T[] expected, T[] actual, string what)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            bool same = T.IsNaN(expected[i]) ? T.IsNaN(actual[i]) : expected[i].Equals(actual[i]) && T.IsNegative(expected[i]) == T.IsNegative(actual[i]);
            Assert.True(same, $"{what}, element {i}: CPU {expected[i]}, device {actual[i]}");
        }
    }
}
