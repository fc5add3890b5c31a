using System;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics.X86;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>The vendor read from <c>cpuid</c> (<see cref="CpuVendor"/>), against the one the operating system reports.</summary>
public sealed class CpuVendorTests
{
    [Fact]
    public void VendorIsTheOneTheOperatingSystemReports()
    {
        if (!X86Base.IsSupported)
        {
            Assert.False(CpuVendor.IsAmdDesign);
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
        Assert.Equal(vendor is "AuthenticAMD" or "HygonGenuine", CpuVendor.IsAmdDesign);
    }
}
