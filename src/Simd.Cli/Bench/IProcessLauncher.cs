using System.Collections.Generic;

namespace Simd.Cli.Bench;

/// <summary>Starts a child process that shares this one's console: the seam that lets tests check <c>bench --full</c> without running it.</summary>
internal interface IProcessLauncher
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and waits.</summary>
    /// <returns>The child's exit code.</returns>
    int Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory);
}
