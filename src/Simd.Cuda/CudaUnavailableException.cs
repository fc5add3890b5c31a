using System;

namespace Simd.Cuda;

/// <summary>
/// CUDA was asked for but cannot run here. <see cref="Exception.Message"/> says exactly what is missing: the
/// driver library (and the names tried), a failing <c>cuInit</c>, no device, a device ordinal out of range,
/// or the NVRTC library.
/// </summary>
public sealed class CudaUnavailableException : Exception
{
    /// <summary>Creates the exception with the reason CUDA cannot run.</summary>
    /// <param name="reason">What is missing, as <see cref="CudaDevice.TryOpen(int, out CudaDevice?, out string)"/> reports it.</param>
    public CudaUnavailableException(string reason)
        : base(reason)
    {
    }
}
