using System;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>Every generated map is bit-exact with its scalar method, for any length and misalignment, specials included.</summary>
public sealed class MapPropertyTests
{
    [Fact]
    public void TwoLanesWithLocals() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 2, v => TestKernels.SquaredError(v[0], v[1]),
        (b, o, n, d) => TestKernels.SquaredError(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));

    [Fact]
    public void OneLaneUniformTernaryAbs() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 1, v => TestKernels.Huber(v[0], 1.5f),
        (b, o, n, d) => TestKernels.Huber(b[0].AsSpan(o[0], n), 1.5f, d)));

    [Fact]
    public void ThreeLanesMinMaxDivide() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 3, v => TestKernels.Blend(v[0], v[1], v[2]),
        (b, o, n, d) => TestKernels.Blend(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), d)));

    [Fact]
    public void FourLanesFmaSqrt() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 4, v => TestKernels.Four(v[0], v[1], v[2], v[3]),
        (b, o, n, d) => TestKernels.Four(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), b[3].AsSpan(o[3], n), d)));

    [Fact]
    public void NegationKeepsSignedZeroAndNaN() => Property.Check(LaneCase.Arbitrary(0.5), c => KernelCheck.Map(
        c, 1, v => TestKernels.Negate(v[0]),
        (b, o, n, d) => TestKernels.Negate(b[0].AsSpan(o[0], n), d)));

    [Fact]
    public void ComparisonsAndLogic() => Property.Check(LaneCase.Arbitrary(0.4), c => KernelCheck.Map(
        c, 2, v => TestKernels.Compare(v[0], v[1]),
        (b, o, n, d) => TestKernels.Compare(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));

    [Fact]
    public void ClampAsMathClamp() => Property.Check(LaneCase.Arbitrary(0.4), c => KernelCheck.Map(
        c, 1, v => TestKernels.Clamped(v[0], -0f, 2.5f),
        (b, o, n, d) => TestKernels.Clamped(b[0].AsSpan(o[0], n), -0f, 2.5f, d)));

    [Fact]
    public void CallsToOtherKernels() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 2, v => TestKernels.CallsKernel(v[0], v[1]),
        (b, o, n, d) => TestKernels.CallsKernel(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));

    [Fact]
    public void CompoundAssignmentsAndIncrements() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 1, v => TestKernels.Counter(v[0]),
        (b, o, n, d) => TestKernels.Counter(b[0].AsSpan(o[0], n), d)));

    [Fact]
    public void DoubleTwoLanes() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 2, v => TestKernelsDouble.SquaredError(v[0], v[1]),
        (b, o, n, d) => TestKernelsDouble.SquaredError(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d)));

    [Fact]
    public void DoubleUniformTernary() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 1, v => TestKernelsDouble.Huber(v[0], 0.75),
        (b, o, n, d) => TestKernelsDouble.Huber(b[0].AsSpan(o[0], n), 0.75, d)));

    [Fact]
    public void DoubleThreeLanes() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 3, v => TestKernelsDouble.Blend(v[0], v[1], v[2]),
        (b, o, n, d) => TestKernelsDouble.Blend(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), d)));

    [Fact]
    public void DoubleFourLanes() => Property.Check(LaneCase.Arbitrary(), c => KernelCheck.Map(
        c, 4, v => TestKernelsDouble.Four(v[0], v[1], v[2], v[3]),
        (b, o, n, d) => TestKernelsDouble.Four(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), b[3].AsSpan(o[3], n), d)));

    [Fact]
    public void DoubleNegationAndClamp() => Property.Check(LaneCase.Arbitrary(0.5), c =>
    {
        KernelCheck.Map(c, 1, v => TestKernelsDouble.Negate(v[0]), (b, o, n, d) => TestKernelsDouble.Negate(b[0].AsSpan(o[0], n), d));
        KernelCheck.Map(c, 1, v => TestKernelsDouble.Clamped(v[0], -1, 0), (b, o, n, d) => TestKernelsDouble.Clamped(b[0].AsSpan(o[0], n), -1, 0, d));
    });

    [Fact]
    public void LargeLengthsAboveOneHundredThousand()
    {
        foreach (int length in new[] { 100_003, 131_072, 250_001 })
        {
            var c = new LaneCase(length, [3, 1, 0, 0, 5], length, 0.01);
            KernelCheck.Map(c, 2, v => TestKernels.SquaredError(v[0], v[1]), (b, o, n, d) => TestKernels.SquaredError(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), d));
            KernelCheck.Map(c, 3, v => TestKernelsDouble.Blend(v[0], v[1], v[2]), (b, o, n, d) => TestKernelsDouble.Blend(b[0].AsSpan(o[0], n), b[1].AsSpan(o[1], n), b[2].AsSpan(o[2], n), d));
        }
    }
}
