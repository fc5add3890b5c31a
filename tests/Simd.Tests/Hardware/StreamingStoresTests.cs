using System;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using Simd.Drivers;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>
/// The processor's default for stores past the caches (<see cref="StreamingStores"/>), by vendor, and the map driver
/// following the default threshold it gives.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamingStoresTests
{
    [Fact]
    public void DefaultThresholdIsNeverOnAmdDesignsAndOneMebibyteElsewhere()
        => Assert.Equal(CpuVendor.IsAmdDesign ? StreamingStores.Never : StreamingStores.FromBytes, StreamingStores.DefaultThresholdBytes);

    [Fact]
    public void MapDriverFollowsTheDefaultThreshold()
    {
        Assert.Equal(StreamingStores.DefaultThresholdBytes, MapDriver.StreamingBytes);

        // Twice the 1 MiB threshold: streamed on a processor that streams, on the vector paths, and never on an AMD design.
        float[] destination = GC.AllocateArray<float>(2 * StreamingStores.FromBytes / sizeof(float), pinned: true);
        var log = new WidthLog();
        var kernel = new RecordingKernel(log, destination: destination);
        MapDriver.Run<float, RecordingKernel>(ref kernel, destination.Length);
        bool vector = SimdHardware.Path != SimdPath.Scalar;
        Assert.Equal(vector && !CpuVendor.IsAmdDesign, log.Streamed > 0);
    }
}
