using System;
using Simd;

namespace Simd.Cuda.Tests;

/// <summary>
/// Integer and mixed-type kernels whose CUDA C is generated (the runtime has no integer device buffers yet, so they get
/// the source and no device overloads): the tests compile it to PTX and run it on the host against these methods.
/// </summary>
public static partial class IntegerCudaKernels
{
    /// <summary>Wrapping arithmetic, bitwise operators, shifts by a constant and by a uniform.</summary>
    [Kernel]
    public static int IntMix(int a, int b, [Uniform] int n)
        => ((a * b) + (a << n)) ^ ((b >> 3) - ~a) ^ (a >>> n) ^ -b;

    /// <summary>Long lanes: a 64-bit multiply, shifts by an int uniform, Min, Max, Clamp and a branch.</summary>
    [Kernel]
    public static long LongMix(long a, long b, [Uniform] int n)
    {
        long p = (a * b) - (b << n);
        if (p < 0)
        {
            p = Math.Clamp(p >>> n, -1000000, long.MaxValue);
        }

        return Math.Max(p, a) ^ Math.Min(b, long.MinValue + 5);
    }

    /// <summary>float and int lanes: a saturating conversion (NaN to 0) and one back.</summary>
    [Kernel]
    public static float FloatInt(float x, int i)
    {
        int q = (int)(x * 4f);
        return q < i ? (float)(q - i) : x * i;
    }

    /// <summary>double and long lanes, with the int of a condition on one type selecting the other.</summary>
    [Kernel]
    public static double DoubleLong(double x, long l)
    {
        long q = (long)x;
        return x > 0 ? (double)(q ^ l) : Math.Max(q, l);
    }

    /// <summary>A ref int lane: the device function returns its new value.</summary>
    [Kernel]
    public static void Bump(ref int a, [Uniform] int k) => a = Math.Clamp(a * k, -1000, 1000) + int.MinValue;

    /// <summary>A float kernel with an integer local: float parameters, so it gets device overloads too.</summary>
    [Kernel]
    public static float FloatWithIntLocal(float x)
    {
        int k = (int)x;
        k -= 1;
        return x - k;
    }
}
