using System.Collections.Generic;
using Simd.Learning;

namespace Simd.Cli.Clustering;

/// <summary>What <c>simd cluster</c> reports: where the data and the start came from, and the k-means result.</summary>
/// <param name="DataSource">The data file.</param>
/// <param name="Rows">The number of data rows.</param>
/// <param name="FeatureNames">The data's header names.</param>
/// <param name="InitSource">The initial centroids file, or <see langword="null"/> for k-means++.</param>
/// <param name="Seed">The k-means++ seed (0 when <paramref name="InitSource"/> is given).</param>
/// <param name="MaxIterations">The iteration limit.</param>
/// <param name="Result">The clustering.</param>
/// <param name="Seconds">The time the fit took.</param>
/// <param name="SimdPath">The vector path of this process.</param>
internal sealed record ClusteringReport(
    string DataSource,
    int Rows,
    IReadOnlyList<string> FeatureNames,
    string? InitSource,
    int Seed,
    int MaxIterations,
    KMeansResult<double> Result,
    double Seconds,
    string SimdPath);
