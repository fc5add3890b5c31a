using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Simd.Optimization;
using TorchSharp;

namespace Simd.Benchmarks;

/// <summary>
/// One step of each optimizer on 1M and 16M floats: Simd.Optimization (the finiteness check of gradients and
/// parameters, then one generated kernel over parameters, gradients and state) against the scalar loop a user would
/// write, a composition of <c>TensorPrimitives</c> calls with temporaries (one pass per operation), TorchSharp's
/// <c>torch.optim</c> on the CPU (LibTorch), and the memory-traffic floor: a loop that reads and writes exactly the
/// streams the step must (the gradient and each updated stream read once, each updated stream written once) and
/// computes nothing else, so no step can be faster on this machine.
/// </summary>
[MemoryDiagnoser(false)]
public class OptimizerBenchmarks
{
    private const float Lr = 1e-3f, Beta1 = 0.9f, Beta2 = 0.999f, Eps = 1e-8f, Alpha = 0.99f, Mu = 0.9f, Wd = 0.01f;

    private float[] p = null!, g = null!, s1 = null!, s2 = null!, t1 = null!, t2 = null!;
    private Optimizer<float> optimizer = null!;
    private Optimizer<float> uncheckedOptimizer = null!;
    private long step;
    private torch.Tensor? torchParameters;
    private torch.optim.Optimizer? torchOptimizer;

    /// <summary>Number of parameters: 1M and 16M, or the list in <c>SIMD_BENCH_SIZES</c> (comma-separated) to run fewer.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>sgd (momentum 0.9), adam, adamw, rmsprop or adagrad; or the list in <c>SIMD_BENCH_OPTIMIZERS</c> to run fewer.</summary>
    [ParamsSource(nameof(Optimizers))]
    public string Optimizer { get; set; } = "adam";

    /// <summary>The sizes measured.</summary>
    public static IEnumerable<int> Sizes => Subset("SIMD_BENCH_SIZES", ["1048576", "16777216"]).Select(int.Parse);

    /// <summary>The optimizers measured.</summary>
    public static IEnumerable<string> Optimizers => Subset("SIMD_BENCH_OPTIMIZERS", ["sgd", "adam", "adamw", "rmsprop", "adagrad"]);

    private static string[] Subset(string variable, string[] all)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : all;

    /// <summary>Allocates parameters, gradients, state and the temporaries of the composition.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        p = new float[N];
        g = new float[N];
        for (int i = 0; i < N; i++)
        {
            p[i] = (float)random.NextDouble();
            g[i] = (float)(random.NextDouble() - 0.5);
        }

        (s1, s2, t1, t2) = (new float[N], new float[N], new float[N], new float[N]);
        optimizer = Create();
        uncheckedOptimizer = Create();
        uncheckedOptimizer.CheckFinite = false;
    }

    private Optimizer<float> Create() => Optimizer switch
    {
        "sgd" => new Sgd<float>(new SgdOptions(Lr, momentum: Mu)),
        "adam" => new Adam<float>(new AdamOptions(Lr)),
        "adamw" => new AdamW<float>(new AdamWOptions(Lr, weightDecay: Wd)),
        "rmsprop" => new RMSprop<float>(new RMSpropOptions(Lr)),
        _ => new Adagrad<float>(new AdagradOptions(Lr)),
    };

    /// <summary>
    /// Also TorchSharp's optimizer with the same hyper-parameters, on a parameter whose gradient is <c>g</c> (set once by
    /// a backward pass). Where LibTorch's native library cannot load, this throws with the reason, and BenchmarkDotNet
    /// reports the TorchSharp row as NA with that message: the row is skipped, never timed as something else.
    /// </summary>
    [GlobalSetup(Target = nameof(TorchSharpStep))]
    public void SetupTorchSharp()
    {
        Setup();
        try
        {
            torch.set_grad_enabled(true);
            var parameter = new TorchSharp.Modules.Parameter(torch.tensor(p), requires_grad: true);
            using (torch.Tensor gradient = torch.tensor(g))
            using (torch.Tensor loss = (parameter * gradient).sum())
            {
                loss.backward();
            }

            torchParameters = parameter;
            var parameters = new[] { parameter };
            torchOptimizer = Optimizer switch
            {
                "sgd" => torch.optim.SGD(parameters, Lr, momentum: Mu),
                "adam" => torch.optim.Adam(parameters, Lr, Beta1, Beta2, Eps),
                "adamw" => torch.optim.AdamW(parameters, Lr, Beta1, Beta2, Eps, weight_decay: Wd),
                "rmsprop" => torch.optim.RMSProp(parameters, Lr, Alpha, Eps),
                _ => torch.optim.Adagrad(parameters, Lr),
            };
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or InvalidOperationException or BadImageFormatException)
        {
            throw new NotSupportedException($"TorchSharp row skipped: LibTorch's native library could not be loaded here ({NativeLoadFailure() ?? e.GetBaseException().Message}).", e);
        }
    }

    /// <summary>The loader's own reason (such as a missing libstdc++ symbol version), which TorchSharp's message leaves out.</summary>
    private static string? NativeLoadFailure()
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        try
        {
            System.Runtime.InteropServices.NativeLibrary.Free(System.Runtime.InteropServices.NativeLibrary.Load(path));
            return null;
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }

    /// <summary>Frees TorchSharp's tensors.</summary>
    [GlobalCleanup(Target = nameof(TorchSharpStep))]
    public void CleanupTorchSharp()
    {
        torchOptimizer?.Dispose();
        torchParameters?.Dispose();
    }

    /// <summary>Simd.Optimization: one kernel per step.</summary>
    [Benchmark]
    public void SimdStep() => optimizer.Step(p, g);

    /// <summary>The same step with <see cref="Optimizer{T}.CheckFinite"/> off: the kernel's single pass alone.</summary>
    [Benchmark]
    public void SimdStepUnchecked() => uncheckedOptimizer.Step(p, g);

    /// <summary>The scalar loop.</summary>
    [Benchmark(Baseline = true)]
    public void ScalarLoop()
    {
        step++;
        float c1 = 1 - MathF.Pow(Beta1, step), c2 = MathF.Sqrt(1 - MathF.Pow(Beta2, step));
        for (int i = 0; i < p.Length; i++)
        {
            float gi = g[i];
            switch (Optimizer)
            {
                case "sgd":
                    s1[i] = (Mu * s1[i]) + gi;
                    p[i] -= Lr * s1[i];
                    break;
                case "adam":
                case "adamw":
                    if (Optimizer == "adamw")
                    {
                        p[i] *= 1 - (Lr * Wd);
                    }

                    s1[i] = (Beta1 * s1[i]) + ((1 - Beta1) * gi);
                    s2[i] = (Beta2 * s2[i]) + ((1 - Beta2) * gi * gi);
                    p[i] -= Lr / c1 * s1[i] / ((MathF.Sqrt(s2[i]) / c2) + Eps);
                    break;
                case "rmsprop":
                    s1[i] = (Alpha * s1[i]) + ((1 - Alpha) * gi * gi);
                    p[i] -= Lr * gi / (MathF.Sqrt(s1[i]) + Eps);
                    break;
                default:
                    s1[i] += gi * gi;
                    p[i] -= Lr * gi / (MathF.Sqrt(s1[i]) + 1e-10f);
                    break;
            }
        }
    }

    /// <summary>TensorPrimitives, one call (one pass) per operation, with temporaries.</summary>
    [Benchmark]
    public void TensorPrimitivesComposition()
    {
        step++;
        float c1 = 1 - MathF.Pow(Beta1, step), c2 = MathF.Sqrt(1 - MathF.Pow(Beta2, step));
        switch (Optimizer)
        {
            case "sgd":
                TensorPrimitives.MultiplyAdd(s1, Mu, g, s1);             // b = μb + g
                TensorPrimitives.MultiplyAdd(s1, -Lr, p, p);             // θ = θ − γb
                break;
            case "adam":
            case "adamw":
                if (Optimizer == "adamw")
                {
                    TensorPrimitives.Multiply(p, 1 - (Lr * Wd), p);
                }

                TensorPrimitives.Multiply(s1, Beta1, s1);
                TensorPrimitives.MultiplyAdd(g, 1 - Beta1, s1, s1);      // m = β₁m + (1 − β₁)g
                TensorPrimitives.Multiply(g, g, t1);
                TensorPrimitives.Multiply(s2, Beta2, s2);
                TensorPrimitives.MultiplyAdd(t1, 1 - Beta2, s2, s2);     // v = β₂v + (1 − β₂)g²
                TensorPrimitives.Sqrt(s2, t1);
                TensorPrimitives.Multiply(t1, 1 / c2, t1);
                TensorPrimitives.Add(t1, Eps, t1);                       // d = √v/√c₂ + ε
                TensorPrimitives.Divide(s1, t1, t2);
                TensorPrimitives.MultiplyAdd(t2, -Lr / c1, p, p);
                break;
            case "rmsprop":
                TensorPrimitives.Multiply(g, g, t1);
                TensorPrimitives.Multiply(s1, Alpha, s1);
                TensorPrimitives.MultiplyAdd(t1, 1 - Alpha, s1, s1);
                TensorPrimitives.Sqrt(s1, t1);
                TensorPrimitives.Add(t1, Eps, t1);
                TensorPrimitives.Divide(g, t1, t2);
                TensorPrimitives.MultiplyAdd(t2, -Lr, p, p);
                break;
            default:
                TensorPrimitives.MultiplyAdd(g, g, s1, s1);
                TensorPrimitives.Sqrt(s1, t1);
                TensorPrimitives.Add(t1, 1e-10f, t1);
                TensorPrimitives.Divide(g, t1, t2);
                TensorPrimitives.MultiplyAdd(t2, -Lr, p, p);
                break;
        }
    }

    /// <summary>TorchSharp's <c>torch.optim</c> step on the CPU (LibTorch's own thread count).</summary>
    [Benchmark]
    public void TorchSharpStep() => torchOptimizer!.step();

    /// <summary>
    /// The memory-traffic floor: reads g and each stream the step updates (θ and the state buffers) once and writes each
    /// updated stream once, with one add per element and stream — the bytes every step must move, and nothing else.
    /// </summary>
    [Benchmark]
    public unsafe void TrafficFloor()
    {
        int streams = Optimizer switch { "adam" or "adamw" => 3, _ => 2 };
        fixed (float* gp = g, pp = p, a = s1, b = s2)
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; i <= N - 16; i += 16)
                {
                    Vector512<float> gi = Vector512.Load(gp + i);
                    Vector512.Store(Vector512.Load(pp + i) + gi, pp + i);
                    Vector512.Store(Vector512.Load(a + i) + gi, a + i);
                    if (streams == 3)
                    {
                        Vector512.Store(Vector512.Load(b + i) + gi, b + i);
                    }
                }
            }

            for (; i < N; i++)
            {
                pp[i] += gp[i];
                a[i] += gp[i];
                if (streams == 3)
                {
                    b[i] += gp[i];
                }
            }
        }
    }
}
