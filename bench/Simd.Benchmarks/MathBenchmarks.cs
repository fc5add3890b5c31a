using System;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Simd.Operators;

namespace Simd.Benchmarks;

/// <summary>
/// Float math over 4K (L1) and 1M elements: our generated kernels (the <c>MathF</c> call in a <c>[Kernel]</c>
/// body) and <c>KernelMath</c> loops against <c>TensorPrimitives</c> (System.Numerics.Tensors 10.0.0) and the
/// BCL's own vector functions (<c>Vector512.Exp</c> and friends) in the same loop. Inputs in [−10, 10]
/// (Log: (0, 20]); the sigmoid and GELU rows compare one kernel with the fewest <c>TensorPrimitives</c> calls
/// computing the same.
/// </summary>
[MemoryDiagnoser(false)]
public class MathBenchmarks
{
    private float[] x = [];
    private float[] positive = [];
    private float[] destination = [];
    private float[] second = [];

    /// <summary>Number of elements.</summary>
    [Params(4_096, 1_048_576)]
    public int N { get; set; }

    /// <summary>Fills the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        x = new float[N];
        positive = new float[N];
        destination = new float[N];
        second = new float[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (float)((random.NextDouble() * 20) - 10);
            positive[i] = (float)(random.NextDouble() * 20) + 1e-6f;
        }
    }

    /// <summary>TensorPrimitives.Exp.</summary>
    [Benchmark]
    [BenchmarkCategory("Exp")]
    public void ExpTensorPrimitives() => TensorPrimitives.Exp(x, destination);

    /// <summary>Vector512.Exp in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Exp")]
    public void ExpBclVector() => VectorLoop.Map<BclExp, float>(x, destination);

    /// <summary>A kernel returning <c>MathF.Exp(x)</c>.</summary>
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
    public void LogBclVector() => VectorLoop.Map<BclLog, float>(positive, destination);

    /// <summary>A kernel returning <c>MathF.Log(x)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Log")]
    public void LogSimdKernel() => MathKernels.Log(positive, destination);

    /// <summary>TensorPrimitives.Tanh.</summary>
    [Benchmark]
    [BenchmarkCategory("Tanh")]
    public void TanhTensorPrimitives() => TensorPrimitives.Tanh(x, destination);

    /// <summary>A kernel returning <c>MathF.Tanh(x)</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Tanh")]
    public void TanhSimdKernel() => MathKernels.Tanh(x, destination);

    /// <summary>TensorPrimitives.Sin.</summary>
    [Benchmark]
    [BenchmarkCategory("Sin")]
    public void SinTensorPrimitives() => TensorPrimitives.Sin(x, destination);

    /// <summary>Vector512.Sin in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Sin")]
    public void SinBclVector() => VectorLoop.Map<BclSin, float>(x, destination);

    /// <summary>KernelMath.Sin in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Sin")]
    public void SinKernelMath() => VectorLoop.Map<OurSin, float>(x, destination);

    /// <summary>TensorPrimitives.SinCos: sines into the destination, cosines into a second array.</summary>
    [Benchmark]
    [BenchmarkCategory("SinCos")]
    public void SinCosTensorPrimitives() => TensorPrimitives.SinCos(x, destination, second);

    /// <summary>A kernel returning <c>MathF.Sin(x)</c> with <c>MathF.Cos(x)</c> as an <c>out</c> lane.</summary>
    [Benchmark]
    [BenchmarkCategory("SinCos")]
    public void SinCosSimdKernel() => MathKernels.SinCos(x, second, destination);

    /// <summary>TensorPrimitives.Cos.</summary>
    [Benchmark]
    [BenchmarkCategory("Cos")]
    public void CosTensorPrimitives() => TensorPrimitives.Cos(x, destination);

    /// <summary>Vector512.Cos in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Cos")]
    public void CosBclVector() => VectorLoop.Map<BclCos, float>(x, destination);

    /// <summary>KernelMath.Cos in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Cos")]
    public void CosKernelMath() => VectorLoop.Map<OurCos, float>(x, destination);

    /// <summary>TensorPrimitives.Sigmoid.</summary>
    [Benchmark]
    [BenchmarkCategory("Sigmoid")]
    public void SigmoidTensorPrimitives() => TensorPrimitives.Sigmoid(x, destination);

    /// <summary>A kernel returning <c>1 / (1 + MathF.Exp(-x))</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Sigmoid")]
    public void SigmoidSimdKernel() => MathKernels.Sigmoid(x, destination);

    /// <summary>KernelMath.Sigmoid in a loop.</summary>
    [Benchmark]
    [BenchmarkCategory("Sigmoid")]
    public void SigmoidKernelMath() => VectorLoop.Map<OurSigmoid, float>(x, destination);

    /// <summary>GELU-tanh in six TensorPrimitives calls: t = x²; t = (t + 1/0.044715)·x; t ·= 0.044715·√(2/π); tanh; (t + 1)·x; ·½.</summary>
    [Benchmark]
    [BenchmarkCategory("Gelu")]
    public void GeluTensorPrimitives()
    {
        TensorPrimitives.Multiply(x, x, destination);
        TensorPrimitives.AddMultiply(destination, 1f / MathKernels.GeluCubic, x, destination);
        TensorPrimitives.Multiply(destination, MathKernels.GeluCubic * MathKernels.GeluScale, destination);
        TensorPrimitives.Tanh(destination, destination);
        TensorPrimitives.AddMultiply(destination, 1f, x, destination);
        TensorPrimitives.Multiply(destination, 0.5f, destination);
    }

    /// <summary>A GELU-tanh kernel written with <c>MathF.Tanh</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Gelu")]
    public void GeluSimdKernel() => MathKernels.Gelu(x, destination);

    private readonly struct BclExp : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => Vector512.Exp(x);

        public static Vector256<float> Apply(Vector256<float> x) => Vector256.Exp(x);

        public static Vector128<float> Apply(Vector128<float> x) => Vector128.Exp(x);
    }

    private readonly struct BclLog : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => Vector512.Log(x);

        public static Vector256<float> Apply(Vector256<float> x) => Vector256.Log(x);

        public static Vector128<float> Apply(Vector128<float> x) => Vector128.Log(x);
    }

    private readonly struct BclSin : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => Vector512.Sin(x);

        public static Vector256<float> Apply(Vector256<float> x) => Vector256.Sin(x);

        public static Vector128<float> Apply(Vector128<float> x) => Vector128.Sin(x);
    }

    private readonly struct BclCos : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => Vector512.Cos(x);

        public static Vector256<float> Apply(Vector256<float> x) => Vector256.Cos(x);

        public static Vector128<float> Apply(Vector128<float> x) => Vector128.Cos(x);
    }

    private readonly struct OurSin : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => KernelMath.Sin(x);

        public static Vector256<float> Apply(Vector256<float> x) => KernelMath.Sin(x);

        public static Vector128<float> Apply(Vector128<float> x) => KernelMath.Sin(x);
    }

    private readonly struct OurCos : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => KernelMath.Cos(x);

        public static Vector256<float> Apply(Vector256<float> x) => KernelMath.Cos(x);

        public static Vector128<float> Apply(Vector128<float> x) => KernelMath.Cos(x);
    }

    private readonly struct OurSigmoid : IVectorFunction<float>
    {
        public static Vector512<float> Apply(Vector512<float> x) => KernelMath.Sigmoid(x);

        public static Vector256<float> Apply(Vector256<float> x) => KernelMath.Sigmoid(x);

        public static Vector128<float> Apply(Vector128<float> x) => KernelMath.Sigmoid(x);
    }
}
