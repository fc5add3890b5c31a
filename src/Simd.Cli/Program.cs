using System;
using System.Text;
using Spectre.Console;

namespace Simd.Cli;

/// <summary>Entry point of the <c>simd</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0 success, 1 bad usage, 2 bad data, 3 training diverged).</summary>
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
        return SimdApp.Run(args, console, CliServices.Default);
    }
}
