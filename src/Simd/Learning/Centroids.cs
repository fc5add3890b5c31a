using System;
using System.Buffers;
using System.Numerics;
using Simd.Learning.Kernels;

namespace Simd.Learning;

/// <summary>
/// The assignment step of k-means clustering: squared Euclidean distances ‖xᵢ − μₖ‖² = Σⱼ (xᵢⱼ − μₖⱼ)² from every
/// row to every centroid, and each row's nearest centroid.
/// </summary>
/// <remarks>
/// <para>Distances are summed from the differences, not expanded as ‖x‖² − 2x·μ + ‖μ‖², which cancels
/// catastrophically for points close to a centroid; so a distance is never negative and is exactly 0 for
/// a row equal to a centroid. Each is summed over the features in order, j = 0, 1, …, n − 1, one multiply-add
/// per term (fused where the hardware has FMA), within γ(n + 2) = (n + 2)u/(1 − (n + 2)u) of the exact value
/// relatively; the result for a row does not depend on the other rows.</para>
/// <para>The vector lanes run across rows: blocks of rows are transposed into a small buffer and each
/// vector accumulates one feature of several rows, so short rows (two features and up) vectorise as well as
/// long ones, and the nearest centroid is kept in registers without a distance matrix.</para>
/// </remarks>
public static class Centroids
{
    /// <summary>destination[i, k] = ‖xᵢ − μₖ‖².</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n rows.</param>
    /// <param name="centroids">The k×n centroids μ, k ≥ 1.</param>
    /// <param name="destination">An m×k matrix sharing no element with <paramref name="x"/> or <paramref name="centroids"/>.</param>
    /// <exception cref="ArgumentException">The shapes disagree, there are no centroids, the destination shares elements with an input, or an input holds NaN/∞ (row and column are named).</exception>
    public static void SquaredDistances<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, MatrixView<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(x, centroids);
        LearningArguments.RequireMatrixShape(destination, x.Rows, centroids.Rows, nameof(destination));
        Overlap.RequireSeparate(x, nameof(x), destination, nameof(destination));
        Overlap.RequireSeparate(centroids, nameof(centroids), destination, nameof(destination));
        CentroidKernels.Distances(x, centroids, destination);
    }

    /// <summary>
    /// assignments[i] = argminₖ ‖xᵢ − μₖ‖² (the lowest k on ties), and returns the k-means objective
    /// Σᵢ minₖ ‖xᵢ − μₖ‖² in double.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n rows.</param>
    /// <param name="centroids">The k×n centroids μ, k ≥ 1.</param>
    /// <param name="assignments">Receives m centroid indices.</param>
    /// <returns>The sum of each row's squared distance to its nearest centroid.</returns>
    /// <exception cref="ArgumentException">The shapes disagree, there are no centroids, or an input holds NaN/∞ (row and column are named).</exception>
    public static double AssignNearest<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids, Span<int> assignments)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(x, centroids);
        LearningArguments.RequireLength(assignments.Length, x.Rows, nameof(assignments), "one per row of x");
        T[] nearest = ArrayPool<T>.Shared.Rent(x.Rows);
        try
        {
            Span<T> distances = nearest.AsSpan(0, x.Rows);
            CentroidKernels.Nearest(x, centroids, assignments, distances);
            double total = 0;
            foreach (T d in distances)
            {
                total += double.CreateTruncating(d);
            }

            return total;
        }
        finally
        {
            ArrayPool<T>.Shared.Return(nearest);
        }
    }

    private static void Validate<T>(ReadOnlyMatrixView<T> x, ReadOnlyMatrixView<T> centroids)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        if (centroids.Rows == 0)
        {
            throw new ArgumentException("'centroids' has no rows; at least one centroid is needed.", nameof(centroids));
        }

        if (centroids.Columns != x.Columns)
        {
            throw new ArgumentException(
                $"'centroids' has {centroids.Columns} columns but 'x' has {x.Columns}; both must have one column per feature.", nameof(centroids));
        }

        LearningArguments.RequireFinite(x, nameof(x));
        LearningArguments.RequireFinite(centroids, nameof(centroids));
    }
}
