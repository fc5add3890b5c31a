using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;
using Xunit;

namespace Simd.Tests.Operators;

/// <summary>The non-temporal stores write the block where it is aligned and refuse, by name, where it is not.</summary>
public sealed unsafe class NonTemporalTests
{
    [Fact]
    public void AlignedStoresWriteTheBlock()
    {
        float[] buffer = GC.AllocateArray<float>(64, pinned: true);
        int start = FirstAligned(buffer, 64);
        NonTemporal.Store(Vector512.Create(1f), ref buffer[0], (nuint)start);
        NonTemporal.Store(Vector256.Create(2f), ref buffer[0], (nuint)(start + 16));
        NonTemporal.Store(Vector128.Create(3f), ref buffer[0], (nuint)(start + 24));
        NonTemporal.Store(new Vector<float>(4f), ref buffer[0], (nuint)(start + 32));
        for (int i = 0; i < 32 + Vector<float>.Count; i++)
        {
            float expected = i < 16 ? 1f : i < 24 ? 2f : i < 28 ? 3f : i < 32 ? 0f : 4f;
            Assert.Equal(expected, buffer[start + i]);
        }
    }

    [Fact]
    public void MisalignedStoresThrowNamingTheDestination()
    {
        float[] buffer = GC.AllocateArray<float>(64, pinned: true);
        nuint start = (nuint)FirstAligned(buffer, 64) + 1;
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => NonTemporal.Store(Vector512.Create(1f), ref buffer[0], start)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => NonTemporal.Store(Vector256.Create(1f), ref buffer[0], start)).ParamName);
        ArgumentException e = Assert.Throws<ArgumentException>(() => NonTemporal.Store(Vector128.Create(1f), ref buffer[0], start));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("not aligned to 16 bytes", e.Message);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => NonTemporal.Store(new Vector<float>(1f), ref buffer[0], start)).ParamName);
    }

    /// <summary>The first element of the pinned array aligned to <paramref name="bytes"/>.</summary>
    private static int FirstAligned(float[] pinned, int bytes)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref pinned[0]);
        nuint offset = address % (nuint)bytes;
        return offset == 0 ? 0 : (int)(((nuint)bytes - offset) / sizeof(float));
    }
}
