namespace Simd.Cli.Info;

/// <summary>Looks for a usable CUDA device: the seam between the CLI and Simd.Cuda.</summary>
internal interface ICudaProbe
{
    /// <summary>Probes device 0; never throws.</summary>
    /// <returns>What was found, with the reason when nothing usable was.</returns>
    CudaStatus Probe();
}
