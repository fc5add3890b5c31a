using System;
using Simd;

namespace Simd.Tests.Kernels;

/// <summary>
/// Kernels over <c>int</c> and <c>long</c> lanes, and kernels that mix them with <c>float</c> and <c>double</c> of the same
/// width: wrap-around arithmetic, bitwise operators, shifts by constants and uniforms, comparisons and branches,
/// Min/Max/Clamp, conversions at .NET's saturating semantics, integer reductions. The tests hold every path to them.
/// </summary>
public static partial class IntegerKernels
{
    /// <summary>Arithmetic that overflows (wraps as unchecked C# does), bitwise operators and constant shifts.</summary>
    [Kernel]
    public static int Mix(int a, int b, [Uniform] int k)
        => ((a * b) + k) ^ ((a >> 3) - (~b & 0xFF)) | (a << 5) ^ (b >>> 7) ^ -a;

    /// <summary>The same on long lanes: a 64-bit multiply (no AVX2 instruction), logical and arithmetic shifts.</summary>
    [Kernel]
    public static long MixLong(long a, long b, [Uniform] long k)
        => ((a * b) - (k * a)) ^ ((a >> 13) + (b >>> 40)) ^ (~a & 0x7FFF_FFFF_0000L) | (b << 33);

    /// <summary>Shifts by a uniform count, which C# masks to 0…31.</summary>
    [Kernel]
    public static int ShiftBy(int a, [Uniform] int n) => (a << n) ^ (a >> n) ^ (a >>> n);

    /// <summary>Shifts of long lanes by an int uniform (masked to 0…63), with compound shift assignments.</summary>
    [Kernel]
    public static long ShiftLongBy(long a, [Uniform] int n)
    {
        long left = a << n;
        long right = a >> n;
        long logical = a;
        logical >>>= n;
        left ^= logical;
        return left + right;
    }

    /// <summary>Comparisons, if / else with early returns, Min, Max, Clamp and an absolute value written as a select.</summary>
    [Kernel]
    public static int Classify(int a, int b, [Uniform] int lo, [Uniform] int hi)
    {
        if (a < b)
        {
            return a - b;
        }
        else if (a == b)
        {
            return a < 0 ? -a : a;
        }

        int c = Math.Clamp(a, lo, hi);
        return Math.Max(c, b) * 2 + Math.Min(a, -b);
    }

    /// <summary>An integer local that accumulates over an unrolled loop, and ++ on it.</summary>
    [Kernel]
    public static long Hash(long a)
    {
        long h = 1469598103934665603L;
        for (int i = 0; i < 4; i++)
        {
            h ^= (a >>> (8 * i)) & 0xFF;
            h *= 1099511628211L;
        }

        h++;
        return h;
    }

    /// <summary>In place: a ref int lane updated from itself and another lane.</summary>
    [Kernel]
    public static void Accumulate(ref int total, int value, [Uniform] int scale) => total += value * scale;

    /// <summary>(int)x as .NET converts: toward zero, saturating, NaN to 0.</summary>
    [Kernel]
    public static int ToInt(float x) => (int)x;

    /// <summary>(float)i, rounded to nearest.</summary>
    [Kernel]
    public static float ToFloat(int i) => (float)i;

    /// <summary>(long)x as .NET converts: toward zero, saturating, NaN to 0.</summary>
    [Kernel]
    public static long ToLong(double x) => (long)x;

    /// <summary>(double)l, rounded to nearest (long values beyond 2^53 round).</summary>
    [Kernel]
    public static double ToDouble(long l) => l;

    /// <summary>Mixed float and int lanes: quantise to an int code (an out lane) and return the dequantised value.</summary>
    [Kernel]
    public static float Quantize(float x, [Uniform] float scale, out int code)
    {
        code = (int)MathF.Round(x * scale);
        return code / scale;
    }

    /// <summary>Mixed double and long lanes, with a condition on one type selecting values of the other.</summary>
    [Kernel]
    public static double Scale(double x, long n, [Uniform] int shift)
    {
        long m = x > 0 ? n << shift : -n;
        bool big = m > 1000;
        return big ? x * m : x - m;
    }

    /// <summary>Integer reductions: the sum wraps (exact in any order); min and max are exact.</summary>
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static int Square(int a) => a * a;

    /// <summary>A long product, reduced: the sum's fused form is a multiply and an add on integers.</summary>
    [Kernel(Reductions = Reduction.Sum | Reduction.Min | Reduction.Max)]
    public static long Product(long a, long b) => a * b;

    /// <summary>A float kernel with an integer local: the floor of a value by truncation of a shifted copy.</summary>
    [Kernel(Reductions = Reduction.Sum)]
    public static float FloatWithIntLocal(float x)
    {
        int k = (int)x;
        k -= 3;
        return x - k;
    }
}
