using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Simd.Cli.Clustering;
using Simd.Cli.Data;
using Simd.Hardware;
using Simd.Learning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary><c>simd cluster</c>: k-means of a CSV file's rows, from k-means++ or given initial centroids.</summary>
internal sealed class ClusterCommand(CliConsole console) : Command<ClusterSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ClusterSettings settings, CancellationToken cancellationToken)
    {
        int k = settings.K!.Value;
        DataSet data = DataSet.ReadFeaturesFile(settings.Data!);
        if (data.Rows < k)
        {
            throw new DataFormatException(data.Source, Invariant($"{data.Rows} rows, but --k is {k}: k-means needs at least one row per cluster"));
        }

        DataSet? init = settings.Init is string initFile ? ReadInit(initFile, data, k) : null;
        cancellationToken.ThrowIfCancellationRequested();
        if (!settings.Json)
        {
            string start = init is null ? Invariant($"k-means++ seeding with seed {settings.Seed ?? 0}") : $"initial centroids from {init.Source}";
            console.Out.MarkupLine(Markup.Escape(Invariant($"k-means on {data.Source}: {data.Rows} rows, {data.FeatureCount} features, k = {k}; {start}, {SimdHardware.Path} path.")));
        }

        var options = new KMeansOptions { MaxIterations = settings.Iterations, Seed = settings.Seed ?? 0 };
        var x = new ReadOnlyMatrixView<double>(data.Features, data.Rows, data.FeatureCount);
        var clock = Stopwatch.StartNew();
        KMeansResult<double> result = init is null
            ? KMeans.Fit(x, k, options)
            : KMeans.Fit(x, new ReadOnlyMatrixView<double>(init.Features, init.Rows, init.FeatureCount), options);
        double seconds = clock.Elapsed.TotalSeconds;
        var report = new ClusteringReport(data.Source, data.Rows, data.FeatureNames, init?.Source, settings.Seed ?? 0, settings.Iterations, result, seconds, SimdHardware.Path.ToString());
        if (settings.Json)
        {
            ClusteringReportJson.Write(console.Raw, report);
        }
        else
        {
            ClusteringReportView.Write(console.Out, report);
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads the initial centroids: a header row, then <paramref name="k"/> rows with the data's number of columns.</summary>
    private static DataSet ReadInit(string path, DataSet data, int k)
    {
        DataSet init = DataSet.ReadFeaturesFile(path);
        if (init.FeatureCount != data.FeatureCount)
        {
            throw new DataFormatException(
                path, 1, 1, Invariant($"{init.FeatureCount} columns, but {data.Source} has {data.FeatureCount}: give one column per feature of the data, in its order"));
        }

        if (init.Rows != k)
        {
            throw new DataFormatException(path, Invariant($"{init.Rows} centroid rows, but --k is {k}: give one row per cluster after the header"));
        }

        return init;
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
