using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Simd.Cuda;
using Simd.Cuda.Optimization;
using Simd.Optimization;

namespace Simd.GpuCheck;

/// <summary>
/// The device optimizer against the CPU optimizer with the same options: every optimizer kernel, float and double,
/// three steps, parameters and state bit for bit; then the state exported from the device and continued on the CPU,
/// and a CPU state imported on the device, without a bit changing.
/// </summary>
internal static class OptimizerChecks
{
    private const int Steps = 3;

    private static readonly (string Name, OptimizerOptions Options)[] Configurations =
    [
        ("sgd", new SgdOptions(0.05, weightDecay: 0.01)),
        ("sgd momentum", new SgdOptions(0.05, momentum: 0.9, dampening: 0.1)),
        ("sgd nesterov", new SgdOptions(0.05, momentum: 0.9, nesterov: true, weightDecay: 0.001)),
        ("adam", new AdamOptions(1e-2, weightDecay: 0.01)),
        ("adam amsgrad", new AdamOptions(1e-2, amsgrad: true)),
        ("adamw", new AdamWOptions(1e-2)),
        ("adamw amsgrad", new AdamWOptions(1e-2, amsgrad: true)),
        ("rmsprop", new RMSpropOptions(1e-2)),
        ("rmsprop centered", new RMSpropOptions(1e-2, centered: true)),
        ("rmsprop momentum", new RMSpropOptions(1e-2, momentum: 0.5, weightDecay: 0.01)),
        ("rmsprop centered momentum", new RMSpropOptions(1e-2, momentum: 0.5, centered: true)),
        ("adagrad", new AdagradOptions(1e-1, lrDecay: 0.01, initialAccumulatorValue: 0.1)),
    ];

    /// <summary>Runs every configuration.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section("Optimizers: DeviceOptimizer vs the CPU optimizer (same kernels, same uniforms)");
        foreach ((string name, OptimizerOptions options) in Configurations)
        {
            Compare<float>(device, report, name, options, 1_000_003);
            Compare<double>(device, report, name, options, 100_003);
        }

        Resume(device, report);
    }

    private static void Compare<T>(CudaDevice device, Report report, string name, OptimizerOptions options, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[] p, T[][] g) = Inputs<T>(length, Steps, seed: length + name.Length);
        Optimizer<T> cpu = options.Create<T>();
        using var optimizer = new DeviceOptimizer<T>(options, device);
        using var parameters = DeviceBuffer<T>.FromSpan(device, p);
        T[] expected = (T[])p.Clone();
        string problem = "";
        for (int step = 0; step < Steps && problem.Length == 0; step++)
        {
            cpu.Step(expected, g[step]);
            using var gradients = DeviceBuffer<T>.FromSpan(device, g[step]);
            optimizer.Step(parameters, gradients);
            problem = Differs(expected, parameters.ToArray(), $"step {step + 1} parameters");
        }

        OptimizerState<T> cpuState = cpu.ExportState(), deviceState = optimizer.ExportState();
        for (int k = 0; k < cpu.BufferCount && problem.Length == 0; k++)
        {
            problem = Differs(cpuState.GetBuffer(0, k), deviceState.GetBuffer(0, k), $"state buffer {k}");
        }

        report.Check(problem.Length == 0, $"optimizer {name} {typeof(T).Name} n={length}", problem.Length == 0 ? $"{Steps} steps, parameters and {cpu.BufferCount} state buffer(s) bit-identical" : problem);
    }

    private static void Resume(CudaDevice device, Report report)
    {
        var options = new AdamWOptions(1e-2, amsgrad: true);
        (float[] p, float[][] g) = Inputs<float>(250_000, 4, seed: 7);
        float[] cpuOnly = (float[])p.Clone();
        Optimizer<float> reference = options.Create<float>();
        foreach (float[] gradient in g)
        {
            reference.Step(cpuOnly, gradient);
        }

        // CPU, device, device, CPU.
        float[] mixed = (float[])p.Clone();
        Optimizer<float> first = options.Create<float>();
        first.Step(mixed, g[0]);
        using var optimizer = new DeviceOptimizer<float>(options, device);
        optimizer.ImportState(first.ExportState());
        using var parameters = DeviceBuffer<float>.FromSpan(device, mixed);
        foreach (float[] gradient in g[1..3])
        {
            using var dg = DeviceBuffer<float>.FromSpan(device, gradient);
            optimizer.Step(parameters, dg);
        }

        parameters.Download(mixed);
        Optimizer<float> last = options.Create<float>();
        last.ImportState(optimizer.ExportState());
        last.Step(mixed, g[3]);
        string problem = Differs(cpuOnly, mixed, "parameters after four steps");
        report.Check(problem.Length == 0, "optimizer state CPU → device → CPU (adamw amsgrad)", problem.Length == 0 ? "the run resumed bit-identically on both moves" : problem);
    }

    private static (T[] Parameters, T[][] Gradients) Inputs<T>(int length, int steps, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[] p = Enumerable.Range(0, length).Select(_ => T.CreateTruncating((random.NextDouble() * 4) - 2)).ToArray();
        T[][] g = Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, length).Select(_ => T.CreateTruncating((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 2)))).ToArray()).ToArray();
        return (p, g);
    }

    private static string Differs<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Count; i++)
        {
            bool same = T.IsNaN(expected[i]) ? T.IsNaN(actual[i]) : expected[i].Equals(actual[i]) && T.IsNegative(expected[i]) == T.IsNegative(actual[i]);
            if (!same)
            {
                return $"{what}, element {i}: CPU {expected[i]}, device {actual[i]}";
            }
        }

        return "";
    }
}
