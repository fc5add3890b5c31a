using System;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// Times work on a device's default stream with CUDA events (<c>cuEventRecord</c> before and after, then
/// <c>cuEventElapsedTime</c>), which measures device execution without host launch jitter.
/// </summary>
internal sealed class CudaTimer : IDisposable
{
    private readonly CudaDevice device;
    private readonly nint start;
    private readonly nint stop;

    /// <summary>Creates the two events on <paramref name="device"/>.</summary>
    /// <param name="device">The device.</param>
    public CudaTimer(CudaDevice device)
    {
        this.device = device;
        device.Activate();
        CudaRuntime.Check(CudaDriver.EventCreate(out start, 0), "cuEventCreate");
        CudaRuntime.Check(CudaDriver.EventCreate(out stop, 0), "cuEventCreate");
    }

    /// <summary>Records the start event; work queued afterwards is timed.</summary>
    public void Start()
    {
        device.Activate();
        CudaRuntime.Check(CudaDriver.EventRecord(start, 0), "cuEventRecord");
    }

    /// <summary>Records the stop event, waits for it and returns the milliseconds between the two events.</summary>
    public double StopMilliseconds()
    {
        device.Activate();
        CudaRuntime.Check(CudaDriver.EventRecord(stop, 0), "cuEventRecord");
        CudaRuntime.Check(CudaDriver.EventSynchronize(stop), "cuEventSynchronize");
        CudaRuntime.Check(CudaDriver.EventElapsedTime(out float milliseconds, start, stop), "cuEventElapsedTime");
        return milliseconds;
    }

    /// <summary>Destroys the events.</summary>
    public void Dispose()
    {
        device.Activate();
        _ = CudaDriver.EventDestroy(start);
        _ = CudaDriver.EventDestroy(stop);
    }
}
