using System;
using System.Linq;
using System.Runtime.InteropServices;
using Simd.Hardware;
using Simd.Tests.Support;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>
/// The kernels of <see cref="IntegerKernels"/> on every path, against the scalar method element by element: int and long
/// lanes with overflow (every product of full-range values wraps), shifts by uniforms of every count (negative and past
/// the width included: C# masks them), mixed float/int and double/long kernels, conversions at special values, integer
/// Sum/Min/Max (the sum wraps, so it is exact in any order), lengths 0…300 and large, misaligned starts, in place.
/// Every comparison is exact: integer results have no rounding, and the conversions are exact functions.
/// </summary>
public sealed class IntegerPropertyTests
{
    [Fact]
    public void Int_lanes_wrap_as_unchecked_csharp() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        int[] a = c.Int32Buffer(0, out int ao), b = c.Int32Buffer(1, out int bo), d = c.Int32Buffer(2, out int d0);
        int k = (int)(uint)c.Seed * 31;
        int[] expected = (int[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Mix(a[ao + i], b[bo + i], k);
        }

        IntegerKernels.Mix(a.AsSpan(ao, c.Length), b.AsSpan(bo, c.Length), k, d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "Mix");
    });

    [Fact]
    public void Long_lanes_multiply_and_shift_on_every_path() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        long[] a = c.Int64Buffer(0, out int ao), b = c.Int64Buffer(1, out int bo), d = c.Int64Buffer(2, out int d0);
        long k = ((long)c.Seed << 20) ^ 0x5DEECE66DL;
        long[] expected = (long[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.MixLong(a[ao + i], b[bo + i], k);
        }

        IntegerKernels.MixLong(a.AsSpan(ao, c.Length), b.AsSpan(bo, c.Length), k, d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "MixLong");
    });

    [Fact]
    public void Shifts_by_a_uniform_mask_the_count_as_csharp_does() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        int[] a = c.Int32Buffer(0, out int ao), d = c.Int32Buffer(1, out int d0);
        long[] la = c.Int64Buffer(2, out int lo), ld = c.Int64Buffer(3, out int l0);
        int n = (c.Seed % 141) - 70;
        int[] expected = (int[])d.Clone();
        long[] expectedLong = (long[])ld.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.ShiftBy(a[ao + i], n);
            expectedLong[l0 + i] = IntegerKernels.ShiftLongBy(la[lo + i], n);
        }

        IntegerKernels.ShiftBy(a.AsSpan(ao, c.Length), n, d.AsSpan(d0, c.Length));
        IntegerKernels.ShiftLongBy(la.AsSpan(lo, c.Length), n, ld.AsSpan(l0, c.Length));
        AssertSame(expected, d, $"ShiftBy {n}");
        AssertSame(expectedLong, ld, $"ShiftLongBy {n}");
    });

    [Fact]
    public void Branches_min_max_and_clamp_of_ints() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        int[] a = c.Int32Buffer(0, out int ao), b = c.Int32Buffer(1, out int bo), d = c.Int32Buffer(2, out int d0);
        int lo = (c.Seed % 2001) - 1000, hi = lo + (c.Seed % 5000);
        int[] expected = (int[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Classify(a[ao + i], b[bo + i], lo, hi);
        }

        IntegerKernels.Classify(a.AsSpan(ao, c.Length), b.AsSpan(bo, c.Length), lo, hi, d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "Classify");
    });

    [Fact]
    public void An_integer_local_accumulates_over_an_unrolled_loop() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        long[] a = c.Int64Buffer(0, out int ao), d = c.Int64Buffer(1, out int d0);
        long[] expected = (long[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Hash(a[ao + i]);
        }

        IntegerKernels.Hash(a.AsSpan(ao, c.Length), d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "Hash");
    });

    [Fact]
    public void A_ref_int_lane_in_place_and_aliased_with_its_input() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        int[] total = c.Int32Buffer(0, out int to), value = c.Int32Buffer(1, out int vo);
        int[] expected = (int[])total.Clone(), aliased = (int[])total.Clone(), expectedAliased = (int[])total.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            IntegerKernels.Accumulate(ref expected[to + i], value[vo + i], 7);
            IntegerKernels.Accumulate(ref expectedAliased[to + i], expectedAliased[to + i], -3);
        }

        IntegerKernels.Accumulate(total.AsSpan(to, c.Length), value.AsSpan(vo, c.Length), 7);
        IntegerKernels.Accumulate(aliased.AsSpan(to, c.Length), aliased.AsSpan(to, c.Length), -3);
        AssertSame(expected, total, "total");
        AssertSame(expectedAliased, aliased, "total aliased with value");
    });

    [Fact]
    public void Conversions_between_float_and_int() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.3), c =>
    {
        float[] x = c.SingleBuffer(0, out int xo);
        int[] i32 = c.Int32Buffer(1, out int io), toInt = c.Int32Buffer(2, out int t0);
        float[] toFloat = c.SingleBuffer(3, out int f0);
        int[] expectedInt = (int[])toInt.Clone();
        float[] expectedFloat = (float[])toFloat.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expectedInt[t0 + i] = IntegerKernels.ToInt(x[xo + i]);
            expectedFloat[f0 + i] = IntegerKernels.ToFloat(i32[io + i]);
        }

        IntegerKernels.ToInt(x.AsSpan(xo, c.Length), toInt.AsSpan(t0, c.Length));
        IntegerKernels.ToFloat(i32.AsSpan(io, c.Length), toFloat.AsSpan(f0, c.Length));
        AssertSame(expectedInt, toInt, "(int)x");
        AssertSame(expectedFloat, toFloat, "(float)i");
    });

    [Fact]
    public void Conversions_between_double_and_long() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.3), c =>
    {
        double[] x = c.DoubleBuffer(0, out int xo);
        long[] i64 = c.Int64Buffer(1, out int io), toLong = c.Int64Buffer(2, out int t0);
        double[] toDouble = c.DoubleBuffer(3, out int f0);
        long[] expectedLong = (long[])toLong.Clone();
        double[] expectedDouble = (double[])toDouble.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expectedLong[t0 + i] = IntegerKernels.ToLong(x[xo + i]);
            expectedDouble[f0 + i] = IntegerKernels.ToDouble(i64[io + i]);
        }

        IntegerKernels.ToLong(x.AsSpan(xo, c.Length), toLong.AsSpan(t0, c.Length));
        IntegerKernels.ToDouble(i64.AsSpan(io, c.Length), toDouble.AsSpan(f0, c.Length));
        AssertSame(expectedLong, toLong, "(long)x");
        AssertSame(expectedDouble, toDouble, "(double)l");
    });

    /// <summary>The values where conversions saturate, round or are undefined in C, at every position of a vector.</summary>
    [Fact]
    public void Conversions_at_special_values_follow_dotnet()
    {
        float[] singles =
        [
            float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, 2147483648f, -2147483648f, 2147483520f, -2147483520f,
            4294967296f, -4294967296f, 0.99999994f, -0.99999994f, -0f, 0f, float.MaxValue, float.MinValue, float.Epsilon, 1.5f, -1.5f, 2.5f,
        ];
        double[] doubles =
        [
            double.NaN, -double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9223372036854775808.0, -9223372036854775808.0,
            9223372036854774784.0, -9223372036854774784.0, 2147483648.0, -2147483649.0, 0.9999999999999999, -0.9999999999999999, -0.0, double.MaxValue,
            double.MinValue, double.Epsilon, 1.5, -2.5, 1e300, -1e-300,
        ];
        long[] longs = [long.MinValue, long.MaxValue, (1L << 53) + 1, -(1L << 53) - 1, (1L << 62) + 1, 1L << 63 >>> 1, -1, 0, 3, (1L << 54) + 3];
        int[] ints = [int.MinValue, int.MaxValue, (1 << 24) + 1, -(1 << 24) - 1, 16777219, -1, 0, 1];
        foreach (int length in new[] { 1, 3, 7, 8, 16, 33, 64, 131 })
        {
            float[] x = Enumerable.Range(0, length).Select(i => singles[i % singles.Length]).ToArray();
            double[] y = Enumerable.Range(0, length).Select(i => doubles[(i * 3) % doubles.Length]).ToArray();
            long[] l = Enumerable.Range(0, length).Select(i => longs[i % longs.Length]).ToArray();
            int[] n = Enumerable.Range(0, length).Select(i => ints[i % ints.Length]).ToArray();
            var toInt = new int[length];
            var toLong = new long[length];
            var toDouble = new double[length];
            var toFloat = new float[length];
            IntegerKernels.ToInt(x, toInt);
            IntegerKernels.ToLong(y, toLong);
            IntegerKernels.ToDouble(l, toDouble);
            IntegerKernels.ToFloat(n, toFloat);
            for (int i = 0; i < length; i++)
            {
                Assert.True(toInt[i] == (int)x[i], $"(int){x[i]:R} on {SimdHardware.Path}: {toInt[i]}, .NET gives {(int)x[i]}");
                Assert.True(toLong[i] == (long)y[i], $"(long){y[i]:R} on {SimdHardware.Path}: {toLong[i]}, .NET gives {(long)y[i]}");
                Assert.True(BitConverter.DoubleToInt64Bits(toDouble[i]) == BitConverter.DoubleToInt64Bits(l[i]), $"(double){l[i]} on {SimdHardware.Path}: {toDouble[i]:R}, .NET gives {(double)l[i]:R}");
                Assert.True(BitConverter.SingleToInt32Bits(toFloat[i]) == BitConverter.SingleToInt32Bits(n[i]), $"(float){n[i]} on {SimdHardware.Path}: {toFloat[i]:R}, .NET gives {(float)n[i]:R}");
            }
        }

        // The documented values themselves: saturation at the bounds and NaN to 0.
        Assert.Equal([0, int.MaxValue, int.MinValue, int.MaxValue, int.MinValue], Map<float, int>(IntegerKernels.ToInt, [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 2147483648f, -3e9f]));
        Assert.Equal([0, long.MaxValue, long.MinValue, long.MaxValue, long.MinValue], Map<double, long>(IntegerKernels.ToLong, [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9223372036854775808.0, -1e19]));
    }

    [Fact]
    public void Mixed_float_and_int_lanes_with_an_int_out_lane() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.2), c =>
    {
        float[] x = c.SingleBuffer(0, out int xo), d = c.SingleBuffer(1, out int d0);
        int[] code = c.Int32Buffer(2, out int co);
        float scale = 1 + (c.Seed % 1000);
        float[] expected = (float[])d.Clone();
        int[] expectedCode = (int[])code.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Quantize(x[xo + i], scale, out expectedCode[co + i]);
        }

        IntegerKernels.Quantize(x.AsSpan(xo, c.Length), scale, code.AsSpan(co, c.Length), d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "value");
        AssertSame(expectedCode, code, "code");
    });

    [Fact]
    public void An_int_out_lane_may_be_exactly_the_memory_of_its_float_input() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.2), c =>
    {
        float[] x = c.SingleBuffer(0, out int xo), d = c.SingleBuffer(1, out int d0);
        float[] expected = (float[])d.Clone(), copy = (float[])x.Clone();
        int[] expectedCode = MemoryMarshal.Cast<float, int>(x).ToArray();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Quantize(copy[xo + i], 16f, out expectedCode[xo + i]);
        }

        IntegerKernels.Quantize(x.AsSpan(xo, c.Length), 16f, MemoryMarshal.Cast<float, int>(x.AsSpan(xo, c.Length)), d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "value");
        AssertSame(expectedCode, MemoryMarshal.Cast<float, int>(x).ToArray(), "code in place of x");
    });

    [Fact]
    public void Mixed_double_and_long_lanes_with_a_condition_across_types() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.2), c =>
    {
        double[] x = c.DoubleBuffer(0, out int xo), d = c.DoubleBuffer(1, out int d0);
        long[] n = c.Int64Buffer(2, out int no);
        int shift = (c.Seed % 100) - 30;
        double[] expected = (double[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.Scale(x[xo + i], n[no + i], shift);
        }

        IntegerKernels.Scale(x.AsSpan(xo, c.Length), n.AsSpan(no, c.Length), shift, d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "Scale");
    });

    [Fact]
    public void A_float_kernel_with_an_integer_local() => Property.Check(LaneCase.Arbitrary(specialOdds: 0.2), c =>
    {
        float[] x = c.SingleBuffer(0, out int xo), d = c.SingleBuffer(1, out int d0);
        float[] expected = (float[])d.Clone();
        for (int i = 0; i < c.Length; i++)
        {
            expected[d0 + i] = IntegerKernels.FloatWithIntLocal(x[xo + i]);
        }

        IntegerKernels.FloatWithIntLocal(x.AsSpan(xo, c.Length), d.AsSpan(d0, c.Length));
        AssertSame(expected, d, "FloatWithIntLocal");
    });

    [Fact]
    public void Integer_sums_wrap_exactly_and_min_max_are_exact() => Property.Check(LaneCase.Arbitrary(), c =>
    {
        int[] a = c.Int32Buffer(0, out int ao);
        long[] la = c.Int64Buffer(1, out int lo), lb = c.Int64Buffer(2, out int bo);
        CheckReductions(a.AsSpan(ao, c.Length), la.AsSpan(lo, c.Length), lb.AsSpan(bo, c.Length));
    });

    [Theory]
    [InlineData(100_003)]
    [InlineData(1 << 17)]
    public void Long_spans(int length)
    {
        var c = new LaneCase(length, [3, 1, 0, 5, 2], 11, 0.05);
        int[] a = c.Int32Buffer(0, out int ao), b = c.Int32Buffer(1, out int bo);
        long[] la = c.Int64Buffer(2, out int lo), lb = c.Int64Buffer(3, out int l1);
        var d = new int[length];
        var expected = new int[length];
        for (int i = 0; i < length; i++)
        {
            expected[i] = IntegerKernels.Mix(a[ao + i], b[bo + i], 12345);
        }

        IntegerKernels.Mix(a.AsSpan(ao, length), b.AsSpan(bo, length), 12345, d);
        AssertSame(expected, d, "Mix");
        CheckReductions(a.AsSpan(ao, length), la.AsSpan(lo, length), lb.AsSpan(l1, length));
    }

    [Fact]
    public void Mixed_type_lanes_are_checked_like_any_lanes()
    {
        var buffer = new float[32];
        var e = Assert.Throws<ArgumentException>(() => IntegerKernels.Quantize(new float[4], 1f, new int[3], new float[4]));
        Assert.Equal("Lane 'code' has 3 elements but lane 'x' has 4; every lane of a kernel must have the same length. (Parameter 'code')", e.Message);

        e = Assert.Throws<ArgumentException>(() => IntegerKernels.Quantize(buffer.AsSpan(0, 8), 1f, MemoryMarshal.Cast<float, int>(buffer.AsSpan(1, 8)), new float[8]));
        Assert.Equal("'code' overlaps input 'x' shifted by 1 elements; pass the same span to compute in place, or a separate buffer. (Parameter 'code')", e.Message);

        e = Assert.Throws<ArgumentException>(() => IntegerKernels.Quantize(new float[8], 1f, MemoryMarshal.Cast<float, int>(buffer.AsSpan(0, 8)), buffer.AsSpan(4, 8)));
        Assert.Equal("Outputs 'code' and 'destination' share memory; each output of a kernel needs a buffer of its own. (Parameter 'destination')", e.Message);

        e = Assert.Throws<ArgumentException>(() => IntegerKernels.SquareMin(ReadOnlySpan<int>.Empty));
        Assert.Equal("SquareMin of an empty span is undefined: lane 'a' has no elements. (Parameter 'a')", e.Message);
        Assert.Equal(0, IntegerKernels.SquareSum(ReadOnlySpan<int>.Empty));
    }

    private static void CheckReductions(ReadOnlySpan<int> a, ReadOnlySpan<long> la, ReadOnlySpan<long> lb)
    {
        int sum = 0, min = int.MaxValue, max = int.MinValue;
        long lsum = 0, lmin = long.MaxValue, lmax = long.MinValue;
        for (int i = 0; i < a.Length; i++)
        {
            int t = IntegerKernels.Square(a[i]);
            sum = unchecked(sum + t);
            min = Math.Min(min, t);
            max = Math.Max(max, t);
            long u = IntegerKernels.Product(la[i], lb[i]);
            lsum = unchecked(lsum + u);
            lmin = Math.Min(lmin, u);
            lmax = Math.Max(lmax, u);
        }

        Assert.True(sum == IntegerKernels.SquareSum(a), $"SquareSum of {a.Length} on {SimdHardware.Path}: {IntegerKernels.SquareSum(a)}, expected {sum}");
        Assert.True(lsum == IntegerKernels.ProductSum(la, lb), $"ProductSum of {a.Length} on {SimdHardware.Path}: {IntegerKernels.ProductSum(la, lb)}, expected {lsum}");
        if (a.Length > 0)
        {
            Assert.Equal(min, IntegerKernels.SquareMin(a));
            Assert.Equal(max, IntegerKernels.SquareMax(a));
            Assert.Equal(lmin, IntegerKernels.ProductMin(la, lb));
            Assert.Equal(lmax, IntegerKernels.ProductMax(la, lb));
        }
    }

    private static TOut[] Map<TIn, TOut>(MapOf<TIn, TOut> kernel, TIn[] input)
    {
        var output = new TOut[input.Length];
        kernel(input, output);
        return output;
    }

    private delegate void MapOf<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output);

    private static void AssertSame<T>(T[] expected, T[] actual, string what)
        where T : IEquatable<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Same(expected[i], actual[i]), $"{what}[{i}] on {SimdHardware.Path}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static bool Same<T>(T expected, T actual)
        where T : IEquatable<T> => expected switch
        {
            float e => Values.Same(e, (float)(object)actual!),
            double e => Values.Same(e, (double)(object)actual!),
            _ => expected.Equals(actual),
        };
}
