using System;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using Simd.Drivers;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>
/// The processor's default for stores past the caches (<see cref="StreamingStores"/>): the vendor read from
/// <c>cpuid</c>, and the map driver following the default threshold it gives.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamingStoresTests
{
    [Fact]
    public void VendorIsTheOneTheOperatingSystemReports()
    {
        if (!X86Base.IsSupported)
        {
            Assert.False(StreamingStores.IsAmdDesign());
            return;
        }

        // Linux names the vendor cpuid gave it; elsewhere there is no second source to compare with.
        if (!File.Exists("/proc/cpuinfo"))
        {
            return;
        }

        string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("vendor_id", StringComparison.Ordinal));
        Assert.NotNull(line);
        string vendor = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        Assert.Equal(vendor is "AuthenticAMD" or "HygonGenuine", StreamingStores.IsAmdDesign());
    }

    [Fact]
    public void DefaultThresholdIsNeverOnAmdDesignsAndOneMebibyteElsewhere()
        => Assert.Equal(StreamingStores.IsAmdDesign() ? StreamingStores.Never : StreamingStores.FromBytes, StreamingStores.DefaultThresholdBytes);

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
        Assert.Equal(vector && !StreamingStores.IsAmdDesign(), log.Streamed > 0);
    }
}
