using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>
/// Squared Euclidean distances from rows to centroids, and each row's nearest centroid, computed from the
/// differences Σⱼ (xᵢⱼ − μₖⱼ)² with the vector lanes running across rows rather than along a row.
/// </summary>
/// <remarks>
/// <para>A block of <c>4 · lanes</c> rows is first copied transposed into a small buffer (feature j of the block's rows
/// contiguous), so that one vector holds feature j of <c>lanes</c> rows. For each centroid the kernel then broadcasts
/// μₖⱼ and accumulates (x − μ)² into four independent vectors, one per quarter of the block, feature by feature; a
/// running minimum and its centroid index stay in registers, so the nearest centroid needs no distance matrix.
/// The work per row and centroid is one subtract and one multiply-add per feature in vector lanes, however short
/// the rows are, where a per-pair loop pays a call and a horizontal sum per pair.</para>
/// <para>Each distance is summed over j = 0, 1, …, n − 1 in order (one multiply-add per term, fused where the
/// hardware has FMA), the same for every row whatever block or lane it falls in; so results do not depend on how
/// the rows are split. Because the differences are formed first there is no cancellation: a distance is never
/// negative and is exactly 0 for a row equal to a centroid, and it is within γ(n + 2) of the exact value (relative).</para>
/// </remarks>
internal static class CentroidKernels
{
    /// <summary>Vectors per block: four independent accumulators hide the multiply-add latency.</summary>
    private const int VectorsPerBlock = 4;

    /// <summary>Buffers up to this many bytes live on the stack; larger ones are rented.</summary>
    private const int StackBytes = 16 * 1024;

    /// <summary>
    /// labels[i] = argminₖ ‖xᵢ − μₖ‖² (lowest k on ties) and distances[i] = that minimum, for every row of
    /// <paramref name="x"/>; shapes are validated by the caller.
    /// </summary>
    public static void Nearest<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, Span<int> labels, Span<T> distances)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The vector lanes carry the centroid index as a T, exact up to 2²⁴ in float.
        Width width = typeof(T) == typeof(float) && centroids.Rows > (1 << 24) ? Width.Scalar : WidthChoice.For<T>((nuint)x.Rows);
        switch (width)
        {
            case Width.VectorT:
                Nearest<T, Vector<T>, WidthVector<T>>(x, centroids, labels, distances);
                break;
            case Width.V512:
                Nearest<T, Vector512<T>, Width512<T>>(x, centroids, labels, distances);
                break;
            case Width.V256:
                Nearest<T, Vector256<T>, Width256<T>>(x, centroids, labels, distances);
                break;
            case Width.V128:
                Nearest<T, Vector128<T>, Width128<T>>(x, centroids, labels, distances);
                break;
            default:
                NearestScalar(x, centroids, labels, distances);
                break;
        }
    }

    /// <summary>destination[i, k] = ‖xᵢ − μₖ‖²; shapes are validated by the caller.</summary>
    public static void Distances<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (WidthChoice.For<T>((nuint)x.Rows))
        {
            case Width.VectorT:
                Distances<T, Vector<T>, WidthVector<T>>(x, centroids, destination);
                break;
            case Width.V512:
                Distances<T, Vector512<T>, Width512<T>>(x, centroids, destination);
                break;
            case Width.V256:
                Distances<T, Vector256<T>, Width256<T>>(x, centroids, destination);
                break;
            case Width.V128:
                Distances<T, Vector128<T>, Width128<T>>(x, centroids, destination);
                break;
            default:
                DistancesScalar(x, centroids, destination);
                break;
        }
    }

    /// <summary>‖xᵢ − μ‖² in the kernel's order (j = 0, 1, …), one multiply-add per term: the scalar form of one lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SquaredDistance<T>(ReadOnlySpan<T> row, ReadOnlySpan<T> centroid)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int j = 0; j < row.Length; j++)
        {
            T d = row[j] - centroid[j];
            sum = Width1<T>.MultiplyAdd(d, d, sum);
        }

        return sum;
    }

    private static void Nearest<T, TVector, TWidth>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, Span<int> labels, Span<T> distances)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int lanes = (int)TWidth.Count;
        int block = VectorsPerBlock * lanes;
        int n = x.Columns;
        int k = centroids.Rows;
        int bufferLength = (n * block) + (2 * block);
        T[]? rented = null;
        Span<T> buffer = bufferLength * Unsafe.SizeOf<T>() <= StackBytes
            ? stackalloc T[bufferLength]
            : (rented = ArrayPool<T>.Shared.Rent(bufferLength)).AsSpan(0, bufferLength);
        Span<T> transposed = buffer[..(n * block)];
        Span<T> best = buffer.Slice(n * block, block);
        Span<T> index = buffer.Slice((n * block) + block, block);
        ReadOnlySpan<T> c = centroids.Memory.Span;
        ref T t0 = ref MemoryMarshal.GetReference(transposed);
        TVector infinity = TWidth.Broadcast(T.PositiveInfinity);
        for (int start = 0; start < x.Rows; start += block)
        {
            int count = Math.Min(block, x.Rows - start);
            Transpose(x, start, count, transposed, block);
            TVector b0 = infinity, b1 = infinity, b2 = infinity, b3 = infinity;
            TVector i0 = TWidth.Zero, i1 = TWidth.Zero, i2 = TWidth.Zero, i3 = TWidth.Zero;
            for (int q = 0; q < k; q++)
            {
                ReadOnlySpan<T> mu = c.Slice(q * centroids.Stride, n);
                BlockDistances<T, TVector, TWidth>(in t0, mu, block, out TVector d0, out TVector d1, out TVector d2, out TVector d3);

                TVector label = TWidth.Broadcast(T.CreateTruncating(q));
                TVector closer = TWidth.LessThan(d0, b0);
                b0 = TWidth.ConditionalSelect(closer, d0, b0);
                i0 = TWidth.ConditionalSelect(closer, label, i0);
                closer = TWidth.LessThan(d1, b1);
                b1 = TWidth.ConditionalSelect(closer, d1, b1);
                i1 = TWidth.ConditionalSelect(closer, label, i1);
                closer = TWidth.LessThan(d2, b2);
                b2 = TWidth.ConditionalSelect(closer, d2, b2);
                i2 = TWidth.ConditionalSelect(closer, label, i2);
                closer = TWidth.LessThan(d3, b3);
                b3 = TWidth.ConditionalSelect(closer, d3, b3);
                i3 = TWidth.ConditionalSelect(closer, label, i3);
            }

            ref T bestRef = ref MemoryMarshal.GetReference(best);
            ref T indexRef = ref MemoryMarshal.GetReference(index);
            TWidth.Store(b0, ref bestRef, 0);
            TWidth.Store(b1, ref bestRef, (nuint)lanes);
            TWidth.Store(b2, ref bestRef, (nuint)(2 * lanes));
            TWidth.Store(b3, ref bestRef, (nuint)(3 * lanes));
            TWidth.Store(i0, ref indexRef, 0);
            TWidth.Store(i1, ref indexRef, (nuint)lanes);
            TWidth.Store(i2, ref indexRef, (nuint)(2 * lanes));
            TWidth.Store(i3, ref indexRef, (nuint)(3 * lanes));
            for (int p = 0; p < count; p++)
            {
                // A distance that overflowed to +∞ never compares below the initial +∞: it goes to centroid 0, as the scalar loop does.
                labels[start + p] = int.CreateTruncating(index[p]);
                distances[start + p] = best[p];
            }
        }

        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The squared distances of the block's points (transposed: feature j of the block's points at <c>j · block</c>)
    /// to one centroid <paramref name="mu"/>, as four vectors of points, one multiply-add per feature and vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockDistances<T, TVector, TWidth>(ref readonly T t0, ReadOnlySpan<T> mu, int block, out TVector d0, out TVector d1, out TVector d2, out TVector d3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        nuint lanes = TWidth.Count;
        d0 = TWidth.Zero;
        d1 = TWidth.Zero;
        d2 = TWidth.Zero;
        d3 = TWidth.Zero;
        nuint offset = 0;
        for (int j = 0; j < mu.Length; j++, offset += (nuint)block)
        {
            TVector m = TWidth.Broadcast(mu[j]);
            TVector e0 = TWidth.Subtract(TWidth.Load(in t0, offset), m);
            TVector e1 = TWidth.Subtract(TWidth.Load(in t0, offset + lanes), m);
            TVector e2 = TWidth.Subtract(TWidth.Load(in t0, offset + (2 * lanes)), m);
            TVector e3 = TWidth.Subtract(TWidth.Load(in t0, offset + (3 * lanes)), m);
            d0 = TWidth.MultiplyAdd(e0, e0, d0);
            d1 = TWidth.MultiplyAdd(e1, e1, d1);
            d2 = TWidth.MultiplyAdd(e2, e2, d2);
            d3 = TWidth.MultiplyAdd(e3, e3, d3);
        }
    }

    private static void Distances<T, TVector, TWidth>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
    {
        int lanes = (int)TWidth.Count;
        int block = VectorsPerBlock * lanes;
        int n = x.Columns;
        int bufferLength = (n * block) + block;
        T[]? rented = null;
        Span<T> buffer = bufferLength * Unsafe.SizeOf<T>() <= StackBytes
            ? stackalloc T[bufferLength]
            : (rented = ArrayPool<T>.Shared.Rent(bufferLength)).AsSpan(0, bufferLength);
        Span<T> transposed = buffer[..(n * block)];
        Span<T> result = buffer.Slice(n * block, block);
        ReadOnlySpan<T> c = centroids.Memory.Span;
        Span<T> target = destination.Memory.Span;
        ref T t0 = ref MemoryMarshal.GetReference(transposed);
        ref T r0 = ref MemoryMarshal.GetReference(result);
        for (int start = 0; start < x.Rows; start += block)
        {
            int count = Math.Min(block, x.Rows - start);
            Transpose(x, start, count, transposed, block);
            for (int q = 0; q < centroids.Rows; q++)
            {
                ReadOnlySpan<T> mu = c.Slice(q * centroids.Stride, n);
                BlockDistances<T, TVector, TWidth>(in t0, mu, block, out TVector d0, out TVector d1, out TVector d2, out TVector d3);

                TWidth.Store(d0, ref r0, 0);
                TWidth.Store(d1, ref r0, (nuint)lanes);
                TWidth.Store(d2, ref r0, (nuint)(2 * lanes));
                TWidth.Store(d3, ref r0, (nuint)(3 * lanes));
                for (int p = 0; p < count; p++)
                {
                    target[((start + p) * destination.Stride) + q] = result[p];
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>transposed[j · block + p] = x[start + p, j] for p &lt; count, and 0 for the lanes past the last row.</summary>
    /// <remarks>
    /// Feature by feature (the rows read with a stride, the buffer written in order): writing each row across the
    /// buffer instead puts n stores a buffer row apart in flight, which stalls the stores once n reaches a few dozen.
    /// </remarks>
    private static void Transpose<T>(ReadOnlyMatrixView<T> x, int start, int count, Span<T> transposed, int block)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> data = x.Memory.Span;
        int n = x.Columns;
        if (n == 0)
        {
            return;
        }

        // Row start + p, column j is at first + p·stride + j: inside the view, which was validated when it was made.
        ref readonly T first = ref data[start * x.Stride];
        ref T target = ref MemoryMarshal.GetReference(transposed);
        nuint stride = (nuint)x.Stride;
        for (int j = 0; j < n; j++)
        {
            ref readonly T column = ref Unsafe.Add(ref Unsafe.AsRef(in first), j);
            ref T destination = ref Unsafe.Add(ref target, j * block);
            for (int p = 0; p < count; p++)
            {
                Unsafe.Add(ref destination, p) = Unsafe.Add(ref Unsafe.AsRef(in column), (nuint)p * stride);
            }
        }

        if (count < block)
        {
            for (int j = 0; j < n; j++)
            {
                transposed.Slice((j * block) + count, block - count).Clear();
            }
        }
    }

    private static void NearestScalar<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, Span<int> labels, Span<T> distances)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            int nearest = 0;
            T least = T.PositiveInfinity;
            for (int q = 0; q < centroids.Rows; q++)
            {
                T d = SquaredDistance(row, centroids.Row(q));
                if (d < least)
                {
                    (nearest, least) = (q, d);
                }
            }

            labels[i] = nearest;
            distances[i] = least;
        }
    }

    private static void DistancesScalar<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<T> row = x.Row(i);
            Span<T> target = destination.Row(i);
            for (int q = 0; q < centroids.Rows; q++)
            {
                target[q] = SquaredDistance(row, centroids.Row(q));
            }
        }
    }
}
