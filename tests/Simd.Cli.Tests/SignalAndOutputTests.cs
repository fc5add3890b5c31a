using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>The real process under Ctrl+C (SIGINT) and with a standard output that cannot be written (Linux).</summary>
public sealed class SignalAndOutputTests
{
    [SkippableFact]
    public async Task Sigint_cancels_through_the_token_says_cancelled_and_exits_with_130()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // kill -INT and /dev/full are Linux; the token path itself is covered in process by TrainErrorTests
        }

        // A process started with SIGINT ignored (a background job of a non-interactive shell, nohup) passes that on to
        // its children, and the runtime keeps an inherited "ignore": the CLI then cannot see the signal at all.
        Skip.If(SigintIgnored(), "SIGINT is ignored in this test process (started in the background?), so the CLI it starts cannot receive it");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string arg in new[] { OutOfProcess.CliAssembly, "train", "--iterations", "2000000000", "--tolerance", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();

        // The first line is printed after the handler is installed and before training starts.
        string? first = await process.StandardOutput.ReadLineAsync();
        Assert.NotNull(first);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("simd train did not stop within a minute of SIGINT");
        }

        string stdout = await output, stderr = await error;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{stdout}\n{stderr}");
        Assert.Equal("simd: cancelled", stderr.Trim());
    }

    /// <summary>Whether this process ignores SIGINT (bit 1 of the SigIgn mask in /proc/self/status).</summary>
    private static bool SigintIgnored()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out ulong mask)
            && (mask & 0x2) != 0;
    }

    [Fact]
    public void A_full_standard_output_is_one_line_on_standard_error_and_exit_74()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/full"))
        {
            return;
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{OutOfProcess.CliAssembly}' info --json > /dev/full");
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.True(process.ExitCode == 74, $"exit {process.ExitCode}\n{error}");
        Assert.StartsWith("simd: cannot write the output: No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
