using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Simd.Cli.Commands;
using Spectre.Console.Cli;

namespace Simd.Cli;

/// <summary>
/// Checks the values of options before Spectre.Console.Cli parses them, so that every bad value is reported with
/// the option's name: a value-taking option given none (<c>simd train --alpha</c>, <c>--alpha --json</c>), a
/// number that does not parse (<c>--alpha abc</c>, <c>--iterations 1.5</c>), or <c>-</c> (standard input, which
/// no option reads). Spectre reports these as a failed conversion of an internal name or "Option does not have a
/// name", which tells a person nothing.
/// </summary>
internal static class OptionValues
{
    private static readonly Dictionary<string, Type> ValueOptions = new[] { typeof(InfoSettings), typeof(TrainSettings), typeof(BenchSettings), typeof(EvalSettings), typeof(ClusterSettings) }
        .SelectMany(t => t.GetProperties())
        .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
        .Where(p => p.Option is not null && p.Option.ValueName is not null)
        .SelectMany(p => p.Option!.LongNames.Select(n => (Name: "--" + n, p.Property.PropertyType)))
        .DistinctBy(p => p.Name)
        .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.Ordinal)
        .WithAliases();

    /// <summary>The problem with the first bad option value in <paramref name="args"/>, or <see langword="null"/>.</summary>
    public static string? Problem(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                return null; // the rest belongs to BenchmarkDotNet
            }

            string option = args[i];
            string? value = null;
            int equals = option.IndexOf('=', StringComparison.Ordinal);
            if (option.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = option[(equals + 1)..];
                option = option[..equals];
            }

            if (!ValueOptions.TryGetValue(option, out Type? type))
            {
                continue;
            }

            if (value is null)
            {
                if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return $"{option} needs a value";
                }

                value = args[++i];
            }

            if (Invalid(option, value, type) is string problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Invalid(string option, string value, Type declared)
    {
        Type type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (value == "-")
        {
            return $"{option} -: standard input is not read; give a file name or a value";
        }

        if (type == typeof(double) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return $"{option} needs a number (like 0.1 or 1e-3), got '{value}'";
        }

        if (type == typeof(int) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && Math.Floor(number) == number
                ? $"{option} needs a whole number up to {int.MaxValue}, got '{value}'"
                : $"{option} needs a whole number, got '{value}'";
        }

        return null;
    }

    /// <summary>Adds every alias of <see cref="OptionAliases"/> with the type of the option it stands for, so its value is checked under the name typed.</summary>
    private static Dictionary<string, Type> WithAliases(this Dictionary<string, Type> options)
    {
        foreach ((string alias, string option) in OptionAliases.Names)
        {
            options[alias] = options[option];
        }

        return options;
    }
}
