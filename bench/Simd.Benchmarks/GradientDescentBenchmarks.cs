using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Simd.Learning;

namespace Simd.Benchmarks;

/// <summary>
/// One full batch gradient-descent iteration of linear regression (cost, ∂J/∂w, ∂J/∂b and the update of w, b)
/// on float X: the fused kernel on one thread and on all cores, against a naive scalar loop, the same step
/// composed of TensorPrimitives calls, two OpenBLAS sgemv calls (X·w, then Xᵀ·e) on one thread and on all
/// cores, and a plain single-thread vector sum over X's bytes (the read-bandwidth ceiling of one core). The
/// <c>Logistic…</c> rows are the same step for logistic regression (log-loss, labels 0/1): the fused kernel, the
/// TensorPrimitives composition and OpenBLAS's two sgemv calls with TensorPrimitives for the sigmoid and the cost.
/// </summary>
[Config(typeof(ShortInProcess))]
public unsafe class GradientDescentBenchmarks
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private float[] x = [];
    private float[] y = [];
    private float[] w = [];
    private float[] gradient = [];
    private float[] errors = [];
    private float[] labels = [];
    private float[] scratch = [];
    private float bias;
    private int m;
    private int n;
    private delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemv;
    private delegate* unmanaged<int, void> setThreads;

    /// <summary>The shape of X, m×n.</summary>
    [Params("200000x32", "20000x512")]
    public string Shape { get; set; } = "200000x32";

    /// <summary>Random X, y and a non-trivial w; loads OpenBLAS if present.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        m = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        n = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(42);
        x = new float[m * n];
        y = new float[m];
        w = new float[n];
        gradient = new float[n];
        errors = new float[m];
        labels = new float[m];
        scratch = new float[m];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2) - 1);
        }

        for (int i = 0; i < m; i++)
        {
            y[i] = (float)random.NextDouble();
            labels[i] = y[i] < 0.5f ? 0f : 1f;
        }

        for (int j = 0; j < n; j++)
        {
            w[j] = (float)((random.NextDouble() - 0.5) * 0.01);
        }

        if (NativeLibrary.TryLoad("libopenblas.so.0", out nint handle)
            && NativeLibrary.TryGetExport(handle, "cblas_sgemv", out nint gemv)
            && NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out nint threads))
        {
            sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)gemv;
            setThreads = (delegate* unmanaged<int, void>)threads;
        }
        else
        {
            Console.WriteLine("// OpenBLAS rows skipped: libopenblas.so.0 (Debian package libopenblas0-pthread) could not be loaded.");
        }
    }

    /// <summary>The fused single pass, one thread.</summary>
    [Benchmark(Baseline = true)]
    public float FusedOneThread() => Fused(1);

    /// <summary>The fused single pass, all cores.</summary>
    [Benchmark]
    public float FusedAllCores() => Fused(-1);

    /// <summary>Plain scalar loops: per row the prediction and error, then the error-weighted row added to the gradient.</summary>
    [Benchmark]
    public float NaiveScalar()
    {
        Array.Clear(gradient);
        float cost = 0, gb = 0;
        for (int i = 0; i < m; i++)
        {
            int row = i * n;
            float z = bias;
            for (int j = 0; j < n; j++)
            {
                z += x[row + j] * w[j];
            }

            float e = z - y[i];
            cost += e * e;
            gb += e;
            for (int j = 0; j < n; j++)
            {
                gradient[j] += e * x[row + j];
            }
        }

        return Update(cost / (2f * m), gb);
    }

    /// <summary>The same step from TensorPrimitives: per-row Dot, then Add/Subtract for the errors, SumOfSquares, then per-row MultiplyAdd.</summary>
    [Benchmark]
    public float TensorPrimitivesComposition()
    {
        RowDots(errors);
        TensorPrimitives.Add(errors, bias, errors);
        TensorPrimitives.Subtract(errors, y, errors);
        float cost = TensorPrimitives.SumOfSquares(errors) / (2f * m);
        float gb = TensorPrimitives.Sum(errors);
        WeightedRows();
        return Update(cost, gb);
    }

    /// <summary>Two OpenBLAS sgemv calls on one thread: p = X·w, then e = p + b − y, then g = Xᵀ·e.</summary>
    [Benchmark]
    public float OpenBlasOneThread() => OpenBlas(1);

    /// <summary>Two OpenBLAS sgemv calls on all cores.</summary>
    [Benchmark]
    public float OpenBlasAllCores() => OpenBlas(Environment.ProcessorCount);

    /// <summary>The fused logistic-regression pass, one thread.</summary>
    [Benchmark]
    public float LogisticFusedOneThread()
    {
        float cost = LogisticRegression.CostAndGradient(
            new ReadOnlyMatrixView<float>(x, m, n), labels, w, bias, gradient, out float gb, 0f, 1);
        return UpdateScaled(cost, gb);
    }

    /// <summary>
    /// The logistic step from TensorPrimitives: per-row Dot, Add b, then e = Sigmoid(z) − y and the cost
    /// Σ log(1 + eᶻ) − y·z (Exp, Add, Log, Sum, Dot), then per-row MultiplyAdd.
    /// </summary>
    [Benchmark]
    public float LogisticTensorPrimitivesComposition()
    {
        RowDots(scratch);
        TensorPrimitives.Add(scratch, bias, scratch);
        float gb = LogisticErrorsAndCost(out float cost);
        WeightedRows();
        return Update(cost, gb);
    }

    /// <summary>destination[i] = xᵢ·w, one TensorPrimitives.Dot per row.</summary>
    private void RowDots(float[] destination)
    {
        ReadOnlySpan<float> xs = x;
        for (int i = 0; i < m; i++)
        {
            destination[i] = TensorPrimitives.Dot(xs.Slice(i * n, n), w);
        }
    }

    /// <summary>gradient = Σ errors[i]·xᵢ, one TensorPrimitives.MultiplyAdd per row.</summary>
    private void WeightedRows()
    {
        ReadOnlySpan<float> xs = x;
        Array.Clear(gradient);
        for (int i = 0; i < m; i++)
        {
            TensorPrimitives.MultiplyAdd(xs.Slice(i * n, n), errors[i], gradient, gradient);
        }
    }

    /// <summary>The logistic step with OpenBLAS on one thread: z = X·w (sgemv), the errors and cost as in the composition, g = Xᵀ·e (sgemv).</summary>
    [Benchmark]
    public float LogisticOpenBlasOneThread()
    {
        if (sgemv == null)
        {
            return 0;
        }

        setThreads(1);
        fixed (float* xp = x)
        fixed (float* wp = w)
        fixed (float* zp = scratch)
        fixed (float* ep = errors)
        fixed (float* gp = gradient)
        {
            sgemv(RowMajor, NoTrans, m, n, 1f, xp, n, wp, 1, 0f, zp, 1);
            TensorPrimitives.Add(scratch, bias, scratch);
            float gb = LogisticErrorsAndCost(out float cost);
            sgemv(RowMajor, Trans, m, n, 1f, xp, n, ep, 1, 0f, gp, 1);
            return Update(cost, gb);
        }
    }

    /// <summary>Σ of X's floats with four 512-bit (or 256-bit) accumulators, one thread: the read-bandwidth ceiling.</summary>
    [Benchmark]
    public float ReadBandwidth()
    {
        ref float start = ref MemoryMarshal.GetArrayDataReference(x);
        nuint length = (nuint)x.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            nuint i = 0;
            for (; i + 64 <= length; i += 64)
            {
                a0 += Vector512.LoadUnsafe(ref start, i);
                a1 += Vector512.LoadUnsafe(ref start, i + 16);
                a2 += Vector512.LoadUnsafe(ref start, i + 32);
                a3 += Vector512.LoadUnsafe(ref start, i + 48);
            }

            return Vector512.Sum((a0 + a1) + (a2 + a3));
        }

        return ReadBandwidth256();
    }

    /// <summary>
    /// The same sum with four 256-bit accumulators on every path: where 512-bit loads are there but read no faster (on Zen 5 a
    /// 256-bit read of X measured 10–15 % faster than a 512-bit one), the read-bandwidth ceiling is the faster of the two rows.
    /// </summary>
    [Benchmark]
    public float ReadBandwidth256()
    {
        ref float start = ref MemoryMarshal.GetArrayDataReference(x);
        nuint length = (nuint)x.Length;
        Vector256<float> b0 = default, b1 = default, b2 = default, b3 = default;
        nuint k = 0;
        for (; k + 32 <= length; k += 32)
        {
            b0 += Vector256.LoadUnsafe(ref start, k);
            b1 += Vector256.LoadUnsafe(ref start, k + 8);
            b2 += Vector256.LoadUnsafe(ref start, k + 16);
            b3 += Vector256.LoadUnsafe(ref start, k + 24);
        }

        return Vector256.Sum((b0 + b1) + (b2 + b3));
    }

    private float Fused(int threads)
    {
        float cost = LinearRegression.CostAndGradient(
            new ReadOnlyMatrixView<float>(x, m, n), y, w, bias, gradient, out float gb, 0f, threads);
        return UpdateScaled(cost, gb);
    }

    private float OpenBlas(int threads)
    {
        if (sgemv == null)
        {
            return 0;
        }

        setThreads(threads);
        fixed (float* xp = x)
        fixed (float* wp = w)
        fixed (float* ep = errors)
        fixed (float* gp = gradient)
        {
            sgemv(RowMajor, NoTrans, m, n, 1f, xp, n, wp, 1, 0f, ep, 1);
            TensorPrimitives.Add(errors, bias, errors);
            TensorPrimitives.Subtract(errors, y, errors);
            float cost = TensorPrimitives.SumOfSquares(errors) / (2f * m);
            float gb = TensorPrimitives.Sum(errors);
            sgemv(RowMajor, Trans, m, n, 1f, xp, n, ep, 1, 0f, gp, 1);
            return Update(cost, gb);
        }
    }

    /// <summary>
    /// From z (in scratch): errors = σ(z) − y and the mean log-loss (Σ log(1 + eᶻ) − Σ y·z)/m; returns Σ errors.
    /// Overwrites scratch once the cost needs it no longer.
    /// </summary>
    private float LogisticErrorsAndCost(out float cost)
    {
        TensorPrimitives.Sigmoid(scratch, errors);
        TensorPrimitives.Subtract(errors, labels, errors);
        float labelled = TensorPrimitives.Dot(labels, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        TensorPrimitives.Add(scratch, 1f, scratch);
        TensorPrimitives.Log(scratch, scratch);
        cost = (TensorPrimitives.Sum(scratch) - labelled) / m;
        return TensorPrimitives.Sum(errors);
    }

    /// <summary>Divides the raw sums by m and takes the step; a tiny α keeps w (and the work) the same across calls.</summary>
    private float Update(float cost, float errorSum)
    {
        float scale = 1f / m;
        for (int j = 0; j < n; j++)
        {
            gradient[j] *= scale;
        }

        return UpdateScaled(cost, errorSum * scale);
    }

    private float UpdateScaled(float cost, float gb)
    {
        const float alpha = 1e-12f;
        for (int j = 0; j < n; j++)
        {
            w[j] -= alpha * gradient[j];
        }

        bias -= alpha * gb;
        return cost;
    }

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));

            // On a shared machine the fastest iteration is the least disturbed one; report it beside the mean.
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        }
    }
}
