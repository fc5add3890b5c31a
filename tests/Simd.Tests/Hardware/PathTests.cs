using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Drivers;
using Simd.Hardware;
using Xunit;
using Xunit.Abstractions;

namespace Simd.Tests.Hardware;

/// <summary>
/// Proves which path this test run took. CI runs the suite once per runtime knob and sets
/// <c>SIMD_EXPECTED_PATH</c>; the drivers must then call exactly that width of a kernel.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class PathTests(ITestOutputHelper output) : IDisposable
{
    private readonly StreamingThreshold threshold = new();

    /// <inheritdoc/>
    public void Dispose() => threshold.Dispose();

    [Fact]
    public void PathIsTheOneThisRunExpects()
    {
        string? expected = Environment.GetEnvironmentVariable("SIMD_EXPECTED_PATH");
        output.WriteLine($"path {SimdHardware.Path}, Vector<T> {SimdHardware.VectorTBits} bits, knobs [{string.Join(", ", SimdHardware.RuntimeKnobs)}], expected {expected ?? "(not set)"}");
        if (expected is not null)
        {
            Assert.Equal(Enum.Parse<SimdPath>(expected), SimdHardware.Path);
        }

        Assert.Equal(PathFromRuntime(), SimdHardware.Path);
    }

    [Fact]
    public void MapDriverRunsThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        MapDriver.Run<float, RecordingKernel>(ref kernel, 1000);
        AssertPathWidth(log, 1000);
    }

    [Fact]
    public void SumDriverRunsThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        _ = SumDriver.Run<float, RecordingKernel>(ref kernel, 1001);
        AssertPathWidth(log, 1001);
    }

    [Fact]
    public void SumDriverRunsThePathsWidthForAKernelWithoutSideOutputs()
    {
        // Without side outputs a block may be computed twice (a masked overlapping last block, a peeled first one).
        var log = new WidthLog();
        var kernel = new RecordingKernel(log, sideOutputs: false);
        _ = SumDriver.Run<float, RecordingKernel>(ref kernel, 1001);
        AssertPathWidth(log, 1001, exactlyOnce: false);
    }

    [Fact]
    public void ExtremumDriverRunsThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        _ = ExtremumDriver.Max<float, RecordingKernel>(ref kernel, 999);
        AssertPathWidth(log, 999);
    }

    [Fact]
    public unsafe void MapDriverStreamsALargeDestinationFromItsFirstAlignedBlock()
    {
        // At every position in a cache line: one unaligned block before the aligned start, aligned streamed blocks,
        // one unaligned block ending at the last whole block's end, the narrower widths for the rest.
        int length = (StreamingThreshold.Bytes / sizeof(float)) + 37;
        float[] destination = GC.AllocateArray<float>(length + 16, pinned: true);
        for (int start = 0; start < 16; start++)
        {
            var log = new WidthLog();
            var kernel = new RecordingKernel(log, destination: destination, start: start);
            MapDriver.Run<float, RecordingKernel>(ref kernel, length);
            AssertPathWidth(log, length, exactlyOnce: false);
            int lanes = LanesOfPath();
            if (lanes == 1)
            {
                Assert.Equal(0, log.Streamed);
                continue;
            }

            nuint address;
            fixed (float* first = &destination[start])
            {
                address = (nuint)first;
            }

            int offset = (int)(address % (nuint)(lanes * sizeof(float))) / sizeof(float);
            int aligned = offset == 0 ? 0 : lanes - offset;
            int whole = length - (length % lanes);
            int streamed = (whole - aligned) / lanes;
            int unaligned = (aligned != 0 ? 1 : 0) + ((whole - aligned) % lanes != 0 ? 1 : 0);
            Assert.True(streamed == log.Streamed, $"start {start}: {log.Streamed} blocks streamed, expected {streamed}");
            Assert.Equal(streamed + unaligned, BlocksOfPath(log));
        }
    }

    [Fact]
    public void MapDriverDoesNotStreamBelowTheThresholdOrAKernelThatIsNotStreamable()
    {
        float[] destination = new float[StreamingThreshold.Bytes / sizeof(float)];
        var log = new WidthLog();
        var kernel = new RecordingKernel(log, destination: destination);
        MapDriver.Run<float, RecordingKernel>(ref kernel, destination.Length - 1);
        Assert.Equal(0, log.Streamed);

        // RecordingKernel without a destination throws if streamed.
        var notStreamable = new RecordingKernel(log);
        MapDriver.Run<float, RecordingKernel>(ref notStreamable, 4 * destination.Length);
        Assert.Equal(0, log.Streamed);
    }

    private static int LanesOfPath() => SimdHardware.Path switch
    {
        SimdPath.Scalar => 1,
        SimdPath.Vector128 => 4,
        SimdPath.Avx2 => 8,
        SimdPath.Avx512 => 16,
        _ => Vector<float>.Count,
    };

    private static int BlocksOfPath(WidthLog log) => SimdHardware.Path switch
    {
        SimdPath.Vector128 => log.V128,
        SimdPath.Avx2 => log.V256,
        SimdPath.Avx512 => log.V512,
        _ => log.VectorT,
    };

    /// <summary>
    /// The path's width computed all but the ends (fewer than one vector before an aligned main loop and after it,
    /// which the narrower widths take), every element was computed exactly once, and no wider width than the path's
    /// was used.
    /// </summary>
    private static void AssertPathWidth(WidthLog log, int length, bool exactlyOnce = true)
    {
        (int scalar, int v128, int v256, int v512, int vectorT) = (log.Scalar, log.V128, log.V256, log.V512, log.VectorT);
        int elements = scalar + (4 * v128) + (8 * v256) + (16 * v512) + (Vector<float>.Count * vectorT);
        string counts = $"scalar {scalar}, 128-bit {v128}, 256-bit {v256}, 512-bit {v512}, Vector<T> {vectorT}";
        Assert.True(exactlyOnce ? elements == length : elements >= length, $"{elements} elements computed for {length}: {counts}");
        (int pathElements, int pathLanes, bool wider) = SimdHardware.Path switch
        {
            SimdPath.Scalar => (scalar, 1, v128 + v256 + v512 + vectorT > 0),
            SimdPath.Vector128 => (4 * v128, 4, v256 + v512 + vectorT > 0),
            SimdPath.Avx2 => (8 * v256, 8, v512 + vectorT > 0),
            SimdPath.Avx512 => (16 * v512, 16, vectorT > 0),
            _ => (Vector<float>.Count * vectorT, Vector<float>.Count, v512 > 0),
        };
        Assert.False(wider, $"{SimdHardware.Path} path used a wider width: {counts}");
        Assert.True(pathElements >= length - (2 * (pathLanes - 1)), $"{SimdHardware.Path} path computed only {pathElements} of {length} elements at its width: {counts}");
    }

    private static SimdPath PathFromRuntime()
    {
        string? forced = Environment.GetEnvironmentVariable("SIMD_FORCE_PATH");
        if (!string.IsNullOrWhiteSpace(forced))
        {
            return Enum.Parse<SimdPath>(forced, ignoreCase: true);
        }

        if (Vector.IsHardwareAccelerated && Vector<byte>.Count > 32)
        {
            return SimdPath.VectorT;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            return SimdPath.Avx512;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            return SimdPath.Avx2;
        }

        return Vector128.IsHardwareAccelerated ? SimdPath.Vector128 : SimdPath.Scalar;
    }
}
