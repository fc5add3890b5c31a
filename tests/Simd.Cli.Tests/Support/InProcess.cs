using System.Collections.Generic;
using System.IO;
using Simd.Cli.Bench;
using Simd.Cli.Info;
using Simd.Cli.Training;
using Spectre.Console.Testing;

namespace Simd.Cli.Tests.Support;

/// <summary>Runs the simd command line inside the test process, capturing its console.</summary>
internal static class InProcess
{
    public static CliResult Run(params string[] args) => Run(args, services: null);

    public static CliResult Run(IReadOnlyList<string> args, CliServices? services, bool interactive = false, System.Threading.CancellationToken cancellationToken = default)
    {
        // Wide enough that no table or message wraps, so tests can search for whole phrases.
        using var console = new TestConsole().Width(250);
        if (interactive)
        {
            console.Interactive();
        }

        var error = new StringWriter();
        var cli = new CliConsole(console, console.Profile.Out.Writer, error, interactive);
        int code = SimdApp.Run(args, cli, services ?? CliServices.Default, cancellationToken);
        return new CliResult(code, console.Output, error.ToString());
    }

    public static CliServices With(ITrainer? trainer = null, ICudaProbe? cuda = null, IProcessLauncher? launcher = null, ITrainer? cudaTrainer = null)
    {
        CliServices defaults = CliServices.Default;
        return new CliServices(trainer ?? defaults.Trainer, cudaTrainer ?? defaults.CudaTrainer, cuda ?? defaults.Cuda, launcher ?? defaults.Launcher);
    }
}
