using System;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>Tests that set SIMD_CUDA_DEVICE; they run alone because the environment is process-wide.</summary>
[CollectionDefinition(nameof(DeviceSelectionTests), DisableParallelization = true)]
public sealed class DeviceSelectionCollection
{
}

/// <summary>How <see cref="CudaDevice.Default"/> picks its ordinal.</summary>
[Collection(nameof(DeviceSelectionTests))]
public sealed class DeviceSelectionTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("2", 2)]
    public void The_default_ordinal_comes_from_SIMD_CUDA_DEVICE_or_is_zero(string? value, int expected)
    {
        string? saved = Environment.GetEnvironmentVariable(CudaDevice.DeviceVariable);
        try
        {
            Environment.SetEnvironmentVariable(CudaDevice.DeviceVariable, value);
            Assert.Equal(expected, CudaDevice.DefaultOrdinal());
        }
        finally
        {
            Environment.SetEnvironmentVariable(CudaDevice.DeviceVariable, saved);
        }
    }

    [Theory]
    [InlineData("gpu1")]
    [InlineData("-1")]
    public void A_bad_SIMD_CUDA_DEVICE_is_explained(string value)
    {
        string? saved = Environment.GetEnvironmentVariable(CudaDevice.DeviceVariable);
        try
        {
            Environment.SetEnvironmentVariable(CudaDevice.DeviceVariable, value);
            var error = Assert.Throws<CudaUnavailableException>(() => CudaDevice.DefaultOrdinal());
            Assert.Equal($"SIMD_CUDA_DEVICE='{value}' is not a device ordinal: set it to a non-negative integer such as 0, or unset it.", error.Message);

            Assert.False(CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason));
            Assert.Null(device);
            Assert.Equal(error.Message, reason);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CudaDevice.DeviceVariable, saved);
        }
    }
}
