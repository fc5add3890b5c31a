using System.Globalization;
using Simd.Learning;
using Spectre.Console;

namespace Simd.Cli.Clustering;

/// <summary>The human-readable result of <c>simd cluster</c>: a table of centroids and sizes, and the inertia.</summary>
internal static class ClusteringReportView
{
    /// <summary>Renders <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, ClusteringReport report)
    {
        KMeansResult<double> result = report.Result;
        var table = new Table().Border(TableBorder.Rounded).Title("Centroids");
        table.AddColumn("Cluster").AddColumn(new TableColumn("Size").RightAligned());
        foreach (string name in report.FeatureNames)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        for (int q = 0; q < result.Centroids.Rows; q++)
        {
            var cells = new string[2 + report.FeatureNames.Count];
            cells[0] = q.ToString(CultureInfo.InvariantCulture);
            cells[1] = result.ClusterSizes[q].ToString(CultureInfo.InvariantCulture);
            System.ReadOnlySpan<double> centroid = result.Centroids.Row(q);
            for (int j = 0; j < centroid.Length; j++)
            {
                cells[2 + j] = Number(centroid[j]);
            }

            table.AddRow(cells);
        }

        console.Write(table);
        string stop = result.Converged
            ? "converged"
            : string.Create(CultureInfo.InvariantCulture, $"stopped at --iterations {report.MaxIterations} before converging");
        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        summary.AddRow("Inertia", Markup.Escape(Number(result.Inertia)));
        summary.AddRow("Iterations", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{result.Iterations} ({stop})")));
        summary.AddRow("Time", report.Seconds.ToString("0.000 's'", CultureInfo.InvariantCulture));
        console.Write(summary);
        console.MarkupLine(Markup.Escape("Centroids rounded to 6 significant digits; --json gives every digit and each row's label."));
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
