using System;
using System.Linq;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>Device memory on a real GPU: round trips, slices, device copies, clearing, and use after dispose.</summary>
public sealed class DeviceBufferGpuTests : GpuTest
{
    [SkippableFact]
    public void Upload_then_download_returns_the_same_bits()
    {
        CudaDevice device = Device;
        double[] values = [1.5, -0.0, double.NaN, double.PositiveInfinity, double.Epsilon, -3e300];
        using var buffer = DeviceBuffer<double>.FromSpan(device, values);

        double[] back = buffer.ToArray();

        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(values.Length, buffer.Length);
        Assert.Equal(values.Length * sizeof(double), buffer.ByteLength);
    }

    [SkippableFact]
    public void Slices_view_the_same_memory_and_copies_stay_on_the_device()
    {
        CudaDevice device = Device;
        float[] values = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        using var buffer = DeviceBuffer<float>.FromSpan(device, values);
        using var copy = DeviceBuffer<float>.Allocate(device, 100);

        using (DeviceBuffer<float> middle = buffer.Slice(10, 5))
        {
            Assert.False(middle.OwnsMemory);
            Assert.Equal([10f, 11, 12, 13, 14], middle.ToArray());
            middle.Upload([-1f, -2f]);
        }

        buffer.CopyTo(copy);
        float[] expected = [.. values];
        expected[10] = -1;
        expected[11] = -2;
        Assert.Equal(expected, copy.ToArray());

        // Disposing the slice freed nothing: the owner is intact.
        Assert.Equal(expected, buffer.ToArray());

        copy.Clear();
        Assert.All(copy.ToArray(), v => Assert.Equal(0f, v));
    }

    [SkippableFact]
    public void Using_a_disposed_buffer_or_a_slice_of_one_throws_ObjectDisposedException()
    {
        CudaDevice device = Device;
        var buffer = DeviceBuffer<float>.Allocate(device, 8);
        DeviceBuffer<float> slice = buffer.Slice(2, 4);
        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.ToArray());
        Assert.Throws<ObjectDisposedException>(() => buffer.Upload([1f]));
        Assert.Throws<ObjectDisposedException>(() => buffer.Slice(0, 1));
        var fromSlice = Assert.Throws<ObjectDisposedException>(() => slice.ToArray());
        Assert.Contains("its owning buffer was disposed", fromSlice.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Bad_ranges_are_rejected_with_the_sizes_involved()
    {
        CudaDevice device = Device;
        using var buffer = DeviceBuffer<float>.Allocate(device, 4);

        Assert.Equal(
            "The source has 5 elements but the device buffer holds 4. (Parameter 'source')",
            Assert.Throws<ArgumentException>(() => buffer.Upload(new float[5])).Message);
        Assert.Equal(
            "The destination has 5 elements but the device buffer holds only 4. (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => buffer.Download(new float[5])).Message);
        using var shorter = DeviceBuffer<float>.Allocate(device, 3);
        Assert.Equal(
            "The destination has 3 elements but this buffer has 4. (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => buffer.CopyTo(shorter)).Message);
        Assert.StartsWith(
            "The slice [3, 5) does not fit in a buffer of 4 elements.",
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(3, 2)).Message,
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_device_reports_plausible_properties()
    {
        CudaDevice device = Device;

        Assert.False(string.IsNullOrWhiteSpace(device.Name));
        Assert.True(device.ComputeCapability.Major >= 3, device.ToString());
        Assert.True(device.MultiprocessorCount > 0, device.ToString());
        Assert.True(device.TotalMemory > 0, device.ToString());
        Assert.Same(device, CudaDevice.Open(0));
    }
}
