using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Simd.Cli.Bench;
using Simd.Hardware;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary><c>simd bench</c>: a quick Stopwatch comparison, or the BenchmarkDotNet suite with <c>--full</c>.</summary>
internal sealed class BenchCommand(CliConsole console, IProcessLauncher launcher) : Command<BenchSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> passOn = context.Remaining.Raw;
        if (settings.Full)
        {
            return RunSuite(settings.Source, passOn);
        }

        if (passOn.Count > 0)
        {
            throw new UsageException($"arguments after -- ('{string.Join(' ', passOn)}') go to BenchmarkDotNet and need --full");
        }

        if (settings.Source is not null)
        {
            throw new UsageException("--source only applies with --full");
        }

        if (!BuildConfiguration.IsOptimized)
        {
            // A warning, not an error: the command still works, but the numbers say little.
            console.Error.WriteLine("simd: warning: this is a Debug build, so the JIT does not optimise the timed code; use 'dotnet run -c Release --project src/Simd.Cli -- bench'.");
        }

        var warmup = TimeSpan.FromMilliseconds(settings.WarmupMilliseconds);
        List<BenchRow> rows;
        bool settled = true;
        if (console.Interactive && !settings.Json)
        {
            rows = console.Out.Status().Start("Timing dot…", status =>
                QuickBench.Run(settings.Repetitions, warmup, out settled, done => status.Status($"Timed {done}…")));
        }
        else
        {
            rows = QuickBench.Run(settings.Repetitions, warmup, out settled);
        }

        double spread = rows.Max(r => r.MaxSpread);
        bool noisy = spread > QuickBench.NoisySpread;
        if (noisy)
        {
            console.Error.WriteLine(Invariant(
                $"simd: warning: the machine was noisy: the timed batches of one implementation varied by up to {spread * 100:F0}% (interquartile range); the ratios may be off. Close other programs, or raise --repetitions."));
        }

        if (!settled)
        {
            console.Error.WriteLine(Invariant(
                $"simd: warning: the JIT was still compiling after the warm-up (+{Timing.MaxExtraWarmup.TotalSeconds:F0} s); the first numbers may include unoptimised code. Raise --warmup."));
        }

        if (settings.Json)
        {
            BenchJson.Write(console.Raw, rows, settings.Repetitions, settings.WarmupMilliseconds, settled, noisy);
        }
        else
        {
            WriteTable(rows, settings.Repetitions);
        }

        return ExitCodes.Success;
    }

    private int RunSuite(string? source, IReadOnlyList<string> passOn)
    {
        string? root = BenchmarkSuite.FindRoot(source);
        if (root is null)
        {
            string where = source is null
                ? "no Simd source tree was found in the current directory, the program's directory or their parents"
                : $"'{source}' does not hold {BenchmarkSuite.RelativeProject}";
            throw new UsageException(
                $"--full runs the BenchmarkDotNet suite, which ships with the source, not with the tool: {where}. " +
                $"Clone the Simd repository and run '{BenchmarkSuite.Command}' in it, or pass --source DIR.");
        }

        List<string> arguments = BenchmarkSuite.Arguments(root, passOn);
        console.Out.MarkupLine($"Running the BenchmarkDotNet suite: [bold]dotnet {Markup.Escape(string.Join(' ', arguments))}[/]");
        return launcher.Run("dotnet", arguments, root);
    }

    private void WriteTable(List<BenchRow> rows, int repetitions)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Invariant($"Median time per call ± spread of the batches, float, {SimdHardware.Path} path ({repetitions} interleaved batches after warm-up)"));
        table.AddColumn("Operation")
            .AddColumn(new TableColumn("Scalar\nloop").RightAligned())
            .AddColumn(new TableColumn("Tensor-\nPrimitives").RightAligned())
            .AddColumn(new TableColumn("Simd").RightAligned())
            .AddColumn(new TableColumn("Simd vs\nscalar").RightAligned())
            .AddColumn(new TableColumn("Simd vs\nTensorP.").RightAligned());
        foreach (BenchRow row in rows)
        {
            table.AddRow(
                Label(row),
                Time(row.Scalar),
                Time(row.TensorPrimitives),
                Time(row.Simd),
                $"[green]{Ratio(row.ScalarNanoseconds / row.SimdNanoseconds)}[/]",
                Ratio(row.TensorPrimitivesNanoseconds / row.SimdNanoseconds));
        }

        console.Out.Write(table);
        console.Out.MarkupLine("[grey]N× = Simd is N times faster (the other's time / Simd's time); ±: interquartile range of the batches.[/]");
        console.Out.MarkupLine(Markup.Escape($"GD step: Simd runs {QuickBench.FusedStep}; the scalar loop and TensorPrimitives run a Dot and an Axpy per row.").Insert(0, "[grey]") + "[/]");
        console.Out.MarkupLine("[grey]Quick Stopwatch numbers for a first look; 'simd bench --full' runs BenchmarkDotNet.[/]");
    }

    private static string Label(BenchRow row) => row.Operation switch
    {
        "dot" => $"Dot, n = {row.Size}",
        "axpy" => $"Axpy, n = {row.Size}",
        _ => $"GD step, {row.Size.Replace('x', '×')}",
    };

    private static string Time(Measurement measurement) => Invariant($"{Time(measurement.MedianNanoseconds)} ±{measurement.Spread * 100:F0}%");

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => Invariant($"{nanoseconds:F0} ns"),
        < 1_000_000 => Invariant($"{nanoseconds / 1_000:F2} µs"),
        _ => Invariant($"{nanoseconds / 1_000_000:F2} ms"),
    };

    private static string Ratio(double ratio) => Invariant($"{ratio:F1}×");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
