using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Simd.Benchmarks;

/// <summary>
/// Out-of-place elementwise maps that every width computes exactly (<c>Blas.Add</c>, <c>Blas.Scale</c>) against
/// <c>TensorPrimitives.Add</c> and <c>Multiply</c>, float, at 4K (in L1) and 1M (4 MiB per array, past L2), where
/// the map driver stores the destination past the caches.
/// </summary>
[MemoryDiagnoser(false)]
public class ElementwiseBenchmarks
{
    private float[] x = [];
    private float[] y = [];
    private float[] destination = [];

    /// <summary>Number of elements.</summary>
    [Params(4_096, 1_048_576)]
    public int N { get; set; }

    /// <summary>Fills the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        x = new float[N];
        y = new float[N];
        destination = new float[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (float)random.NextDouble();
            y[i] = (float)random.NextDouble();
        }
    }

    /// <summary>TensorPrimitives.Add(x, y, destination).</summary>
    [Benchmark]
    [BenchmarkCategory("Add")]
    public void AddTensorPrimitives() => TensorPrimitives.Add(x, y, destination);

    /// <summary>Blas.Add(x, y, destination).</summary>
    [Benchmark]
    [BenchmarkCategory("Add")]
    public void AddSimd() => Blas.Add(x, y, destination);

    /// <summary>TensorPrimitives.Multiply(x, 1.5f, destination).</summary>
    [Benchmark]
    [BenchmarkCategory("Scale")]
    public void ScaleTensorPrimitives() => TensorPrimitives.Multiply(x, 1.5f, destination);

    /// <summary>Blas.Scale(x, 1.5f, destination).</summary>
    [Benchmark]
    [BenchmarkCategory("Scale")]
    public void ScaleSimd() => Blas.Scale(x, 1.5f, destination);
}
