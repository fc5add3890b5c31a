using System;

namespace Simd.Cli.Data;

/// <summary>
/// Input data that cannot be used, located as <c>source:line:column</c> (1-based) so an editor can jump to it.
/// Reported on standard error with exit code <see cref="ExitCodes.BadData"/>.
/// </summary>
internal sealed class DataFormatException : Exception
{
    /// <summary>Creates the error for a position in <paramref name="source"/>.</summary>
    public DataFormatException(string source, int line, int column, string problem)
        : base($"{source}:{line}:{column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the error for a problem of the data as a whole (no single cell to point at).</summary>
    public DataFormatException(string source, string problem)
        : base($"{source}: {problem}")
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file name (or the embedded data set's name).</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the problem; 0 when it concerns the data as a whole.</summary>
    public int Line { get; }

    /// <summary>The 1-based character column of the problem; 0 when it concerns the data as a whole.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
