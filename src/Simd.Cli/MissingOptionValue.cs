using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Simd.Cli.Commands;
using Spectre.Console.Cli;

namespace Simd.Cli;

/// <summary>
/// Finds an option that takes a value but was given none (<c>simd train --alpha</c>, <c>--alpha --json</c>).
/// Spectre.Console.Cli reports these as a failed conversion of an internal name, which tells a person nothing;
/// this check names the option instead.
/// </summary>
internal static class MissingOptionValue
{
    private static readonly HashSet<string> ValueOptions = new[] { typeof(InfoSettings), typeof(TrainSettings), typeof(BenchSettings), typeof(EvalSettings) }
        .SelectMany(t => t.GetProperties())
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
        .Where(a => a is not null && a.ValueName is not null)
        .SelectMany(a => a!.LongNames.Select(n => "--" + n))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The first value-taking option in <paramref name="args"/> not followed by a value, or <see langword="null"/>.</summary>
    public static string? Find(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                return null; // the rest belongs to BenchmarkDotNet
            }

            if (ValueOptions.Contains(args[i]) && (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                return args[i];
            }
        }

        return null;
    }
}
