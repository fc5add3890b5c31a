using System;

namespace Simd.Learning;

/// <summary>The settings of <see cref="KMeans"/>: the stopping rule of Lloyd's iterations, the seed of k-means++ and the thread limit.</summary>
/// <remarks>The defaults are scikit-learn's (<c>KMeans(max_iter=300, tol=1e-4)</c>).</remarks>
public sealed class KMeansOptions
{
    /// <summary>The most Lloyd iterations (assignment + centroid update), ≥ 1. Default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// The relative tolerance on the centroid shift, finite and ≥ 0, as scikit-learn's <c>tol</c>: iterations stop once
    /// Σₖ ‖μₖ(new) − μₖ(old)‖² ≤ <c>Tolerance</c> × (the mean over the features of the population variance of the
    /// data's columns). They also stop, whatever the tolerance, when an assignment leaves every label unchanged.
    /// 0 stops on unchanged labels only. Default 1e-4.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The seed of the k-means++ seeding (any value; the same seed gives the same centroids for every thread count, and on every machine whose vector path rounds the distances alike — multiply-adds fused or not). Default 0. Not used when initial centroids are given.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The most threads one pass over the data may use; −1 (the default) means all cores. Results are
    /// bit-identical for every value: the rows are split into chunks that depend only on the data's shape, and
    /// the chunks' sums are added in chunk order.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, $"The number of iterations must be ≥ 1; it is {MaxIterations}.");
        }

        if (!double.IsFinite(Tolerance) || Tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"The tolerance must be finite and ≥ 0; it is {Tolerance}.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "The thread limit must be −1 (all cores) or ≥ 1.");
        }
    }
}
