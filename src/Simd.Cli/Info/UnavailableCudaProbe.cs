namespace Simd.Cli.Info;

/// <summary>The CUDA probe of a build without CUDA support: always reports it unavailable.</summary>
internal sealed class UnavailableCudaProbe : ICudaProbe
{
    /// <summary>The reason given.</summary>
    public const string Reason = "not available in this build";

    /// <inheritdoc/>
    public CudaStatus Probe() => new(false, Reason, null, null, null, null);
}
