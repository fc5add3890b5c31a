using System;

namespace Simd.Tests.Operators;

/// <summary>
/// exp, log and tanh in double-double arithmetic, accurate to about 2⁻¹⁰⁰ relative: far below the
/// double ulp (2⁻⁵²), so the ulp errors measured against them are the errors against the exact values.
/// Results that may leave the double range are returned as a mantissa and a power of two.
/// </summary>
internal static partial class ReferenceMath
{
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    // 1/n! and 1/n as double-doubles, so that the series below multiply instead of divide.
    private static readonly DoubleDouble[] InverseFactorials = BuildInverseFactorials(20);
    private static readonly DoubleDouble[] Reciprocals = BuildReciprocals(30);

    /// <summary>eˣ as <c>Mantissa · 2^Exponent</c>, the mantissa within [0.7, 1.5].</summary>
    public static (DoubleDouble Mantissa, int Exponent) Exp(double x)
    {
        int k = (int)Math.Round(x / Ln2.Hi);
        // x − k·ln2: k·Ln2.Hi is exact as a double-double product, the rest is far below 2⁻¹⁰⁰.
        DoubleDouble r = (DoubleDouble)x - (Ln2 * k);
        return (ExpSmall(r), k);
    }

    /// <summary>eʳ for |r| ≤ 0.35 (or a little more).</summary>
    public static DoubleDouble ExpSmall(DoubleDouble r)
    {
        // e^r = (e^(r/1024))^1024: |r/1024| < 3.4e-4, so 11 Taylor terms leave < 1e-40; the ten
        // squarings multiply the relative error by 1024.
        r = r.ScaleB(-10);
        DoubleDouble sum = InverseFactorials[11];
        for (int n = 10; n >= 0; n--)
        {
            sum = (sum * r) + InverseFactorials[n];
        }

        for (int i = 0; i < 10; i++)
        {
            sum *= sum;
        }

        return sum;
    }

    /// <summary>ln x for finite x &gt; 0.</summary>
    public static DoubleDouble Log(double x)
    {
        double d = x - 1;
        if (Math.Abs(d) < 1.0 / 32)
        {
            // Near 1 (where d = x − 1 is exact): ln(1 + d) = Σ (−1)ⁿ⁺¹ dⁿ/n; 30 terms leave < 32⁻³⁰.
            DoubleDouble series = -Reciprocals[30];
            for (int n = 29; n >= 1; n--)
            {
                series = (n % 2 == 1 ? Reciprocals[n] : -Reciprocals[n]) + (series * d);
            }

            return series * d;
        }

        // One Newton step from the double logarithm y0: ln x = y0 + ln(1 + t) ≈ y0 + t with t = x·e^−y0 − 1.
        // t is y0's own error, about 2⁻⁵²·|y0|, so the dropped t²/2 is below 2⁻¹⁰⁴·y0², that is below 2⁻⁹⁴ of
        // |ln x| for every double x (it is 2⁻¹⁰⁴·|y0| of it, and |y0| ≤ 745).
        double y0 = Math.Log(x);
        (DoubleDouble m, int k) = Exp(-y0);
        DoubleDouble t = m * Math.ScaleB(x, k);
        return (DoubleDouble)y0 + (t - 1.0);
    }

    /// <summary>tanh x for finite x.</summary>
    public static DoubleDouble Tanh(double x)
    {
        double a = Math.Abs(x);
        DoubleDouble magnitude;
        if (a > 40)
        {
            // 1 − tanh a < 2e-34 here: far below half a double ulp of 1.
            magnitude = 1.0;
        }
        else if (a < 1.0 / 16)
        {
            // tanh a = m/(m + 2) with m = e^(2a) − 1 summed directly (no cancellation): 20 terms of
            // (2a)ⁿ/n! leave < 8⁻²⁰/20!.
            DoubleDouble m = InverseFactorials[20];
            for (int n = 19; n >= 1; n--)
            {
                m = (m * (2 * a)) + InverseFactorials[n];
            }

            m *= 2 * a;

            magnitude = m / (m + 2.0);
        }
        else
        {
            (DoubleDouble mantissa, int k) = Exp(2 * a);
            DoubleDouble e = mantissa.ScaleB(k);
            magnitude = (e - 1.0) / (e + 1.0);
        }

        return x < 0 ? -magnitude : magnitude;
    }

    /// <summary>
    /// |<paramref name="actual"/> − exact| in ulps of the exact value <c>mantissa · 2^exponent</c> rounded to
    /// double (subnormal spacing 2⁻¹⁰⁷⁴ below 2⁻¹⁰²²).
    /// </summary>
    public static double UlpErrorDouble(double actual, DoubleDouble mantissa, int exponent)
        => UlpError(actual, mantissa, exponent, 52, -1022);

    /// <summary>As <see cref="UlpErrorDouble"/> for a float result (spacing 2⁻²³ relative, 2⁻¹⁴⁹ below 2⁻¹²⁶).</summary>
    public static double UlpErrorSingle(float actual, DoubleDouble mantissa, int exponent)
        => UlpError(actual, mantissa, exponent, 23, -126);

    private static DoubleDouble[] BuildInverseFactorials(int count)
    {
        var values = new DoubleDouble[count + 1];
        values[0] = 1.0;
        for (int n = 1; n <= count; n++)
        {
            values[n] = values[n - 1] / n;
        }

        return values;
    }

    private static DoubleDouble[] BuildReciprocals(int count)
    {
        var values = new DoubleDouble[count + 1];
        for (int n = 1; n <= count; n++)
        {
            values[n] = (DoubleDouble)1.0 / n;
        }

        return values;
    }

    private static double UlpError(double actual, DoubleDouble mantissa, int exponent, int fractionBits, int minExponent)
    {
        if (mantissa.Hi == 0)
        {
            return actual == 0 ? 0 : double.PositiveInfinity;
        }

        int valueExponent = Math.ILogB(mantissa.Hi) + exponent;
        int ulpExponent = Math.Max(valueExponent, minExponent) - fractionBits;
        // Compare at the mantissa's scale, where the scaled actual value is exact.
        DoubleDouble difference = (DoubleDouble)Math.ScaleB(actual, -exponent) - mantissa;
        return Math.ScaleB(Math.Abs(difference.Hi), exponent - ulpExponent);
    }
}
