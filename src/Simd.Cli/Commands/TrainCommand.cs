using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Simd.Cli.Data;
using Simd.Cli.Plot;
using Simd.Cli.Training;
using Simd.Hardware;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary><c>simd train</c>: fit linear, logistic or softmax regression to a CSV file and report weights, cost and time.</summary>
internal sealed class TrainCommand(CliConsole console, CliServices services) : Command<TrainSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        TrainingOptions options = settings.ToOptions();
        ITrainer trainer = settings.UseCuda ? services.CudaTrainer : services.Trainer;
        if (settings.UseCuda && services.Cuda.Probe() is { Available: false } cuda)
        {
            // Before the data is read and anything printed: without a device there is nothing to do.
            throw new UsageException($"--device cuda: {cuda.Reason}");
        }

        if (settings.Plot is not null)
        {
            // Before training: an unwritable --plot must not throw away a finished model.
            RequireWritable(settings.Plot);
        }

        DataSet data = Load(settings);
        if (options.Model == ModelKind.Logistic)
        {
            data.RequireBinaryTarget();
        }

        string classes = string.Empty;
        if (options.Model == ModelKind.Softmax)
        {
            classes = Invariant($" ({data.ClassLabels().Classes} classes)");
        }

        bool showProgress = console.Interactive && !settings.Json;
        if (!settings.Json)
        {
            if (settings.Data is null)
            {
                console.Out.MarkupLine($"No --data given: training on the embedded {Markup.Escape(EmbeddedData.DiabetesDescription)}.");
            }

            string what = Invariant($"{OptionNames.Of(options.Model)} regression on {data.Source}: {data.Rows} rows, {data.FeatureCount} features, target '{data.TargetName}'{classes}");
            string where = settings.UseCuda ? "on the GPU" : $"{SimdHardware.Path} path";
            string how = $"{OptionNames.Of(options.Solver)} solver, {OptionNames.Of(options.Precision)}, {OptionNames.Of(options.Scaling)} scaling, {where}";
            console.Out.MarkupLine(Markup.Escape($"{what}; {how}."));
        }

        var clock = Stopwatch.StartNew();
        TrainingResult result = showProgress
            ? TrainWithProgress(trainer, data, options, cancellationToken)
            : trainer.Train(data, options, null, cancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;

        ConfusionMatrix? confusion = result.Softmax is { } softmax ? ConfusionMatrix.Of(softmax) : null;
        double? accuracy = options.Model == ModelKind.Logistic ? Accuracy.Of(data, result.Weights, result.Bias) : confusion?.Accuracy;
        var report = new TrainingReport(options, settings.UseCuda ? "cuda" : "cpu", data.Source, data.Rows, data.FeatureNames, data.TargetName, result, seconds, accuracy, SimdHardware.Path.ToString(), confusion);

        if (settings.Json)
        {
            // The plot first: if it fails after all, the error is then the only JSON object on standard output.
            if (settings.Plot is not null)
            {
                WritePlot(settings.Plot, report);
            }

            TrainingReportJson.Write(console.Raw, report);
        }
        else
        {
            // The model first: a plot that fails after all (it was checked before training) loses nothing.
            TrainingReportView.Write(console.Out, report);
            if (settings.Plot is not null)
            {
                WritePlot(settings.Plot, report);
                console.Out.MarkupLine($"Learning curve written to [bold]{Markup.Escape(settings.Plot)}[/].");
            }
        }

        return ExitCodes.Success;
    }

    private static DataSet Load(TrainSettings settings)
    {
        if (settings.Data is null)
        {
            using TextReader embedded = EmbeddedData.OpenDiabetes();
            return DataSet.Read(embedded, EmbeddedData.DiabetesName, settings.Target, EmbeddedData.OpenDiabetes);
        }

        return DataSet.ReadFile(settings.Data, settings.Target);
    }

    private TrainingResult TrainWithProgress(ITrainer trainer, DataSet data, TrainingOptions options, CancellationToken cancellationToken)
    {
        int total = options.Solver == SolverKind.GradientDescent ? options.Iterations : 1;
        return console.Out.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                ProgressTask task = progress.AddTask("training", maxValue: total);

                // Refreshing the description costs a string per call: do it at most every 50 ms, not every update.
                var sinceRefresh = Stopwatch.StartNew();
                TrainingResult result = trainer.Train(
                    data,
                    options,
                    (iteration, cost) =>
                    {
                        if (sinceRefresh.ElapsedMilliseconds >= 50 || iteration == total)
                        {
                            task.Value = iteration;
                            task.Description = Invariant($"iteration {iteration}, cost {cost:G6}");
                            sinceRefresh.Restart();
                        }
                    },
                    cancellationToken);
                task.Value = total;
                return result;
            });
    }

    /// <summary>Throws the --plot error now if <paramref name="path"/> cannot be created or written; leaves no file behind.</summary>
    private static void RequireWritable(string path)
    {
        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--plot: cannot write '{path}': {e.Message}");
        }
    }

    private static void WritePlot(string path, TrainingReport report)
    {
        string title = $"Learning curve: {OptionNames.Of(report.Options.Model)} regression on {report.DataSource}";
        string settings = Invariant($"{OptionNames.Of(report.Options.Solver)}{(report.Options.Optimizer is null ? "" : " (" + report.Options.Optimizer.Name + ")")}, alpha {report.Options.Alpha}, {OptionNames.Of(report.Options.Scaling)} scaling, {OptionNames.Of(report.Options.Precision)}");
        string subtitle = Invariant($"{settings}, {report.Result.Iterations} updates, final cost {report.Cost:G6}");
        try
        {
            using FileStream file = File.Create(path);
            LearningCurveSvg.Write(file, report.Result.CostHistory, title, subtitle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plot: cannot write '{path}': {e.Message}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
