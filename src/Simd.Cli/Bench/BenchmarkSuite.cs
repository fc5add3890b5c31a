using System;
using System.Collections.Generic;
using System.IO;

namespace Simd.Cli.Bench;

/// <summary>Finds the BenchmarkDotNet suite (bench/Simd.Benchmarks) in a Simd source tree.</summary>
internal static class BenchmarkSuite
{
    /// <summary>The project path relative to the source tree's root.</summary>
    public static readonly string RelativeProject = Path.Combine("bench", "Simd.Benchmarks", "Simd.Benchmarks.csproj");

    /// <summary>The command a person runs from the root of a source tree.</summary>
    public const string Command = "dotnet run -c Release --project bench/Simd.Benchmarks";

    /// <summary>
    /// The root of the source tree holding the suite: <paramref name="source"/> when given (and it holds the suite),
    /// otherwise the first of the current directory, the program's directory and their parents that holds it.
    /// </summary>
    /// <returns>The root, or <see langword="null"/> when no source tree is found.</returns>
    public static string? FindRoot(string? source)
    {
        if (source is not null)
        {
            return File.Exists(Path.Combine(source, RelativeProject)) ? Path.GetFullPath(source) : null;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RelativeProject)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>dotnet</c> arguments that run the suite in <paramref name="root"/>, passing <paramref name="suiteArguments"/> on to BenchmarkDotNet.</summary>
    public static List<string> Arguments(string root, IEnumerable<string> suiteArguments)
    {
        var arguments = new List<string> { "run", "-c", "Release", "--project", Path.Combine(root, "bench", "Simd.Benchmarks"), "--" };
        arguments.AddRange(suiteArguments);
        return arguments;
    }
}
