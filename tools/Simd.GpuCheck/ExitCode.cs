namespace Simd.GpuCheck;

/// <summary>The process exit codes, distinct so a script can tell "no GPU here" from "wrong answers".</summary>
internal static class ExitCode
{
    /// <summary>Every check passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one device result differed from the CPU beyond its bound.</summary>
    public const int Mismatch = 1;

    /// <summary>CUDA cannot run on this machine (the reason is printed): the run has failed.</summary>
    public const int NoGpu = 2;

    /// <summary>A group of checks threw: a CUDA call failed or the check itself broke (the exception is printed).</summary>
    public const int Error = 3;

    /// <summary>The command line was not understood.</summary>
    public const int Usage = 64;
}
