using System;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The device GPU tests run on: ordinal 0, or the test is skipped with the reason CUDA cannot run — or, with
/// <c>SIMD_REQUIRE_GPU=1</c> (set where a GPU is expected), fails with that reason instead, so a machine whose
/// GPU, driver or NVRTC was not found cannot pass by skipping every GPU test.
/// </summary>
internal static class Gpu
{
    /// <summary>The environment variable that turns every GPU skip into a failure.</summary>
    public const string RequireVariable = "SIMD_REQUIRE_GPU";

    public static CudaDevice Require()
    {
        bool opened = CudaDevice.TryOpen(0, out CudaDevice? device, out string reason);
        if (!opened)
        {
            MissingGpu(reason, Environment.GetEnvironmentVariable(RequireVariable));
        }

        return device!;
    }

    /// <summary>Skips, or with <paramref name="require"/> = "1" fails, naming <paramref name="reason"/>.</summary>
    /// <param name="reason">Why no GPU could be opened.</param>
    /// <param name="require">The value of <c>SIMD_REQUIRE_GPU</c>.</param>
    public static void MissingGpu(string reason, string? require)
    {
        if (require == "1")
        {
            throw new Xunit.Sdk.XunitException($"{RequireVariable}=1 but no GPU: {reason}");
        }

        Skip.If(true, $"No GPU: {reason}");
    }
}

/// <summary>
/// The collection every test that touches a GPU belongs to: they run one at a time, never in parallel with
/// each other, so per-device state (the module cache, the reduction scratch, one faulting kernel poisoning the
/// context) is never shared between two running tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GpuCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "GPU";
}

/// <summary>
/// A GPU test class: <see cref="Device"/> opens the GPU (or skips), and after each test the device is
/// synchronised, so an asynchronous kernel fault fails the test that caused it rather than a later one.
/// </summary>
[Collection(GpuCollection.Name)]
public abstract class GpuTest : IDisposable
{
    private CudaDevice? device;

    /// <summary>The GPU, opened on first use; skips (or fails, with SIMD_REQUIRE_GPU=1) without one.</summary>
    protected CudaDevice Device => device ??= Gpu.Require();

    /// <summary>Waits for the test's device work; a kernel fault surfaces here as a <see cref="CudaException"/>.</summary>
    public void Dispose()
    {
        device?.Synchronize();
        GC.SuppressFinalize(this);
    }
}
