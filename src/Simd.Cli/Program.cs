using System;
using System.Text;
using System.Threading;
using Spectre.Console;

namespace Simd.Cli;

/// <summary>Entry point of the <c>simd</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0 success, 1 bad usage, 2 bad data, 3 training diverged, 130 Ctrl+C).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var console = new CliConsole(
            AnsiConsole.Console,
            Console.Out,
            Console.Error,
            Interactive: !Console.IsOutputRedirected);

        // The first Ctrl+C cancels through the token (the command stops between updates, says "cancelled",
        // restores the cursor and exits with 130); a second one ends the process at once.
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return SimdApp.Run(args, console, CliServices.Default, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
