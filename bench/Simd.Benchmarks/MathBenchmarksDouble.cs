using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Simd.Operators;

namespace Simd.Benchmarks;

/// <summary>The double counterpart of <see cref="MathBenchmarks"/>: Exp, Log, Tanh, Sin and Cos.</summary>
[MemoryDiagnoser(false)]
public class MathBenchmarksDouble
{
    private double[] x = [];
    private double[] positive = [];
    private double[] destination = [];

    /// <summary>Number of elements.</summary>
    [Params(4_096, 1_048_576)]
    public int N { get; set; }

    /// <summary>Fills the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        x = new double[N];
        positive = new double[N];
        destination = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (random.NextDouble() * 20) - 10;
            positive[i] = (random.NextDouble() * 20) + 1e-12;
        }
    }

    /// <summary>TensorPrimitives.Exp.</summary>
    [Benchmark]
    [BenchmarkCategory("Exp")]
    public void ExpTensorPrimitives() => TensorPrimitives.Exp(x, destination);

    /// <summary>Vector512.Exp in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Exp")]
    public void ExpBclVector() => VectorLoop.Map<BclExp, double>(x, destination);

    /// <summary>A kernel returning <c>Math.Exp(x)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Exp")]
    public void ExpSimdKernel() => MathKernels.Exp(x, destination);

    /// <summary>TensorPrimitives.Log.</summary>
    [Benchmark]
    [BenchmarkCategory("Log")]
    public void LogTensorPrimitives() => TensorPrimitives.Log(positive, destination);

    /// <summary>Vector512.Log in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Log")]
    public void LogBclVector() => VectorLoop.Map<BclLog, double>(positive, destination);

    /// <summary>A kernel returning <c>Math.Log(x)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Log")]
    public void LogSimdKernel() => MathKernels.Log(positive, destination);

    /// <summary>TensorPrimitives.Tanh.</summary>
    [Benchmark]
    [BenchmarkCategory("Tanh")]
    public void TanhTensorPrimitives() => TensorPrimitives.Tanh(x, destination);

    /// <summary>A kernel returning <c>Math.Tanh(x)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Tanh")]
    public void TanhSimdKernel() => MathKernels.Tanh(x, destination);

    /// <summary>TensorPrimitives.Sin.</summary>
    [Benchmark]
    [BenchmarkCategory("Sin")]
    public void SinTensorPrimitives() => TensorPrimitives.Sin(x, destination);

    /// <summary>KernelMath.Sin in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Sin")]
    public void SinKernelMath() => VectorLoop.Map<OurSin, double>(x, destination);

    /// <summary>TensorPrimitives.Cos.</summary>
    [Benchmark]
    [BenchmarkCategory("Cos")]
    public void CosTensorPrimitives() => TensorPrimitives.Cos(x, destination);

    /// <summary>KernelMath.Cos in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Cos")]
    public void CosKernelMath() => VectorLoop.Map<OurCos, double>(x, destination);

    private readonly struct BclExp : IVectorFunction<double>
    {
        public static Vector512<double> Apply(Vector512<double> x) => Vector512.Exp(x);

        public static Vector256<double> Apply(Vector256<double> x) => Vector256.Exp(x);

        public static Vector128<double> Apply(Vector128<double> x) => Vector128.Exp(x);
    }

    private readonly struct BclLog : IVectorFunction<double>
    {
        public static Vector512<double> Apply(Vector512<double> x) => Vector512.Log(x);

        public static Vector256<double> Apply(Vector256<double> x) => Vector256.Log(x);

        public static Vector128<double> Apply(Vector128<double> x) => Vector128.Log(x);
    }

    private readonly struct OurSin : IVectorFunction<double>
    {
        public static Vector512<double> Apply(Vector512<double> x) => KernelMath.Sin(x);

        public static Vector256<double> Apply(Vector256<double> x) => KernelMath.Sin(x);

        public static Vector128<double> Apply(Vector128<double> x) => KernelMath.Sin(x);
    }

    private readonly struct OurCos : IVectorFunction<double>
    {
        public static Vector512<double> Apply(Vector512<double> x) => KernelMath.Cos(x);

        public static Vector256<double> Apply(Vector256<double> x) => KernelMath.Cos(x);

        public static Vector128<double> Apply(Vector128<double> x) => KernelMath.Cos(x);
    }
}
