using System;

namespace Simd.Cli.Training;

/// <summary>Gradient descent diverged: reported with exit code <see cref="ExitCodes.Diverged"/>.</summary>
internal sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the error with the library's explanation.</summary>
    public TrainingDivergedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
