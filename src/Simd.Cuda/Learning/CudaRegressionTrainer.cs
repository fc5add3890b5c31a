using System;
using System.Numerics;
using Simd.Cuda.Native;

namespace Simd.Cuda.Learning;

/// <summary>
/// Batch gradient descent for linear or logistic regression with X and y kept on the GPU: they are uploaded
/// once by the constructor, every iteration runs on the device (two fused kernels, see below), and only the
/// cost history and the final weights come back. One trainer can run several trainings on the same data.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>; the device computes in this type.</typeparam>
/// <remarks>
/// <para>Each iteration, for m rows: z = Xw + b; error = prediction − y (prediction z, or σ(z) for logistic);
/// gradient_j = (1/m) Σ error·x_j + (λ/m) w_j; bias gradient = (1/m) Σ error; then w ← w − α·gradient and
/// b ← b − α·bias gradient. The bias is not regularised.</para>
/// <para>Kernels: one pass over X computes every warp's partial sums of the gradient, the bias gradient and
/// the cost (see <c>GradientDescentTemplate</c>); a second, tiny kernel combines them in a fixed order and
/// applies the update. Results are reproducible run to run on the same device.</para>
/// </remarks>
public sealed class CudaRegressionTrainer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int WarpsPerBlock = 8;
    private const uint BlockSize = 32 * WarpsPerBlock;

    private readonly DeviceBuffer<T> features;
    private readonly DeviceBuffer<T> labels;
    private readonly DeviceBuffer<T> partials;
    private readonly DeviceBuffer<T> weightsA;
    private readonly DeviceBuffer<T> weightsB;
    private readonly uint partialBlocks;
    private readonly CudaModule module;

    /// <summary>Uploads X and y to <paramref name="device"/> (or <see cref="CudaDevice.Default"/>) and compiles the kernels for X's width.</summary>
    /// <param name="x">The m × n feature matrix (any stride; it is packed densely on the device).</param>
    /// <param name="y">The m targets (for <see cref="RegressionKind.Logistic"/>: 0 or 1).</param>
    /// <param name="kind">Linear or logistic regression.</param>
    /// <param name="device">The device, or <see langword="null"/> for <see cref="CudaDevice.Default"/>.</param>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here; the message says what is missing.</exception>
    /// <exception cref="ArgumentException">The shapes disagree, X is empty, or a logistic label is not 0 or 1.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public CudaRegressionTrainer(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, RegressionKind kind, CudaDevice? device = null)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"Device gradient descent supports float and double, not {typeof(T).Name}.");
        }

        // Bad input is reported as such whether or not a GPU is present; only then is CUDA required.
        ValidateData(x, y, kind);
        CudaRuntime.EnsureAvailable();
        Device = device ?? CudaDevice.Default;
        Kind = kind;
        Rows = x.Rows;
        Columns = x.Columns;

        module = KernelCache.Get(
            Device,
            new ModuleKey("gradient_descent", kind.ToString(), typeof(T).Name, $"{Columns} columns"),
            $"gradient_descent_{kind}_{Columns}",
            () => GradientDescentTemplate.Build(Columns, typeof(T) == typeof(double), kind));

        // One row per warp at least, and no more warps than fill every SM eight blocks deep.
        long blocks = Math.Min(((long)Rows + WarpsPerBlock - 1) / WarpsPerBlock, Device.MultiprocessorCount * 8L);
        partialBlocks = (uint)Math.Max(blocks, 1);
        try
        {
            features = DeviceBuffer<T>.Allocate(Device, (long)Rows * Columns);
            labels = DeviceBuffer<T>.FromSpan(Device, y);
            partials = DeviceBuffer<T>.Allocate(Device, (long)Warps * (Columns + 2));
            weightsA = DeviceBuffer<T>.Allocate(Device, Columns + 1);
            weightsB = DeviceBuffer<T>.Allocate(Device, Columns + 1);
            UploadPacked(x, features);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The device holding the data.</summary>
    public CudaDevice Device { get; }

    /// <summary>The model.</summary>
    public RegressionKind Kind { get; }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; }

    /// <summary>How many warps write partial sums; the summation order depends only on this and the data.</summary>
    internal uint Warps => partialBlocks * WarpsPerBlock;

    /// <summary>Runs <paramref name="iterations"/> steps of gradient descent from the given (or zero) weights.</summary>
    /// <param name="learningRate">The step size α, positive and finite.</param>
    /// <param name="iterations">The number of steps, ≥ 0.</param>
    /// <param name="lambda">The L2 regularisation strength λ, ≥ 0 and finite.</param>
    /// <param name="initialWeights">Starting weights (one per column), or empty for zeros.</param>
    /// <param name="initialBias">Starting bias.</param>
    /// <returns>The final weights and bias and the cost before each step.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="initialWeights"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The trainer was disposed.</exception>
    public CudaTrainingResult<T> Train(T learningRate, int iterations, T lambda, ReadOnlySpan<T> initialWeights = default, T initialBias = default)
    {
        ValidateHyperparameters(learningRate, iterations, lambda);
        if (!initialWeights.IsEmpty && initialWeights.Length != Columns)
        {
            throw new ArgumentException($"The initial weights have {initialWeights.Length} elements but X has {Columns} columns.", nameof(initialWeights));
        }

        var start = new T[Columns + 1];
        initialWeights.CopyTo(start);
        start[Columns] = initialBias;
        weightsA.Upload(start);

        var costs = new T[iterations];
        if (iterations > 0)
        {
            using DeviceBuffer<T> costBuffer = DeviceBuffer<T>.Allocate(Device, iterations);
            DeviceBuffer<T> final = Iterate(learningRate, lambda, iterations, costBuffer);
            final.Download(start);
            costBuffer.Download(costs);
        }

        return new CudaTrainingResult<T>(start[..Columns], start[Columns], costs);
    }

    /// <summary>Queues <paramref name="iterations"/> steps starting from the weights in the first weight buffer; returns the buffer holding the result.</summary>
    /// <param name="learningRate">α.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="iterations">Steps, ≥ 1.</param>
    /// <param name="costs">Receives one cost per step; at least <paramref name="iterations"/> long.</param>
    internal DeviceBuffer<T> Iterate(T learningRate, T lambda, int iterations, DeviceBuffer<T> costs)
    {
        nint partial = module.Function(GradientDescentTemplate.PartialEntryPoint);
        nint combine = module.Function(GradientDescentTemplate.CombineEntryPoint);
        using DeviceBuffer<T>.Lease x = features.Acquire();
        using DeviceBuffer<T>.Lease y = labels.Acquire();
        using DeviceBuffer<T>.Lease sums = partials.Acquire();
        using DeviceBuffer<T>.Lease a = weightsA.Acquire();
        using DeviceBuffer<T>.Lease b = weightsB.Acquire();
        using DeviceBuffer<T>.Lease cost = costs.Acquire();
        ulong inverseRows = KernelLauncher.Slot(T.One / T.CreateTruncating(Rows));
        ulong current = a.Pointer, next = b.Pointer;
        for (int i = 0; i < iterations; i++)
        {
            Span<ulong> partialArguments = [x.Pointer, y.Pointer, current, (ulong)Rows, sums.Pointer];
            KernelLauncher.Launch(Device, partial, partialBlocks, BlockSize, partialArguments, "gradient descent (partial sums)");
            Span<ulong> combineArguments =
            [
                sums.Pointer, Warps, current, next, cost.Pointer, (ulong)i,
                inverseRows, KernelLauncher.Slot(learningRate), KernelLauncher.Slot(lambda),
            ];
            KernelLauncher.Launch(Device, combine, (uint)Columns + 2, BlockSize, combineArguments, "gradient descent (combine and update)");
            (current, next) = (next, current);
        }

        return current == a.Pointer ? weightsA : weightsB;
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        features?.Dispose();
        labels?.Dispose();
        partials?.Dispose();
        weightsA?.Dispose();
        weightsB?.Dispose();
    }

    /// <summary>Throws unless α is positive and finite, λ non-negative and finite, and the iteration count non-negative.</summary>
    /// <param name="learningRate">α.</param>
    /// <param name="iterations">Steps.</param>
    /// <param name="lambda">λ.</param>
    internal static void ValidateHyperparameters(T learningRate, int iterations, T lambda)
    {
        if (!T.IsFinite(learningRate) || learningRate <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive and finite.");
        }

        if (!T.IsFinite(lambda) || lambda < T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The regularisation strength must be zero or positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
    }

    private static void ValidateData(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, RegressionKind kind)
    {
        if (x.Rows == 0 || x.Columns == 0)
        {
            throw new ArgumentException($"X is {x}; gradient descent needs at least one row and one column.", nameof(x));
        }

        if (y.Length != x.Rows)
        {
            throw new ArgumentException($"y has {y.Length} elements but X has {x.Rows} rows; they must match.", nameof(y));
        }

        if (kind == RegressionKind.Logistic)
        {
            for (int i = 0; i < y.Length; i++)
            {
                if (y[i] != T.Zero && y[i] != T.One)
                {
                    throw new ArgumentException($"y[{i}] is {y[i]}; logistic regression needs labels 0 or 1.", nameof(y));
                }
            }
        }
        else if (kind != RegressionKind.Linear)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown regression kind.");
        }
    }

    private static void UploadPacked(ReadOnlyMatrixView<T> x, DeviceBuffer<T> destination)
    {
        if (x.Stride == x.Columns)
        {
            destination.Upload(x.Memory.Span[..(x.Rows * x.Columns)]);
            return;
        }

        // A strided view is packed row by row; a dense one (the common case) is a single copy.
        for (int r = 0; r < x.Rows; r++)
        {
            using DeviceBuffer<T> row = destination.Slice((long)r * x.Columns, x.Columns);
            row.Upload(x.Row(r));
        }
    }
}
