using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Simd.Cli.Data;
using Simd.Cli.Evaluation;
using Simd.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary><c>simd eval</c>: score a file of predictions against reference files with ROUGE (rouge-score) or BLEU (sacreBLEU).</summary>
internal sealed class EvalCommand(CliConsole console) : Command<EvalSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        string predictionsFile = settings.Predictions!;
        string[] referenceFiles = settings.ReferenceFiles;
        List<string> predictions = TextLines.Read(predictionsFile);
        var streams = new List<string>[referenceFiles.Length];
        for (int k = 0; k < streams.Length; k++)
        {
            streams[k] = TextLines.Read(referenceFiles[k]);
            if (streams[k].Count != predictions.Count)
            {
                throw new DataFormatException(
                    referenceFiles[k],
                    Invariant($"{streams[k].Count} lines, but {predictionsFile} has {predictions.Count}: give one reference per prediction, line by line"));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        EvaluationReport report = settings.IsRouge
            ? ScoreRouge(settings, predictionsFile, referenceFiles, predictions, streams)
            : new EvaluationReport("bleu", predictionsFile, referenceFiles, predictions.Count, null, null, false, Bleu.Corpus(predictions, streams, settings.ToBleuOptions()));

        if (settings.Json)
        {
            EvaluationReportJson.Write(console.Raw, report);
        }
        else if (report.Rouge is not null)
        {
            WriteRouge(report);
        }
        else
        {
            WriteBleu(report);
        }

        return ExitCodes.Success;
    }

    private static EvaluationReport ScoreRouge(EvalSettings settings, string predictionsFile, string[] referenceFiles, List<string> predictions, List<string>[] streams)
    {
        if (settings.SentenceSeparator is string separator)
        {
            Separate(predictions, separator);
            foreach (List<string> stream in streams)
            {
                Separate(stream, separator);
            }
        }

        RougeCorpusScores corpus = new RougeScorer(settings.Stem).ScoreCorpus(predictions, streams);
        RougeConfidence? confidence = settings.Bootstrap > 0 ? corpus.Bootstrap(settings.Bootstrap, 0.95, settings.Seed) : null;
        return new EvaluationReport("rouge", predictionsFile, referenceFiles, predictions.Count, corpus.Mean, confidence, settings.Stem, null);
    }

    private static void Separate(List<string> texts, string separator)
    {
        for (int i = 0; i < texts.Count; i++)
        {
            texts[i] = texts[i].Replace(separator, "\n", System.StringComparison.Ordinal);
        }
    }

    private void WriteRouge(EvaluationReport report)
    {
        console.Out.MarkupLine(Markup.Escape(Invariant(
            $"ROUGE of {report.Predictions}: mean over {report.Lines} texts{(report.References.Count > 1 ? $", best of {report.References.Count} references" : string.Empty)}{(report.UseStemmer ? ", stemmed" : string.Empty)}.")));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Measure").AddColumn(new TableColumn("Precision").RightAligned()).AddColumn(new TableColumn("Recall").RightAligned()).AddColumn(new TableColumn("F-measure").RightAligned());
        if (report.Confidence is not null)
        {
            table.AddColumn(new TableColumn("F 95% low").RightAligned()).AddColumn(new TableColumn("F 95% high").RightAligned());
        }

        (string Name, RougeScore Score)[] means = report.Rouge!.ToArray();
        for (int m = 0; m < means.Length; m++)
        {
            (string name, RougeScore score) = means[m];
            var cells = new List<string> { name, Fixed(score.Precision, 4), Fixed(score.Recall, 4), Fixed(score.FMeasure, 4) };
            if (report.Confidence is RougeConfidence c)
            {
                cells.Add(Fixed(c.Low.ToArray()[m].Score.FMeasure, 4));
                cells.Add(Fixed(c.High.ToArray()[m].Score.FMeasure, 4));
            }

            table.AddRow(cells.ToArray());
        }

        console.Out.Write(table);
        string bootstrap = report.Confidence is RougeConfidence confidence ? Invariant($" Bootstrap: {confidence.Samples} resamples, seed {confidence.Seed}.") : string.Empty;
        console.Out.MarkupLine(Markup.Escape($"Fractions in [0, 1], rounded as Python's '.4f'; --json gives every digit.{bootstrap}"));
    }

    private void WriteBleu(EvaluationReport report)
    {
        BleuScore bleu = report.Bleu!;
        // The line sacreBLEU's command line prints (-f text), unwrapped.
        console.Raw.WriteLine(bleu.Format(1));
        console.Raw.Flush();
        console.Out.MarkupLine(Markup.Escape(Invariant($"BLEU of {report.Predictions}: {report.Lines} segments, {report.References.Count} reference{(report.References.Count > 1 ? "s" : string.Empty)} each.")));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Statistic").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("BLEU", Fixed(bleu.Score, 2));
        for (int n = 0; n < bleu.Precisions.Count; n++)
        {
            table.AddRow(Invariant($"{n + 1}-gram precision (%)"), Invariant($"{Fixed(bleu.Precisions[n], 2)} ({bleu.Counts[n]}/{bleu.Totals[n]})"));
        }

        table.AddRow("Brevity penalty", Fixed(bleu.BrevityPenalty, 4));
        table.AddRow("Length ratio", Fixed(bleu.Ratio, 4));
        table.AddRow("Hypothesis words", bleu.SystemLength.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Reference words", bleu.ReferenceLength.ToString(CultureInfo.InvariantCulture));
        console.Out.Write(table);
        console.Out.MarkupLine(Markup.Escape($"Signature: {bleu.Signature}. --json gives every digit."));
    }

    /// <summary><paramref name="value"/> with <paramref name="digits"/> decimals, rounded as Python's format() rounds.</summary>
    private static string Fixed(double value, int digits) => PythonText.Fixed(value, digits);

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
