using System;
using FsCheck.Fluent;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>Fused reductions: min and max equal the scalar fold exactly; sums stay within the stated bound of the exact sum.</summary>
public sealed class ReductionPropertyTests
{
    [Fact]
    public void SumsOfEveryShapeAreWithinTheBound() => Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
    {
        KernelCheck.Sum(KernelCheck.Terms(c, 2, v => TestKernels.SquaredError(v[0], v[1])), TestKernels.SquaredErrorSum(c.Singles(0), c.Singles(1)));
        KernelCheck.Sum(KernelCheck.Terms(c, 1, v => TestKernels.Huber(v[0], 2f)), TestKernels.HuberSum(c.Singles(0), 2f));
        KernelCheck.Sum(KernelCheck.Terms(c, 3, v => TestKernels.Blend(v[0], v[1], v[2])), TestKernels.BlendSum(c.Singles(0), c.Singles(1), c.Singles(2)));
        KernelCheck.Sum(KernelCheck.Terms(c, 4, v => TestKernels.Four(v[0], v[1], v[2], v[3])), TestKernels.FourSum(c.Singles(0), c.Singles(1), c.Singles(2), c.Singles(3)));
        KernelCheck.Sum(KernelCheck.Terms(c, 2, v => TestKernels.CallsKernel(v[0], v[1])), TestKernels.CallsKernelSum(c.Singles(0), c.Singles(1)));
    });

    [Fact]
    public void DoubleSumsAreWithinTheBound() => Property.Check(LaneCase.Arbitrary(specialOdds: 0), c =>
    {
        KernelCheck.Sum(KernelCheck.Terms(c, 2, v => TestKernelsDouble.SquaredError(v[0], v[1])), TestKernelsDouble.SquaredErrorSum(c.Doubles(0), c.Doubles(1)));
        KernelCheck.Sum(KernelCheck.Terms(c, 1, v => TestKernelsDouble.Huber(v[0], 2)), TestKernelsDouble.HuberSum(c.Doubles(0), 2));
        KernelCheck.Sum(KernelCheck.Terms(c, 4, v => TestKernelsDouble.Four(v[0], v[1], v[2], v[3])), TestKernelsDouble.FourSum(c.Doubles(0), c.Doubles(1), c.Doubles(2), c.Doubles(3)));
    });

    [Fact]
    public void MinAndMaxEqualTheScalarFold() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.2).Filter(c => c.Length > 0), c =>
    {
        float[] se = KernelCheck.Terms(c, 2, v => TestKernels.SquaredError(v[0], v[1]));
        KernelCheck.Extremum(se, TestKernels.SquaredErrorMin(c.Singles(0), c.Singles(1)), max: false);
        KernelCheck.Extremum(se, TestKernels.SquaredErrorMax(c.Singles(0), c.Singles(1)), max: true);
        float[] blend = KernelCheck.Terms(c, 3, v => TestKernels.Blend(v[0], v[1], v[2]));
        KernelCheck.Extremum(blend, TestKernels.BlendMin(c.Singles(0), c.Singles(1), c.Singles(2)), max: false);
        KernelCheck.Extremum(blend, TestKernels.BlendMax(c.Singles(0), c.Singles(1), c.Singles(2)), max: true);
        float[] huber = KernelCheck.Terms(c, 1, v => TestKernels.Huber(v[0], 1f));
        KernelCheck.Extremum(huber, TestKernels.HuberMax(c.Singles(0), 1f), max: true);
        float[] compare = KernelCheck.Terms(c, 2, v => TestKernels.Compare(v[0], v[1]));
        KernelCheck.Extremum(compare, TestKernels.CompareMax(c.Singles(0), c.Singles(1)), max: true);
        double[] four = KernelCheck.Terms(c, 4, v => TestKernelsDouble.Four(v[0], v[1], v[2], v[3]));
        KernelCheck.Extremum(four, TestKernelsDouble.FourMin(c.Doubles(0), c.Doubles(1), c.Doubles(2), c.Doubles(3)), max: false);
        KernelCheck.Extremum(four, TestKernelsDouble.FourMax(c.Doubles(0), c.Doubles(1), c.Doubles(2), c.Doubles(3)), max: true);
    });

    [Fact]
    public void SumOfEmptyLanesIsZero()
    {
        Assert.Equal(0f, TestKernels.SquaredErrorSum([], []));
        Assert.Equal(0d, TestKernelsDouble.FourSum([], [], [], []));
    }

    [Fact]
    public void SumPropagatesNaNAndInfinity()
    {
        for (int length = 1; length <= 70; length++)
        {
            for (int at = 0; at < length; at += 7)
            {
                var x = new float[length];
                var y = new float[length];
                x[at] = float.NaN;
                Assert.True(float.IsNaN(TestKernels.SquaredErrorSum(x, y)), $"NaN at {at} of {length}");
                x[at] = float.PositiveInfinity;
                Assert.Equal(float.PositiveInfinity, TestKernels.SquaredErrorSum(x, y));
            }
        }
    }

    [Fact]
    public void LargeSums()
    {
        foreach (int length in new[] { 100_001, 262_147 })
        {
            var c = new LaneCase(length, [1, 2, 3, 4, 5], 7 * length, 0);
            KernelCheck.Sum(KernelCheck.Terms(c, 2, v => TestKernels.SquaredError(v[0], v[1])), TestKernels.SquaredErrorSum(c.Singles(0), c.Singles(1)));
            KernelCheck.Sum(KernelCheck.Terms(c, 2, v => TestKernelsDouble.SquaredError(v[0], v[1])), TestKernelsDouble.SquaredErrorSum(c.Doubles(0), c.Doubles(1)));
        }
    }
}
