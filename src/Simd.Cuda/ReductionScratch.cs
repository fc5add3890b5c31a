using System.Collections.Generic;

namespace Simd.Cuda;

/// <summary>
/// Per-device memory for reduction partials and the final value, allocated once. Reductions on one device
/// take its lock, so concurrent callers queue rather than overwrite each other's partials.
/// </summary>
internal sealed class ReductionScratch
{
    /// <summary>
    /// The most blocks a reduction launches, so the most partials: 8192 blocks of 256 threads are several waves on
    /// any current GPU (an H200 holds about 1000 such blocks at once), so the last wave's idle SMs cost a few per cent.
    /// </summary>
    public const int MaxBlocks = 8192;

    private static readonly Dictionary<int, ReductionScratch> PerDevice = [];
    private static readonly object Gate = new();

    private ReductionScratch(CudaDevice device)
    {
        // Sized for double: MaxBlocks partials plus one result slot.
        Memory = DeviceBuffer<double>.Allocate(device, MaxBlocks + 1);
    }

    /// <summary>The memory: partials at element 0…, the result at element <see cref="MaxBlocks"/> (in units of the element type).</summary>
    public DeviceBuffer<double> Memory { get; }

    /// <summary>The scratch of <paramref name="device"/>; lock it while using it.</summary>
    /// <param name="device">The device.</param>
    public static ReductionScratch For(CudaDevice device)
    {
        lock (Gate)
        {
            if (!PerDevice.TryGetValue(device.Ordinal, out ReductionScratch? scratch))
            {
                scratch = new ReductionScratch(device);
                PerDevice.Add(device.Ordinal, scratch);
            }

            return scratch;
        }
    }
}
