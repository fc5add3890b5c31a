using System.Text.Json;
using Simd.Cli.Output;
using Simd.Learning;

namespace Simd.Cli.Clustering;

/// <summary>The <c>simd cluster --json</c> document; its fields are documented in docs/cli.md and stable.</summary>
internal static class ClusteringReportJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON object.</summary>
    public static void Write(System.IO.TextWriter output, ClusteringReport report) => Json.Write(output, json =>
    {
        KMeansResult<double> result = report.Result;
        json.WriteStartObject();
        json.WriteString("data", report.DataSource);
        json.WriteNumber("rows", report.Rows);
        Json.WriteStrings(json, "features", report.FeatureNames);
        json.WriteNumber("k", result.Centroids.Rows);
        // Exactly one of the two is set: the initial centroids file, or the k-means++ seed.
        if (report.InitSource is string init)
        {
            json.WriteString("init", init);
            json.WriteNull("seed");
        }
        else
        {
            json.WriteNull("init");
            json.WriteNumber("seed", report.Seed);
        }

        json.WriteNumber("maxIterations", report.MaxIterations);
        json.WriteString("simdPath", report.SimdPath);
        json.WriteStartArray("centroids");
        for (int q = 0; q < result.Centroids.Rows; q++)
        {
            json.WriteStartArray();
            foreach (double value in result.Centroids.Row(q))
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteInts(json, "sizes", result.ClusterSizes);
        WriteInts(json, "labels", result.Labels);
        json.WriteNumber("inertia", result.Inertia);
        json.WriteNumber("iterations", result.Iterations);
        json.WriteBoolean("converged", result.Converged);
        json.WriteNumber("seconds", report.Seconds);
        json.WriteEndObject();
    });

    private static void WriteInts(Utf8JsonWriter json, string name, System.Collections.Generic.IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (int value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
