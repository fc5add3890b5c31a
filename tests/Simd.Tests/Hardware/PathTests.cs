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
public sealed class PathTests(ITestOutputHelper output)
{
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
    public void MapDriverCallsOnlyThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        MapDriver.Run<float, RecordingKernel>(ref kernel, new float[1000]);
        AssertOnlyPathWidth(log);
    }

    [Fact]
    public void SumDriverCallsOnlyThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        _ = SumDriver.Run<float, RecordingKernel>(ref kernel, 1001);
        AssertOnlyPathWidth(log);
    }

    [Fact]
    public void ExtremumDriverCallsOnlyThePathsWidth()
    {
        var log = new WidthLog();
        var kernel = new RecordingKernel(log);
        _ = ExtremumDriver.Max<float, RecordingKernel>(ref kernel, 999);
        AssertOnlyPathWidth(log);
    }

    private static void AssertOnlyPathWidth(WidthLog log)
    {
        (int scalar, int v128, int v256, int v512, int vectorT) = (log.Scalar, log.V128, log.V256, log.V512, log.VectorT);
        switch (SimdHardware.Path)
        {
            case SimdPath.Scalar:
                Assert.True(scalar > 0 && v128 + v256 + v512 + vectorT == 0, $"scalar path made vector calls: {v128}/{v256}/{v512}/{vectorT}");
                break;
            case SimdPath.Vector128:
                Assert.True(v128 > 0 && scalar + v256 + v512 + vectorT == 0, $"128-bit path: {scalar}/{v256}/{v512}/{vectorT}");
                break;
            case SimdPath.Avx2:
                Assert.True(v256 > 0 && scalar + v128 + v512 + vectorT == 0, $"AVX2 path: {scalar}/{v128}/{v512}/{vectorT}");
                break;
            case SimdPath.Avx512:
                Assert.True(v512 > 0 && scalar + v128 + v256 + vectorT == 0, $"AVX-512 path: {scalar}/{v128}/{v256}/{vectorT}");
                break;
            default:
                Assert.True(vectorT > 0 && scalar + v128 + v256 + v512 == 0, $"Vector<T> path: {scalar}/{v128}/{v256}/{v512}");
                break;
        }
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
