using System.Collections.Generic;

namespace Simd.Learning;

/// <summary>The outcome of <see cref="KMeans"/>: the centroids, each row's cluster and the objective.</summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class KMeansResult<T>
    where T : unmanaged
{
    internal KMeansResult(T[] centroids, int clusters, int features, int[] labels, int[] clusterSizes, double inertia, int iterations, bool converged)
    {
        Centroids = new ReadOnlyMatrixView<T>(centroids, clusters, features);
        Labels = labels;
        ClusterSizes = clusterSizes;
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The k × n centroids; cluster j started from initial centroid j.</summary>
    public ReadOnlyMatrixView<T> Centroids { get; }

    /// <summary>The 0-based cluster of every row of the data.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The number of rows in each cluster (the counts of <see cref="Labels"/>).</summary>
    public IReadOnlyList<int> ClusterSizes { get; }

    /// <summary>Σᵢ ‖xᵢ − μ(labelᵢ)‖², each term computed in <typeparamref name="T"/> and summed in double, as scikit-learn's <c>inertia_</c>.</summary>
    public double Inertia { get; }

    /// <summary>The number of Lloyd iterations run, as scikit-learn's <c>n_iter_</c>.</summary>
    public int Iterations { get; }

    /// <summary>Whether the iterations stopped on unchanged labels or the tolerance rather than on <see cref="KMeansOptions.MaxIterations"/>.</summary>
    public bool Converged { get; }
}
