using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary>The CLI packs as a .NET tool that installs and runs. Slow (a Release build and a restore): filter it with Category=Pack.</summary>
public sealed class PackTests
{
    [Fact]
    [Trait("Category", "Pack")]
    public void Pack_install_and_run_the_tool()
    {
        string root = SourceRoot();
        using var packages = new TempDirectory();
        using var tools = new TempDirectory();

        Run("dotnet", root, "pack", Path.Combine(root, "src", "Simd.Cli"), "-o", packages.Path);
        Assert.True(File.Exists(Path.Combine(packages.Path, "Simd.Tool.0.1.0.nupkg")), "the package should be named after PackageId and Version");

        Run("dotnet", root, "tool", "install", "--tool-path", tools.Path, "--add-source", packages.Path, "Simd.Tool");
        string simd = Path.Combine(tools.Path, OperatingSystem.IsWindows() ? "simd.exe" : "simd");
        Assert.True(File.Exists(simd), "the tool's command is 'simd'");

        string output = Run(simd, tools.Path, "info");
        Assert.Contains("Vector path", output);
    }

    private static string SourceRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Simd.Cli", "Simd.Cli.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The pack test needs the source tree above the test output directory.");
    }

    private static string Run(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), $"{fileName} {string.Join(' ', args)} timed out");
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', args)} exited with {process.ExitCode}\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}
