using System;
using System.Collections.Generic;

namespace Simd.Cli;

/// <summary>
/// One-letter long options that Spectre.Console.Cli cannot declare (it requires long names of two characters or
/// more): <c>--k</c> of <c>simd cluster</c> is spelled <c>--clusters</c> in its settings and rewritten before parsing,
/// so <c>--k 3</c>, <c>--k=3</c>, <c>-k 3</c> and <c>--clusters 3</c> all work.
/// </summary>
internal static class OptionAliases
{
    /// <summary>Each alias and the option it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--k"] = "--clusters",
    };

    /// <summary><paramref name="args"/> with every alias before a <c>--</c> replaced by the option it stands for.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        bool rest = false;
        foreach (string arg in args)
        {
            rest |= arg == "--";
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? arg[..equals] : arg;
            result.Add(!rest && Names.TryGetValue(name, out string? option) ? option + arg[name.Length..] : arg);
        }

        return result;
    }
}
