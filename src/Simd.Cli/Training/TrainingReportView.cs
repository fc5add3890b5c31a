using System.Collections.Generic;
using System.Globalization;
using Spectre.Console;

namespace Simd.Cli.Training;

/// <summary>The human-readable result of <c>simd train</c>: a table of weights and a summary of the run.</summary>
internal static class TrainingReportView
{
    /// <summary>Renders <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, TrainingReport report)
    {
        TrainingResult result = report.Result;
        if (result.Softmax is { } softmax)
        {
            console.Write(ClassWeights(report, softmax.Weights, softmax.Bias, softmax.Classes, "Trained model (original units)"));
            console.Write(ClassWeights(report, softmax.ScaledWeights, softmax.ScaledBias, softmax.Classes, $"Trained model ({OptionNames.Of(report.Options.Scaling)}-scaled)"));
        }
        else
        {
            console.Write(Weights(report));
        }

        if (result.CostHistory.Count > 2)
        {
            console.Write(LearningCurve(result));
        }

        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        summary.AddRow("Cost", Markup.Escape($"{Number(result.CostHistory[0])} before training → {Number(report.Cost)} after"));
        summary.AddRow("Updates", result.Iterations.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("Time", report.Seconds.ToString("0.000 's'", CultureInfo.InvariantCulture));
        if (report.Accuracy is double accuracy)
        {
            summary.AddRow("Training accuracy", accuracy.ToString("P2", CultureInfo.InvariantCulture));
        }

        console.Write(summary);
        if (report.Confusion is { } confusion)
        {
            console.Write(Confusion(confusion));
        }
    }

    /// <summary>One row per feature and the bias, one column per class.</summary>
    private static Table ClassWeights(TrainingReport report, IReadOnlyList<double> weights, IReadOnlyList<double> bias, int classes, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("Parameter");
        for (int k = 0; k < classes; k++)
        {
            table.AddColumn(new TableColumn(Invariant($"class {k}")).RightAligned());
        }

        var cells = new string[classes + 1];
        for (int j = 0; j < report.FeatureNames.Count; j++)
        {
            cells[0] = Markup.Escape(report.FeatureNames[j]);
            for (int k = 0; k < classes; k++)
            {
                cells[k + 1] = Number(weights[(j * classes) + k]);
            }

            table.AddRow(cells);
        }

        cells[0] = "[italic]bias[/]";
        for (int k = 0; k < classes; k++)
        {
            cells[k + 1] = Number(bias[k]);
        }

        table.AddRow(cells);
        return table;
    }

    /// <summary>Rows: the true class; columns: the predicted class.</summary>
    private static Table Confusion(ConfusionMatrix confusion)
    {
        int classes = confusion.Counts.Count;
        var table = new Table().Border(TableBorder.Rounded).Title("Confusion matrix (rows: true class)");
        table.AddColumn(string.Empty);
        for (int k = 0; k < classes; k++)
        {
            table.AddColumn(new TableColumn(Invariant($"predicted {k}")).RightAligned());
        }

        var cells = new string[classes + 1];
        for (int i = 0; i < classes; i++)
        {
            cells[0] = Invariant($"true {i}");
            for (int k = 0; k < classes; k++)
            {
                cells[k + 1] = confusion.Counts[i][k].ToString(CultureInfo.InvariantCulture);
            }

            table.AddRow(cells);
        }

        return table;
    }

    private static Table Weights(TrainingReport report)
    {
        TrainingResult result = report.Result;
        var table = new Table().Border(TableBorder.Rounded).Title("Trained model");
        table.AddColumn("Parameter")
            .AddColumn(new TableColumn("Weight (original units)").RightAligned())
            .AddColumn(new TableColumn($"Weight ({OptionNames.Of(report.Options.Scaling)}-scaled)").RightAligned());
        for (int j = 0; j < report.FeatureNames.Count; j++)
        {
            table.AddRow(Markup.Escape(report.FeatureNames[j]), Number(result.Weights[j]), Number(result.ScaledWeights[j]));
        }

        table.AddRow("[italic]bias[/]", Number(result.Bias), Number(result.ScaledBias));
        return table;
    }

    /// <summary>The cost at iterations 0, 1, 2, 5, 10, 20, 50… and the last: the learning curve in the terminal.</summary>
    private static BarChart LearningCurve(TrainingResult result)
    {
        var chart = new BarChart()
            .Label("[bold]Learning curve[/] (cost after each number of updates)")
            .Width(72)
            .UseValueFormatter(Number);
        int last = result.CostHistory.Count - 1;
        var iterations = new List<int> { 0 };
        for (int decade = 1; decade <= last; decade *= 10)
        {
            foreach (int step in new[] { 1, 2, 5 })
            {
                if (step * decade < last)
                {
                    iterations.Add(step * decade);
                }
            }
        }

        iterations.Add(last);
        foreach (int k in iterations)
        {
            chart.AddItem(k.ToString(CultureInfo.InvariantCulture), result.CostHistory[k], Color.SteelBlue);
        }

        return chart;
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
