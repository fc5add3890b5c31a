using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit;

namespace Simd.Tests.Operators;

/// <summary>A one-argument vector function at each width (128, 256, 512, <see cref="Vector{T}"/>).</summary>
internal sealed record Unary<T>(
    Func<Vector128<T>, Vector128<T>> V128,
    Func<Vector256<T>, Vector256<T>> V256,
    Func<Vector512<T>, Vector512<T>> V512,
    Func<Vector<T>, Vector<T>> VT);

/// <summary>A two-argument vector function at each width.</summary>
internal sealed record Binary<T>(
    Func<Vector128<T>, Vector128<T>, Vector128<T>> V128,
    Func<Vector256<T>, Vector256<T>, Vector256<T>> V256,
    Func<Vector512<T>, Vector512<T>, Vector512<T>> V512,
    Func<Vector<T>, Vector<T>, Vector<T>> VT);

/// <summary>Runs a vector function over whole vectors of an input array at one width.</summary>
internal static class VectorRunner
{
    public static readonly string[] WidthNames = ["Vector128", "Vector256", "Vector512", "Vector<T>"];

    public static int Count<T>(int width) => width switch
    {
        0 => Vector128<T>.Count,
        1 => Vector256<T>.Count,
        2 => Vector512<T>.Count,
        _ => Vector<T>.Count,
    };

    public static T[] Run<T>(Unary<T> f, int width, T[] inputs)
    {
        T[] results = new T[inputs.Length];
        int count = Count<T>(width);
        Assert.True(inputs.Length % count == 0, "The sample count must be a multiple of every vector width.");
        for (int i = 0; i < inputs.Length; i += count)
        {
            ReadOnlySpan<T> x = inputs.AsSpan(i, count);
            Span<T> y = results.AsSpan(i, count);
            switch (width)
            {
                case 0: f.V128(Vector128.Create(x)).CopyTo(y); break;
                case 1: f.V256(Vector256.Create(x)).CopyTo(y); break;
                case 2: f.V512(Vector512.Create(x)).CopyTo(y); break;
                default: f.VT(new Vector<T>(x)).CopyTo(y); break;
            }
        }

        return results;
    }

    public static T[] Run<T>(Binary<T> f, int width, T[] first, T[] second)
    {
        T[] results = new T[first.Length];
        int count = Count<T>(width);
        Assert.True(first.Length % count == 0, "The sample count must be a multiple of every vector width.");
        for (int i = 0; i < first.Length; i += count)
        {
            ReadOnlySpan<T> x = first.AsSpan(i, count);
            ReadOnlySpan<T> y = second.AsSpan(i, count);
            Span<T> z = results.AsSpan(i, count);
            switch (width)
            {
                case 0: f.V128(Vector128.Create(x), Vector128.Create(y)).CopyTo(z); break;
                case 1: f.V256(Vector256.Create(x), Vector256.Create(y)).CopyTo(z); break;
                case 2: f.V512(Vector512.Create(x), Vector512.Create(y)).CopyTo(z); break;
                default: f.VT(new Vector<T>(x), new Vector<T>(y)).CopyTo(z); break;
            }
        }

        return results;
    }

    /// <summary>Whether two values have the same bits, any NaN matching any NaN.</summary>
    public static bool SameBits(float a, float b)
        => float.IsNaN(a) ? float.IsNaN(b) : BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

    /// <inheritdoc cref="SameBits(float, float)"/>
    public static bool SameBits(double a, double b)
        => double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>How many representable values lie between a and b (±0 count as one value).</summary>
    public static long UlpDistance(float a, float b) => Math.Abs((long)Ordinal(a) - Ordinal(b));

    /// <inheritdoc cref="UlpDistance(float, float)"/>
    public static long UlpDistance(double a, double b)
    {
        long difference = Ordinal(a) - Ordinal(b);
        return difference == long.MinValue ? long.MaxValue : Math.Abs(difference);
    }

    private static int Ordinal(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        return bits < 0 ? int.MinValue - bits : bits;
    }

    private static long Ordinal(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
