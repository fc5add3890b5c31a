using System.IO;
using Spectre.Console;

namespace Simd.Cli;

/// <summary>
/// Where a run of <c>simd</c> writes: rich output (tables, progress) to <see cref="Out"/>, machine output
/// (JSON) to <see cref="Raw"/> so it is never wrapped or styled, and error messages to <see cref="Error"/>.
/// Tests pass their own writers; <see cref="Program"/> passes the process's console.
/// </summary>
/// <param name="Out">The console tables and help are rendered to.</param>
/// <param name="Raw">Unstyled standard output (the same stream as <paramref name="Out"/>).</param>
/// <param name="Error">Standard error: one line per problem, no stack traces.</param>
/// <param name="Interactive">Whether a person watches the output, so a live progress bar makes sense.</param>
internal sealed record CliConsole(IAnsiConsole Out, TextWriter Raw, TextWriter Error, bool Interactive)
{
    /// <summary>Whether "cancelled" has been reported, so it is said once.</summary>
    public bool ReportedCancellation { get; set; }
}
