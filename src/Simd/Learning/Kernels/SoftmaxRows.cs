using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>What <see cref="SoftmaxRows"/> computes for each row.</summary>
internal enum SoftmaxForm
{
    /// <summary>destination = softmax(z).</summary>
    Softmax,

    /// <summary>destination = log-softmax(z).</summary>
    LogSoftmax,

    /// <summary>destination = scale·(softmax(z) − one-hot(label)), and the row's loss log Σ e^z − z_label.</summary>
    CrossEntropy,

    /// <summary>Only the row's loss log Σ e^z − z_label (nothing is written).</summary>
    Loss,
}

/// <summary>
/// Softmax, log-softmax and the fused cross-entropy with its gradient over the rows of a matrix, three passes per row
/// (<see cref="SoftmaxRow"/>), chunks of rows on one or several threads (<see cref="RowChunks"/>).
/// </summary>
/// <remarks>
/// Each row is screened (pass 1) before anything of it is written. A row that fails is recorded — the lowest such row
/// over all chunks, so the same row whatever the thread count — and its chunk stops; the caller then throws naming it.
/// Rows of other chunks, and earlier rows of the same chunk, may have been written by then.
/// </remarks>
internal static unsafe class SoftmaxRows
{
    /// <summary>
    /// Runs <paramref name="form"/> over every row. Arguments are validated by the caller (shapes, overlap, labels in
    /// range). Returns the lowest row that failed the screen, or −1; for the cross-entropy, the sum of the row losses
    /// (in double, in row order within a chunk and in chunk order across chunks) is in <paramref name="lossSum"/>.
    /// </summary>
    public static int Run<T>(
        ReadOnlyMatrixView<T> z, MatrixView<T> destination, SoftmaxForm form, ReadOnlySpan<int> labels, T scale,
        Span<T> rowLosses, int maxDegreeOfParallelism, out double lossSum)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = z.Rows, n = z.Columns;
        int chunks = RowChunks.Count<T>(m, n);
        double[]? partials = form is SoftmaxForm.CrossEntropy or SoftmaxForm.Loss ? System.Buffers.ArrayPool<double>.Shared.Rent(chunks) : null;
        int failed = int.MaxValue;
        try
        {
            fixed (T* zp = z.Memory.Span)
            fixed (T* dp = destination.Memory.Span)
            fixed (int* lp = labels)
            fixed (T* rp = rowLosses)
            {
                var job = new Job<T>(zp, z.Stride, dp, destination.Stride, n, form, lp, scale, rp, partials, &failed);
                RowChunks.Run<T, Job<T>>(job, m, n, maxDegreeOfParallelism);
            }

            lossSum = 0;
            if (partials is not null)
            {
                for (int c = 0; c < chunks; c++)
                {
                    lossSum += partials[c];
                }
            }

            return failed == int.MaxValue ? -1 : failed;
        }
        finally
        {
            if (partials is not null)
            {
                System.Buffers.ArrayPool<double>.Shared.Return(partials);
            }
        }
    }

    private readonly struct Job<T>(
        T* z, int zStride, T* destination, int destinationStride, int n, SoftmaxForm form, int* labels, T scale, T* rowLosses,
        double[]? partials, int* failed) : IRowChunkJob
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Width width = WidthChoice.For<T>((nuint)n);

        public void Run(int chunk, int firstRow, int endRow)
        {
            double losses = 0;
            for (int i = firstRow; i < endRow; i++)
            {
                ref T zr = ref Unsafe.AsRef<T>(z + ((nint)i * zStride));
                ref T dr = ref Unsafe.AsRef<T>(destination + ((nint)i * destinationStride));
                int label = labels == null ? 0 : labels[i];
                bool ok = Row(width, ref zr, ref dr, n, form, label, scale, out double loss);

                if (!ok)
                {
                    RecordFailure(i);
                    break;
                }

                if (rowLosses != null)
                {
                    rowLosses[i] = T.CreateTruncating(loss);
                }

                losses += loss;
            }

            if (partials is not null)
            {
                partials[chunk] = losses;
            }
        }

        private void RecordFailure(int row)
        {
            int seen = Volatile.Read(ref *failed);
            while (row < seen)
            {
                int previous = Interlocked.CompareExchange(ref *failed, row, seen);
                if (previous == seen)
                {
                    return;
                }

                seen = previous;
            }
        }
    }

    /// <summary>One row of <paramref name="n"/> ≥ 1 elements at the given width; false when the row fails the screen (nothing of it is then written).</summary>
    public static bool Row<T>(Width width, ref T z, ref T destination, int n, SoftmaxForm form, int label, T scale, out double loss)
        where T : unmanaged, IFloatingPointIeee754<T>
        => width switch
        {
            Width.VectorT => Row<T, Vector<T>, WidthVector<T>>(ref z, ref destination, n, form, label, scale, out loss),
            Width.V512 => Row<T, Vector512<T>, Width512<T>>(ref z, ref destination, n, form, label, scale, out loss),
            Width.V256 => Row<T, Vector256<T>, Width256<T>>(ref z, ref destination, n, form, label, scale, out loss),
            Width.V128 => Row<T, Vector128<T>, Width128<T>>(ref z, ref destination, n, form, label, scale, out loss),
            _ => RowScalar(ref z, ref destination, n, form, label, scale, out loss),
        };

    private static bool Row<T, TVector, TWidth>(ref T z, ref T destination, int n, SoftmaxForm form, int label, T scale, out double loss)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        loss = 0;
        if (!SoftmaxRow.Max<T, TVector, TWidth>(in z, n, out T max))
        {
            return false;
        }

        switch (form)
        {
            case SoftmaxForm.Softmax:
                {
                    T sum = SoftmaxRow.ExpSum<T, TVector, TWidth>(in z, ref destination, n, max, store: true);
                    SoftmaxRow.Scale<T, TVector, TWidth>(ref destination, n, T.One / sum);
                    break;
                }

            case SoftmaxForm.LogSoftmax:
                {
                    T sum = SoftmaxRow.ExpSum<T, TVector, TWidth>(in z, ref destination, n, max, store: false);
                    SoftmaxRow.Shift<T, TVector, TWidth>(in z, ref destination, n, max, LogOf(sum));
                    break;
                }

            case SoftmaxForm.CrossEntropy:
                {
                    // The label's logit is read before the row is overwritten (the gradient may be z itself).
                    T target = Unsafe.Add(ref z, label);
                    T sum = SoftmaxRow.ExpSum<T, TVector, TWidth>(in z, ref destination, n, max, store: true);
                    SoftmaxRow.Scale<T, TVector, TWidth>(ref destination, n, T.CreateTruncating(double.CreateTruncating(scale) / double.CreateTruncating(sum)));
                    Unsafe.Add(ref destination, label) -= scale;
                    loss = Loss(sum, target, max);
                    break;
                }

            default:
                {
                    T sum = SoftmaxRow.ExpSum<T, TVector, TWidth>(in z, ref destination, n, max, store: false);
                    loss = Loss(sum, Unsafe.Add(ref z, label), max);
                    break;
                }
        }

        return true;
    }

    private static bool RowScalar<T>(ref T z, ref T destination, int n, SoftmaxForm form, int label, T scale, out double loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        loss = 0;
        if (!SoftmaxRow.MaxScalar(in z, n, out T max))
        {
            return false;
        }

        switch (form)
        {
            case SoftmaxForm.Softmax:
                {
                    T sum = SoftmaxRow.ExpSumScalar(in z, ref destination, n, max, store: true);
                    SoftmaxRow.ScaleScalar(ref destination, n, T.One / sum);
                    break;
                }

            case SoftmaxForm.LogSoftmax:
                {
                    T sum = SoftmaxRow.ExpSumScalar(in z, ref destination, n, max, store: false);
                    SoftmaxRow.ShiftScalar(in z, ref destination, n, max, LogOf(sum));
                    break;
                }

            case SoftmaxForm.CrossEntropy:
                {
                    T target = Unsafe.Add(ref z, label);
                    T sum = SoftmaxRow.ExpSumScalar(in z, ref destination, n, max, store: true);
                    SoftmaxRow.ScaleScalar(ref destination, n, T.CreateTruncating(double.CreateTruncating(scale) / double.CreateTruncating(sum)));
                    Unsafe.Add(ref destination, label) -= scale;
                    loss = Loss(sum, target, max);
                    break;
                }

            default:
                {
                    T sum = SoftmaxRow.ExpSumScalar(in z, ref destination, n, max, store: false);
                    loss = Loss(sum, Unsafe.Add(ref z, label), max);
                    break;
                }
        }

        return true;
    }

    /// <summary>log Σ, computed in double and rounded once (Σ ≥ 1: the largest term is e⁰ = 1).</summary>
    private static T LogOf<T>(T sum)
        where T : unmanaged, IFloatingPointIeee754<T>
        => T.CreateTruncating(Math.Log(double.CreateTruncating(sum)));

    /// <summary>The row's cross-entropy log Σ e^(z − M) − (z_label − M), in double from the logits (never log of a rounded probability).</summary>
    private static double Loss<T>(T sum, T target, T max)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Math.Log(double.CreateTruncating(sum)) - (double.CreateTruncating(target) - double.CreateTruncating(max));
}
