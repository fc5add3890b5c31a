using System;
using System.Runtime.InteropServices;
using Simd.Drivers;
using Simd.Tests.Hardware;
using Xunit;

namespace Simd.Tests.Kernels;

/// <summary>
/// From <see cref="MapDriver.StreamingBytes"/> of destination (1 MiB in these tests, <see cref="StreamingThreshold"/>),
/// a map whose destination is none of its lanes stores its blocks past the caches from the destination's first aligned block. Its results must not depend on where the
/// destination lies: at every position in a cache line (and at an address that is not even element-aligned) they are
/// the bits of the same call in place, which never streams.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class StreamedMapTests : IDisposable
{
    private const int Positions = 16;

    private readonly StreamingThreshold threshold = new();

    /// <inheritdoc/>
    public void Dispose() => threshold.Dispose();

    [Fact]
    public void FloatFunctionMapsGiveTheInPlaceBitsAtEveryAddress()
    {
        // 37 past a multiple of every width: an unaligned last block and narrower widths at the end.
        int length = (StreamingThreshold.Bytes / sizeof(float)) + 37;
        float[] x = Array.ConvertAll(Inputs(length, 20, seed: 1), v => (float)v);
        AtEveryAddress(x, (a, d) => TestKernels.ExpOf(a, d));
        AtEveryAddress(x, (a, d) => TestKernels.TanhOf(a, d));
        AtEveryAddress(x, (a, d) => TestKernels.Sigmoid(a, d));
    }

    [Fact]
    public void DoubleFunctionMapsGiveTheInPlaceBitsAtEveryAddress()
    {
        int length = (StreamingThreshold.Bytes / sizeof(double)) + 13;
        double[] x = Inputs(length, 40, seed: 2);
        AtEveryAddress(x, (a, d) => TestKernelsDouble.ExpOf(a, d));
        AtEveryAddress(x, (a, d) => TestKernelsDouble.TanhOf(a, d));
    }

    [Fact]
    public void ExactMapsStreamTheScalarMethodsAnswer()
    {
        int length = (StreamingThreshold.Bytes / sizeof(float)) + 21;
        float[] a = Array.ConvertAll(Inputs(length, 8, seed: 3), v => (float)v);
        float[] b = Array.ConvertAll(Inputs(length, 8, seed: 4), v => (float)v + 9f);
        float[] c = Array.ConvertAll(Inputs(length, 8, seed: 5), v => (float)v);
        float[] buffer = new float[length + Positions];
        for (int start = 0; start < Positions; start++)
        {
            Span<float> destination = buffer.AsSpan(start, length);
            destination.Fill(float.NaN);
            TestKernels.Blend(a, b, c, destination);
            for (int i = 0; i < length; i++)
            {
                float expected = TestKernels.Blend(a[i], b[i], c[i]);
                if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(destination[i]))
                {
                    Assert.Fail($"start {start}, element {i}: {destination[i]:R}, the scalar method {expected:R}");
                }
            }
        }
    }

    /// <summary>
    /// The map into a destination at each of <see cref="Positions"/> elements from an arbitrary start and one byte off
    /// an element boundary, against the same map in place.
    /// </summary>
    private static void AtEveryAddress<T>(T[] x, MapOf<T> map)
        where T : unmanaged
    {
        T[] inPlace = (T[])x.Clone();
        map(inPlace, inPlace);
        T[] buffer = new T[x.Length + Positions];
        for (int start = 0; start < Positions; start++)
        {
            Span<T> destination = buffer.AsSpan(start, x.Length);
            map(x, destination);
            AssertSameBits(inPlace, destination, $"destination at element {start} of an array");
        }

        byte[] bytes = new byte[(x.Length * Marshal.SizeOf<T>()) + 1];
        Span<T> misaligned = MemoryMarshal.Cast<byte, T>(bytes.AsSpan(1));
        map(x, misaligned);
        AssertSameBits(inPlace, misaligned, "destination one byte off an element boundary");
    }

    private static void AssertSameBits<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string where)
        where T : unmanaged
    {
        ReadOnlySpan<byte> e = MemoryMarshal.AsBytes(expected);
        ReadOnlySpan<byte> a = MemoryMarshal.AsBytes(actual);
        if (!e.SequenceEqual(a))
        {
            int size = Marshal.SizeOf<T>();
            int first = 0;
            while (e.Slice(first * size, size).SequenceEqual(a.Slice(first * size, size)))
            {
                first++;
            }

            Assert.Fail($"{where}: element {first} of {expected.Length} is {actual[first]}, in place {expected[first]}");
        }
    }

    private static double[] Inputs(int length, double range, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() - 0.5) * 2 * range;
        }

        return values;
    }

    private delegate void MapOf<T>(ReadOnlySpan<T> x, Span<T> destination);
}
