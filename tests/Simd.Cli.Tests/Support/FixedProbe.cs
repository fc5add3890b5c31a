using Simd.Cli.Info;

namespace Simd.Cli.Tests.Support;

/// <summary>A CUDA probe that always reports <paramref name="status"/>.</summary>
internal sealed class FixedProbe(CudaStatus status) : ICudaProbe
{
    public CudaStatus Probe() => status;
}
