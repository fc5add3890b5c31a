namespace Simd.Cli;

/// <summary>The process exit codes of <c>simd</c>; documented in docs/cli.md and stable.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int BadUsage = 1;

    /// <summary>The input data could not be used: unreadable file, non-numeric cell, ragged row, missing column.</summary>
    public const int BadData = 2;

    /// <summary>Gradient descent diverged (the cost became infinite or NaN): lower <c>--alpha</c> or scale the features.</summary>
    public const int Diverged = 3;

    /// <summary>The output could not be written (standard output closed or full): 74, EX_IOERR of sysexits.h.</summary>
    public const int OutputError = 74;

    /// <summary>Interrupted (Ctrl+C) before the command finished: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>A defect in <c>simd</c> itself (an unexpected exception): the message asks to report it.</summary>
    public const int InternalError = 70;
}
