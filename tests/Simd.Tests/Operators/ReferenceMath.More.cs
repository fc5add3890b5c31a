using System;
using System.Numerics;

namespace Simd.Tests.Operators;

/// <summary>
/// The references for the functions beyond exp, log and tanh, in double-double arithmetic (about 2⁻¹⁰⁰
/// relative): exp2, log2, log10, sin, cos, arctan, cbrt, hypot and the logistic function. π comes from
/// Machin's formula evaluated here in 400-bit integer arithmetic, so no constant of the library under test
/// enters a reference.
/// </summary>
internal static partial class ReferenceMath
{
    private const int FixedBits = 400;

    // π·2⁴⁰⁰, from π = 16·arctan(1/5) − 4·arctan(1/239), each series summed in integers with 16 guard bits.
    private static readonly BigInteger PiFixed = (16 * ArctanOfInverse(5)) - (4 * ArctanOfInverse(239)) >> 16;

    /// <summary>π as a double-double.</summary>
    public static readonly DoubleDouble Pi = FixedToDoubleDouble(PiFixed);

    private static readonly DoubleDouble InverseLn2 = (DoubleDouble)1.0 / Ln2;
    private static readonly DoubleDouble Ln10 = Log(10.0);
    private static readonly DoubleDouble[] InverseFactorials30 = BuildInverseFactorials(30);

    /// <summary>2ˣ as <c>Mantissa · 2^Exponent</c>.</summary>
    public static (DoubleDouble Mantissa, int Exponent) Exp2(double x)
    {
        double k = Math.Round(x);
        // x − k is exact; (x − k)·ln 2 is a double-double product.
        return (ExpSmall(Ln2 * (x - k)), (int)k);
    }

    /// <summary>log₂ x for finite x &gt; 0.</summary>
    public static DoubleDouble Log2(double x) => Log(x) * InverseLn2;

    /// <summary>log₁₀ x for finite x &gt; 0.</summary>
    public static DoubleDouble Log10(double x) => Log(x) / Ln10;

    /// <summary>1/(1 + e⁻ˣ) for x ≥ −700.</summary>
    public static DoubleDouble Sigmoid(double x)
    {
        (DoubleDouble m, int k) = Exp(-x);
        return (DoubleDouble)1.0 / (m.ScaleB(k) + 1.0);
    }

    /// <summary>sin x for finite x.</summary>
    public static DoubleDouble Sin(double x)
    {
        (DoubleDouble r, int quadrant) = ReduceHalfPi(x);
        return quadrant switch
        {
            0 => SinSmall(r),
            1 => CosSmall(r),
            2 => -SinSmall(r),
            _ => -CosSmall(r),
        };
    }

    /// <summary>cos x for finite x.</summary>
    public static DoubleDouble Cos(double x)
    {
        (DoubleDouble r, int quadrant) = ReduceHalfPi(x);
        return quadrant switch
        {
            0 => CosSmall(r),
            1 => -SinSmall(r),
            2 => -CosSmall(r),
            _ => SinSmall(r),
        };
    }

    /// <summary>arctan x for any x (±π/2 for ±∞).</summary>
    public static DoubleDouble Atan(double x) => x < 0 ? -AtanOf(-(DoubleDouble)x) : AtanOf(x);

    /// <summary>The angle of (x, y) for finite, not both zero x and y whose ratio stays within 2^±900.</summary>
    public static DoubleDouble Atan2(double y, double x)
    {
        DoubleDouble t = x == 0 ? Pi.ScaleB(-1) : AtanOf((DoubleDouble)Math.Abs(y) / Math.Abs(x));
        if (x < 0)
        {
            t = Pi - t;
        }

        return y < 0 ? -t : t;
    }

    /// <summary>∛x as <c>Mantissa · 2^Exponent</c> for finite x.</summary>
    public static (DoubleDouble Mantissa, int Exponent) Cbrt(double x)
    {
        double a = Math.Abs(x);
        // Scale by 2^(3s) so that y³ stays in the normal range, and take s off the exponent of the root.
        int s = a < 1e-200 ? 333 : 0;
        a = Math.ScaleB(a, 3 * s);
        DoubleDouble y = Math.Cbrt(a);
        // One Newton step from the double root: the relative error goes from 2⁻⁵² to about 2⁻¹⁰⁴.
        DoubleDouble cube = y * y * y;
        y += (a - cube) / (3 * y.Hi * y.Hi);
        return (x < 0 ? -y : y, -s);
    }

    /// <summary>√(x² + y²) as <c>Mantissa · 2^Exponent</c> for finite x and y.</summary>
    public static (DoubleDouble Mantissa, int Exponent) Hypot(double x, double y)
    {
        double big = Math.Max(Math.Abs(x), Math.Abs(y));
        if (big == 0)
        {
            return (0.0, 0);
        }

        // Scale both by 2^−e exactly (into [1, 2) for the larger), where the squares are exact double-doubles.
        int e = Math.ILogB(big);
        double a = Math.ScaleB(x, -e);
        double b = Math.ScaleB(y, -e);
        return (Sqrt(((DoubleDouble)a * a) + ((DoubleDouble)b * b)), e);
    }

    /// <summary>√v for v &gt; 0: the double root and one Newton step.</summary>
    public static DoubleDouble Sqrt(DoubleDouble v)
    {
        double s = Math.Sqrt(v.Hi);
        return (DoubleDouble)s + ((v - ((DoubleDouble)s * s)) / (2 * s));
    }

    /// <summary>x = k·π/2 + r with |r| ≤ π/4: r to about 2⁻¹⁰⁶ relative (the subtraction is exact in 400-bit integers) and k mod 4.</summary>
    private static (DoubleDouble R, int Quadrant) ReduceHalfPi(double x)
    {
        if (Math.Abs(x) < 0.5)
        {
            return (x, 0);
        }

        // x = mantissa·2^exponent exactly; as a 400-bit fixed-point integer.
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exponent = (int)((bits >> 52) & 0x7FF) - 1075;
        BigInteger mantissa = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        BigInteger fixedX = mantissa << (exponent + FixedBits);
        BigInteger halfPi = PiFixed >> 1;
        BigInteger k = BigInteger.Divide((fixedX << 1) + halfPi, halfPi << 1);
        BigInteger r = fixedX - (k * halfPi);
        int quadrant = (int)(k % 4);
        DoubleDouble reduced = FixedToDoubleDouble(r);
        if (x < 0)
        {
            reduced = -reduced;
            quadrant = (4 - quadrant) % 4;
        }

        return (reduced, quadrant);
    }

    private static DoubleDouble SinSmall(DoubleDouble r)
    {
        // Σ (−1)ᵏ r²ᵏ⁺¹/(2k + 1)!: 14 terms on |r| ≤ 0.8 leave < 0.8²⁹/29!.
        DoubleDouble z = r * r;
        DoubleDouble sum = InverseFactorials30[29];
        for (int n = 27; n >= 1; n -= 2)
        {
            sum = InverseFactorials30[n] - (sum * z);
        }

        return sum * r;
    }

    private static DoubleDouble CosSmall(DoubleDouble r)
    {
        DoubleDouble z = r * r;
        DoubleDouble sum = InverseFactorials30[30];
        for (int n = 28; n >= 0; n -= 2)
        {
            sum = InverseFactorials30[n] - (sum * z);
        }

        return sum;
    }

    /// <summary>arctan t for t ≥ 0: above 1 through π/2 − arctan(1/t); then three halvings of the angle and a series.</summary>
    private static DoubleDouble AtanOf(DoubleDouble t)
    {
        if (double.IsPositiveInfinity(t.Hi))
        {
            return Pi.ScaleB(-1);
        }

        if (t.Hi < 1e-150)
        {
            // arctan t = t − t³/3 + …: the correction is below 2⁻³⁰⁰ of t.
            return t;
        }

        if (t.Hi > 1)
        {
            return Pi.ScaleB(-1) - AtanOf((DoubleDouble)1.0 / t);
        }

        // arctan t = 2·arctan(t/(1 + √(1 + t²))), three times: t ≤ tan(π/32) < 0.1, so 30 terms leave < 0.1⁶¹.
        for (int i = 0; i < 3; i++)
        {
            t /= Sqrt((t * t) + 1.0) + 1.0;
        }

        DoubleDouble z = t * t;
        DoubleDouble sum = (DoubleDouble)1.0 / 61;
        for (int n = 59; n >= 1; n -= 2)
        {
            sum = ((DoubleDouble)1.0 / n) - (sum * z);
        }

        return (sum * t).ScaleB(3);
    }

    private static BigInteger ArctanOfInverse(int n)
    {
        // arctan(1/n)·2^(FixedBits + 16) = Σ (−1)ᵏ 2^(FixedBits + 16)/((2k + 1)·n^(2k + 1)).
        BigInteger power = (BigInteger.One << (FixedBits + 16)) / n;
        BigInteger sum = BigInteger.Zero;
        BigInteger nn = (BigInteger)n * n;
        for (int k = 0; !power.IsZero; k++)
        {
            BigInteger term = power / ((2 * k) + 1);
            sum += k % 2 == 0 ? term : -term;
            power /= nn;
        }

        return sum;
    }

    private static DoubleDouble FixedToDoubleDouble(BigInteger value)
    {
        bool negative = value.Sign < 0;
        BigInteger magnitude = BigInteger.Abs(value);
        // The top 53 bits, then the next 53: each conversion is exact, the remainder is below 2⁻¹⁰⁶ of the value.
        long length = (long)magnitude.GetBitLength();
        int shift = (int)Math.Max(0, length - 53);
        BigInteger top = magnitude >> shift;
        BigInteger rest = magnitude - (top << shift);
        int restShift = (int)Math.Max(0, shift - 53);
        double hi = Math.ScaleB((double)top, shift - FixedBits);
        double lo = Math.ScaleB((double)(rest >> restShift), restShift - FixedBits);
        DoubleDouble result = (DoubleDouble)hi + lo;
        return negative ? -result : result;
    }
}
