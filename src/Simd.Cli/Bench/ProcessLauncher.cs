using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;

namespace Simd.Cli.Bench;

/// <summary>Starts real processes, inheriting standard input, output and error.</summary>
internal sealed class ProcessLauncher : IProcessLauncher
{
    /// <inheritdoc/>
    public int Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start) ?? throw new UsageException($"could not start '{fileName}'");
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception e)
        {
            throw new UsageException($"could not start '{fileName}': {e.Message}");
        }
    }
}
