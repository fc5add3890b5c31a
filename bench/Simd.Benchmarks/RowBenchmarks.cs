using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Simd.Learning;

namespace Simd.Benchmarks;

/// <summary>
/// Row-wise softmax and layer normalisation of float matrices: Simd.Learning (three fused passes per row for softmax,
/// three for layer norm; on one thread and on all cores) against the numerically stable composition of
/// <c>TensorPrimitives</c> calls per row that a user would write (one pass per call), and <c>TensorPrimitives.SoftMax</c>
/// itself. The shapes are a batch of long rows (64 × 4096) and many short ones (4096 × 64).
/// </summary>
[MemoryDiagnoser(false)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class RowBenchmarks
{
    private float[] x = null!, y = null!, gamma = null!, beta = null!, mean = null!, rstd = null!;

    /// <summary>Rows × columns.</summary>
    [Params("64x4096", "4096x64")]
    public string Shape { get; set; } = "64x4096";

    private int Rows => int.Parse(Shape.AsSpan(0, Shape.IndexOf('x')), provider: null);

    private int Columns => int.Parse(Shape.AsSpan(Shape.IndexOf('x') + 1), provider: null);

    /// <summary>Random logits in [−10, 10], γ near 1, β near 0.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        x = new float[Rows * Columns];
        y = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 20) - 10);
        }

        gamma = new float[Columns];
        beta = new float[Columns];
        for (int j = 0; j < Columns; j++)
        {
            gamma[j] = (float)(0.5 + random.NextDouble());
            beta[j] = (float)(random.NextDouble() - 0.5);
        }

        mean = new float[Rows];
        rstd = new float[Rows];
    }

    /// <summary>The stable composition per row: Max, Subtract, Exp, Sum, Divide.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Softmax")]
    public void SoftmaxTensorPrimitives()
    {
        int n = Columns;
        for (int i = 0; i < Rows; i++)
        {
            ReadOnlySpan<float> row = x.AsSpan(i * n, n);
            Span<float> d = y.AsSpan(i * n, n);
            float max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, d);
            TensorPrimitives.Exp(d, d);
            float sum = TensorPrimitives.Sum(d);
            TensorPrimitives.Divide(d, sum, d);
        }
    }

    /// <summary><c>TensorPrimitives.SoftMax</c> per row (one call; for reference).</summary>
    [Benchmark, BenchmarkCategory("Softmax")]
    public void SoftmaxTensorPrimitivesSoftMax()
    {
        int n = Columns;
        for (int i = 0; i < Rows; i++)
        {
            TensorPrimitives.SoftMax(x.AsSpan(i * n, n), y.AsSpan(i * n, n));
        }
    }

    /// <summary>Simd.Learning on one thread.</summary>
    [Benchmark, BenchmarkCategory("Softmax")]
    public void SoftmaxSimd1Thread() => Softmax.ComputeRows(new ReadOnlyMatrixView<float>(x, Rows, Columns), new MatrixView<float>(y, Rows, Columns), 1);

    /// <summary>Simd.Learning on all cores.</summary>
    [Benchmark, BenchmarkCategory("Softmax")]
    public void SoftmaxSimd() => Softmax.ComputeRows(new ReadOnlyMatrixView<float>(x, Rows, Columns), new MatrixView<float>(y, Rows, Columns));

    /// <summary>The composition per row: Sum → μ, Subtract, SumOfSquares → σ², Multiply by 1/√(σ² + ε), FusedMultiplyAdd with γ and β.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("LayerNorm")]
    public void LayerNormTensorPrimitives()
    {
        int n = Columns;
        for (int i = 0; i < Rows; i++)
        {
            ReadOnlySpan<float> row = x.AsSpan(i * n, n);
            Span<float> d = y.AsSpan(i * n, n);
            float mu = TensorPrimitives.Sum(row) / n;
            TensorPrimitives.Subtract(row, mu, d);
            float variance = TensorPrimitives.SumOfSquares(d) / n;
            TensorPrimitives.Multiply(d, 1 / MathF.Sqrt(variance + 1e-5f), d);
            TensorPrimitives.FusedMultiplyAdd(d, gamma, beta, d);
        }
    }

    /// <summary>Simd.Learning on one thread (saving μ and 1/σ, as training does).</summary>
    [Benchmark, BenchmarkCategory("LayerNorm")]
    public void LayerNormSimd1Thread()
        => LayerNorm.Forward(new ReadOnlyMatrixView<float>(x, Rows, Columns), gamma, beta, new MatrixView<float>(y, Rows, Columns), mean, rstd, maxDegreeOfParallelism: 1);

    /// <summary>Simd.Learning on all cores.</summary>
    [Benchmark, BenchmarkCategory("LayerNorm")]
    public void LayerNormSimd()
        => LayerNorm.Forward(new ReadOnlyMatrixView<float>(x, Rows, Columns), gamma, beta, new MatrixView<float>(y, Rows, Columns), mean, rstd);
}
