using System;
using System.Diagnostics;
using System.IO;

namespace Simd.Cuda.Tests;

/// <summary>Compiles CUDA C to PTX with clang-14 exactly as CI does, without CUDA headers or libdevice.</summary>
internal static class ClangCuda
{
    public const string Compiler = "clang-14";

    private static readonly Lazy<string?> CompilerPath = new(() => FindOnPath(Compiler));

    /// <summary>Why PTX tests cannot run here, or null.</summary>
    public static string? UnavailableReason
        => CompilerPath.Value is null ? $"{Compiler} is not on PATH; install it (apt-get install clang-14) to check the CUDA C templates." : null;

    /// <summary>Compiles <paramref name="source"/>; returns the PTX, or throws with clang's diagnostics.</summary>
    public static string CompileToPtx(string source, string name)
    {
        string directory = Path.Combine(Path.GetTempPath(), "simd-cuda-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string input = Path.Combine(directory, name + ".cu");
            string output = Path.Combine(directory, name + ".ptx");
            File.WriteAllText(input, source);
            var start = new ProcessStartInfo(CompilerPath.Value!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "-x", "cuda", "--cuda-device-only", "--cuda-gpu-arch=sm_80", "-nocudainc", "-nocudalib", "-S", "-Werror", "-o", output, input })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            string errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Compiler} failed ({process.ExitCode}) on {name}:{Environment.NewLine}{errors}{Environment.NewLine}--- source ---{Environment.NewLine}{source}");
            }

            return File.ReadAllText(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? FindOnPath(string program)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, program);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
