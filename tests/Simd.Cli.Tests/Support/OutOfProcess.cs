using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Simd.Cli.Tests.Support;

/// <summary>Runs the built CLI as a child process: <c>dotnet Simd.Cli.dll …</c> from the test output directory.</summary>
internal static class OutOfProcess
{
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Simd.Cli.dll");

    public static CliResult Run(params string[] args) => Run(args, environment: null);

    public static CliResult Run(IEnumerable<string> args, IDictionary<string, string>? environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"simd {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
