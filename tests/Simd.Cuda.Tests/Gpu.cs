using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>The device GPU tests run on: ordinal 0, or the test is skipped with the reason CUDA cannot run.</summary>
internal static class Gpu
{
    public static CudaDevice Require()
    {
        bool opened = CudaDevice.TryOpen(0, out CudaDevice? device, out string reason);
        Skip.IfNot(opened, $"No GPU: {reason}");
        return device!;
    }
}
