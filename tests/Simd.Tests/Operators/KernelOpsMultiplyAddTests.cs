using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.Operators;
using Xunit;

namespace Simd.Tests.Operators;

/// <summary>
/// <see cref="KernelOps.MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>, the fast multiply-add:
/// with FMA hardware the fused result (one rounding), without it the multiply-then-add result (two roundings),
/// at every width; and <see cref="KernelOps.FusedMultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
/// stays fused everywhere. The inputs are chosen so that the two roundings differ from the one.
/// </summary>
public sealed class KernelOpsMultiplyAddTests
{
    // (1 + 2⁻²³)·(1 − 2⁻²³) − 1 = −2⁻⁴⁶ exactly (fused), but the product rounds to 1 first, giving 0 (unfused).
    private const float A = 1f + (1f / 8388608f);
    private const float B = 1f - (1f / 8388608f);
    private const float C = -1f;
    private const double AD = 1.0 + (1.0 / 4503599627370496.0);
    private const double BD = 1.0 - (1.0 / 4503599627370496.0);

    [Fact]
    public void Float_FusedWithHardware_MultiplyThenAddWithout()
    {
        float fused = MathF.FusedMultiplyAdd(A, B, C);
        float unfused = (A * B) + C;
        Assert.NotEqual(fused, unfused);
        float expected = SimdHardware.HasFusedMultiplyAdd ? fused : unfused;
        Assert.Equal(expected, KernelOps.MultiplyAdd(Vector128.Create(A), Vector128.Create(B), Vector128.Create(C))[1]);
        Assert.Equal(expected, KernelOps.MultiplyAdd(Vector256.Create(A), Vector256.Create(B), Vector256.Create(C))[5]);
        Assert.Equal(expected, KernelOps.MultiplyAdd(new Vector<float>(A), new Vector<float>(B), new Vector<float>(C))[0]);
        if (Vector512.IsHardwareAccelerated)
        {
            Assert.Equal(expected, KernelOps.MultiplyAdd(Vector512.Create(A), Vector512.Create(B), Vector512.Create(C))[9]);
        }

        // The explicit fused form is exact on every path.
        Assert.Equal(fused, KernelOps.FusedMultiplyAdd(Vector128.Create(A), Vector128.Create(B), Vector128.Create(C))[2]);
    }

    [Fact]
    public void Double_FusedWithHardware_MultiplyThenAddWithout()
    {
        double fused = Math.FusedMultiplyAdd(AD, BD, -1.0);
        double unfused = (AD * BD) - 1.0;
        Assert.NotEqual(fused, unfused);
        double expected = SimdHardware.HasFusedMultiplyAdd ? fused : unfused;
        Assert.Equal(expected, KernelOps.MultiplyAdd(Vector128.Create(AD), Vector128.Create(BD), Vector128.Create(-1.0))[1]);
        Assert.Equal(expected, KernelOps.MultiplyAdd(Vector256.Create(AD), Vector256.Create(BD), Vector256.Create(-1.0))[3]);
        Assert.Equal(expected, KernelOps.MultiplyAdd(new Vector<double>(AD), new Vector<double>(BD), new Vector<double>(-1.0))[0]);
        if (Vector512.IsHardwareAccelerated)
        {
            Assert.Equal(expected, KernelOps.MultiplyAdd(Vector512.Create(AD), Vector512.Create(BD), Vector512.Create(-1.0))[7]);
        }

        Assert.Equal(fused, KernelOps.FusedMultiplyAdd(Vector256.Create(AD), Vector256.Create(BD), Vector256.Create(-1.0))[0]);
    }
}
