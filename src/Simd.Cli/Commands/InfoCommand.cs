using System.Globalization;
using System.Linq;
using System.Threading;
using Simd.Cli.Info;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli.Commands;

/// <summary><c>simd info</c>: which vector path runs here and why, the cores, and CUDA.</summary>
internal sealed class InfoCommand(CliConsole console, ICudaProbe cuda) : Command<InfoSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, InfoSettings settings, CancellationToken cancellationToken)
    {
        MachineReport report = MachineReport.Collect(cuda);
        if (settings.Json)
        {
            MachineReportJson.Write(console.Raw, report);
            return ExitCodes.Success;
        }

        IAnsiConsole output = console.Out;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Vector path[/]", $"[green]{Markup.Escape(report.PathDescription)}[/] — every kernel shape takes it");
        grid.AddRow("CPU offers", report.CpuFeatures is null ? "(CPUID not readable with hardware intrinsics disabled)" : Markup.Escape(string.Join(' ', report.CpuFeatures)));
        grid.AddRow("This process uses", report.ProcessFeatures.Count == 0 ? "no vector instructions" : Markup.Escape(string.Join(' ', report.ProcessFeatures)));
        grid.AddRow("FMA", report.FusedMultiplyAdd ? "yes" : "no");
        grid.AddRow("Vector<T>", string.Create(CultureInfo.InvariantCulture, $"{report.VectorTBits} bits"));
        grid.AddRow(
            "Runtime knobs",
            report.RuntimeKnobs.Count == 0
                ? "none set (DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0, DOTNET_EnableHWIntrinsic=0 or DOTNET_MaxVectorTBitWidth=512 change the path)"
                : Markup.Escape(string.Join(' ', report.RuntimeKnobs)) + " [yellow](changed the path or cores)[/]");
        grid.AddRow("Cores", string.Create(CultureInfo.InvariantCulture, $"{report.ProcessorCount} (used by parallel kernels)"));
        grid.AddRow("Runtime", Markup.Escape($"{report.Runtime}, {report.Architecture}, {report.OperatingSystem}"));
        grid.AddRow("CUDA", Markup.Escape(DescribeCuda(report.Cuda)));
        output.Write(grid);
        output.WriteLine();

        var table = new Table().Border(TableBorder.Rounded).Title("Kernel shapes and the path each takes here");
        table.AddColumn("Kernel shape").AddColumn("Driver").AddColumn("Path").AddColumn(new TableColumn("float lanes").RightAligned()).AddColumn(new TableColumn("double lanes").RightAligned());
        foreach (KernelShape shape in report.KernelShapes)
        {
            table.AddRow(
                Markup.Escape(shape.Shape),
                shape.Driver,
                shape.Path,
                shape.FloatLanes.ToString(CultureInfo.InvariantCulture),
                shape.DoubleLanes.ToString(CultureInfo.InvariantCulture));
        }

        output.Write(table);
        output.MarkupLine("[grey]Inputs shorter than one vector take the next narrower width, down to the scalar loop.[/]");
        return ExitCodes.Success;
    }

    private static string DescribeCuda(CudaStatus cuda)
    {
        if (!cuda.Available)
        {
            return cuda.Reason;
        }

        string memory = cuda.TotalMemoryBytes is long bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes / (1024.0 * 1024 * 1024):F1} GiB") : string.Empty;
        return $"{cuda.DeviceName}{memory}";
    }
}
