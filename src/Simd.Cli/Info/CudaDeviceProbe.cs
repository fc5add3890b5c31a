using System;
using Simd.Cuda;

namespace Simd.Cli.Info;

/// <summary>Asks Simd.Cuda for the default device (ordinal 0, or <c>SIMD_CUDA_DEVICE</c>).</summary>
internal sealed class CudaDeviceProbe : ICudaProbe
{
    /// <inheritdoc/>
    public CudaStatus Probe()
    {
        try
        {
            if (CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason))
            {
                // Opening a device needs both the driver and NVRTC, so both were found.
                return new CudaStatus(true, device.ToString(), true, true, device.Name, device.TotalMemory);
            }

            // The reason says which of driver, cuInit, device or NVRTC is missing; which libraries loaded is not public.
            return new CudaStatus(false, reason, null, null, null, null);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return new CudaStatus(false, $"CUDA is not available: {e.Message}", null, null, null, null);
        }
    }
}
