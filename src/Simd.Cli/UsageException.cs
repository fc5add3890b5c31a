using System;

namespace Simd.Cli;

/// <summary>A command line that parses but asks for something impossible: exit code <see cref="ExitCodes.BadUsage"/>.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Creates the error; <paramref name="message"/> names the option and says what to do instead.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
