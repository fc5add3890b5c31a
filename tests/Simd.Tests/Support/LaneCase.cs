using System;
using FsCheck;
using FsCheck.Fluent;

namespace Simd.Tests.Support;

/// <summary>
/// One generated test case: a length, a misalignment offset per lane into a larger buffer, and a seed for
/// the values. FsCheck shrinks the length and offsets; the seed reproduces the values.
/// </summary>
/// <param name="Length">Elements per lane: 0 … 300, around every vector width.</param>
/// <param name="Offsets">Offset of each lane (and the destination, last) inside its buffer: 0 … 17 elements.</param>
/// <param name="Seed">Seed of the values.</param>
/// <param name="SpecialOdds">How often a value is special (NaN, ±0, ±∞, subnormal, extreme).</param>
public sealed record LaneCase(int Length, int[] Offsets, int Seed, double SpecialOdds)
{
    /// <summary>Cases with up to five buffers (four lanes and a destination).</summary>
    public static Arbitrary<LaneCase> Arbitrary(double specialOdds = 0.15, int maxLength = 300) =>
        (from length in Gen.Choose(0, maxLength)
         from offsets in Gen.ArrayOf(Gen.Choose(0, 17), 5)
         from seed in Gen.Choose(0, int.MaxValue)
         select new LaneCase(length, offsets, seed, specialOdds)).ToArbitrary();

    /// <summary>Buffer <paramref name="lane"/>: a span of <see cref="Length"/> random floats at its offset in a larger array.</summary>
    public float[] SingleBuffer(int lane, out int offset)
    {
        var random = new Random(Seed + (lane * 7919));
        offset = Offsets[lane];
        var buffer = new float[offset + Length + 19];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Values.Single(random, SpecialOdds);
        }

        return buffer;
    }

    /// <summary>Buffer <paramref name="lane"/>: a span of <see cref="Length"/> random doubles at its offset in a larger array.</summary>
    public double[] DoubleBuffer(int lane, out int offset)
    {
        var random = new Random(Seed + (lane * 7919));
        offset = Offsets[lane];
        var buffer = new double[offset + Length + 19];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Values.Double(random, SpecialOdds);
        }

        return buffer;
    }

    /// <summary>Lane <paramref name="lane"/> as a span.</summary>
    public float[] Singles(int lane)
    {
        float[] buffer = SingleBuffer(lane, out int offset);
        return buffer.AsSpan(offset, Length).ToArray();
    }

    /// <summary>Lane <paramref name="lane"/> as a span.</summary>
    public double[] Doubles(int lane)
    {
        double[] buffer = DoubleBuffer(lane, out int offset);
        return buffer.AsSpan(offset, Length).ToArray();
    }

    /// <summary>Buffer <paramref name="lane"/>: a span of <see cref="Length"/> random ints (the bounds and ±1 among them) at its offset.</summary>
    public int[] Int32Buffer(int lane, out int offset)
    {
        var random = new Random(Seed + (lane * 7919));
        offset = Offsets[lane];
        var buffer = new int[offset + Length + 19];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (int)Integer(random, int.MinValue, int.MaxValue);
        }

        return buffer;
    }

    /// <summary>Buffer <paramref name="lane"/>: a span of <see cref="Length"/> random longs (the bounds and ±1 among them) at its offset.</summary>
    public long[] Int64Buffer(int lane, out int offset)
    {
        var random = new Random(Seed + (lane * 7919));
        offset = Offsets[lane];
        var buffer = new long[offset + Length + 19];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Integer(random, long.MinValue, long.MaxValue);
        }

        return buffer;
    }

    // Full-range values (products overflow), small values, and with the special odds the bounds, 0 and ±1.
    private long Integer(Random random, long min, long max)
    {
        if (random.NextDouble() < SpecialOdds)
        {
            long[] specials = [min, max, min + 1, max - 1, 0, 1, -1];
            return specials[random.Next(specials.Length)];
        }

        return random.Next(3) switch
        {
            0 => random.Next(-1000, 1000),
            _ => min == int.MinValue ? random.Next(int.MinValue, int.MaxValue) : random.NextInt64(long.MinValue, long.MaxValue),
        };
    }
}
