using System;
using System.Diagnostics;
using System.IO;

namespace Simd.Cuda.Tests;

/// <summary>Compiles C++ for the host with g++ (no FMA contraction, no fast math) and runs it.</summary>
internal static class HostCompiler
{
    private static readonly Lazy<bool> Present = new(() =>
    {
        try
        {
            using Process p = Process.Start(new ProcessStartInfo("g++", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Why host checks cannot run here, or null.</summary>
    public static string? UnavailableReason => Present.Value ? null : "g++ is not on PATH; install it to run the generated CUDA C on the host.";

    /// <summary>Compiles and runs <paramref name="source"/>; returns its output lines.</summary>
    public static string[] Run(string source)
    {
        string directory = Path.Combine(Path.GetTempPath(), "simd-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string input = Path.Combine(directory, "kernels.cpp");
            string binary = Path.Combine(directory, "kernels");
            File.WriteAllText(input, source);
            Execute("g++", $"-std=c++17 -O1 -ffp-contract=off -fno-fast-math -w -o \"{binary}\" \"{input}\"");
            return Execute(binary, string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Compiles C <paramref name="source"/> into the shared library <paramref name="path"/>, with <paramref name="soname"/> if given.</summary>
    public static void SharedLibrary(string source, string path, string? soname = null)
    {
        string input = path + ".c";
        File.WriteAllText(input, source);
        Execute("g++", $"-x c -shared -fPIC -w {(soname is null ? string.Empty : $"-Wl,-soname,{soname} ")}-o \"{path}\" \"{input}\"");
        File.Delete(input);
    }

    private static string Execute(string program, string arguments)
    {
        using Process process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        // Both pipes at once: a compiler that fills the error pipe while nobody reads it would wait forever.
        System.Threading.Tasks.Task<string> errorsRead = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        string errors = errorsRead.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}):\n{errors}");
        }

        return output;
    }
}
