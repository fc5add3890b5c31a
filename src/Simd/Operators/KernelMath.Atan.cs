using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Atan</c> and <c>Atan2</c> overloads against the exact
    /// value, in float ulps: computed by the double functions and rounded once.
    /// </summary>
    public const double AtanSingleMaxUlpError = 0.501;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Atan</c> and <c>Atan2</c> overloads against the
    /// exact value, in double ulps; docs/kernel-math.md gives the measurement.
    /// </summary>
    public const double AtanDoubleMaxUlpError = 2.0;

    /// <summary>arctan x for each lane, in radians, within <see cref="AtanSingleMaxUlpError"/> ulp: <see cref="MathF.Atan"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>arctan x per lane, in [−π/2, π/2]: ±0 for ±0, ±π/2 for ±∞, NaN for NaN.</returns>
    public static Vector128<float> Atan(Vector128<float> x)
    {
        (Vector128<double> xLower, Vector128<double> xUpper) = Vector128.Widen(x);
        return Vector128.Narrow(Atan(xLower), Atan(xUpper));
    }

    /// <inheritdoc cref="Atan(Vector128{float})"/>
    public static Vector256<float> Atan(Vector256<float> x)
    {
        (Vector256<double> xLower, Vector256<double> xUpper) = Vector256.Widen(x);
        return Vector256.Narrow(Atan(xLower), Atan(xUpper));
    }

    /// <inheritdoc cref="Atan(Vector128{float})"/>
    public static Vector512<float> Atan(Vector512<float> x)
    {
        (Vector512<double> xLower, Vector512<double> xUpper) = Vector512.Widen(x);
        return Vector512.Narrow(Atan(xLower), Atan(xUpper));
    }

    /// <inheritdoc cref="Atan(Vector128{float})"/>
    public static Vector<float> Atan(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> xLower, out Vector<double> xUpper);
        return Vector.Narrow(Atan(xLower), Atan(xUpper));
    }

    /// <summary>arctan x for each lane, in radians, within <see cref="AtanDoubleMaxUlpError"/> ulp: <see cref="Math.Atan"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>arctan x per lane, in [−π/2, π/2]: ±0 for ±0, ±π/2 for ±∞, NaN for NaN.</returns>
    public static Vector128<double> Atan(Vector128<double> x) => AtanDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Atan(Vector128{double})"/>
    public static Vector256<double> Atan(Vector256<double> x) => AtanDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Atan(Vector128{double})"/>
    public static Vector512<double> Atan(Vector512<double> x) => AtanDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Atan(Vector128{double})"/>
    public static Vector<double> Atan(Vector<double> x) => AtanDouble<DoubleLanesVector, Vector<double>>(x);

    /// <summary>The angle of the point (x, y) for each pair of lanes, in radians, within <see cref="AtanSingleMaxUlpError"/> ulp: <see cref="MathF.Atan2"/> (note the order: y first).</summary>
    /// <param name="y">The ordinates.</param>
    /// <param name="x">The abscissae.</param>
    /// <returns>The angles, in [−π, π], with the signed zeros and infinities of <see cref="MathF.Atan2"/>: ±0 or ±π for y = ±0, ±π/2 for x = ±0, ±π/4 and ±3π/4 for two infinities, NaN where either is NaN.</returns>
    public static Vector128<float> Atan2(Vector128<float> y, Vector128<float> x)
    {
        (Vector128<double> yLower, Vector128<double> yUpper) = Vector128.Widen(y);
        (Vector128<double> xLower, Vector128<double> xUpper) = Vector128.Widen(x);
        return Vector128.Narrow(Atan2(yLower, xLower), Atan2(yUpper, xUpper));
    }

    /// <inheritdoc cref="Atan2(Vector128{float}, Vector128{float})"/>
    public static Vector256<float> Atan2(Vector256<float> y, Vector256<float> x)
    {
        (Vector256<double> yLower, Vector256<double> yUpper) = Vector256.Widen(y);
        (Vector256<double> xLower, Vector256<double> xUpper) = Vector256.Widen(x);
        return Vector256.Narrow(Atan2(yLower, xLower), Atan2(yUpper, xUpper));
    }

    /// <inheritdoc cref="Atan2(Vector128{float}, Vector128{float})"/>
    public static Vector512<float> Atan2(Vector512<float> y, Vector512<float> x)
    {
        (Vector512<double> yLower, Vector512<double> yUpper) = Vector512.Widen(y);
        (Vector512<double> xLower, Vector512<double> xUpper) = Vector512.Widen(x);
        return Vector512.Narrow(Atan2(yLower, xLower), Atan2(yUpper, xUpper));
    }

    /// <inheritdoc cref="Atan2(Vector128{float}, Vector128{float})"/>
    public static Vector<float> Atan2(Vector<float> y, Vector<float> x)
    {
        Vector.Widen(y, out Vector<double> yLower, out Vector<double> yUpper);
        Vector.Widen(x, out Vector<double> xLower, out Vector<double> xUpper);
        return Vector.Narrow(Atan2(yLower, xLower), Atan2(yUpper, xUpper));
    }

    /// <summary>The angle of the point (x, y) for each pair of lanes, in radians, within <see cref="AtanDoubleMaxUlpError"/> ulp: <see cref="Math.Atan2"/> (note the order: y first).</summary>
    /// <param name="y">The ordinates.</param>
    /// <param name="x">The abscissae.</param>
    /// <returns>The angles, in [−π, π], with the signed zeros and infinities of <see cref="Math.Atan2"/>: ±0 or ±π for y = ±0, ±π/2 for x = ±0, ±π/4 and ±3π/4 for two infinities, NaN where either is NaN.</returns>
    public static Vector128<double> Atan2(Vector128<double> y, Vector128<double> x) => Atan2Double<DoubleLanes128, Vector128<double>>(y, x);

    /// <inheritdoc cref="Atan2(Vector128{double}, Vector128{double})"/>
    public static Vector256<double> Atan2(Vector256<double> y, Vector256<double> x) => Atan2Double<DoubleLanes256, Vector256<double>>(y, x);

    /// <inheritdoc cref="Atan2(Vector128{double}, Vector128{double})"/>
    public static Vector512<double> Atan2(Vector512<double> y, Vector512<double> x) => Atan2Double<DoubleLanes512, Vector512<double>>(y, x);

    /// <inheritdoc cref="Atan2(Vector128{double}, Vector128{double})"/>
    public static Vector<double> Atan2(Vector<double> y, Vector<double> x) => Atan2Double<DoubleLanesVector, Vector<double>>(y, x);

    private const double PiOver4Hi = 0.7853981633974483;
    private const double PiOver4Lo = 3.061616997868383e-17;
    private const double PiOver2Hi = 1.5707963267948966;
    private const double PiOver2Lo = 6.123233995736766e-17;
    private const double PiHi = 3.141592653589793;
    private const double PiLo = 1.2246467991473532e-16;
    private const double AtanHalfHi = 0.4636476090008061;
    private const double AtanHalfLo = 2.2698777452961687e-17;

    // arctan u = u + u³·P(u²) on |u| ≤ 7/16, P of degree 11: a weighted least-squares fit refined towards
    // minimax in 70-digit arithmetic (tools/kernel-math-fit.py), rounded to double; its error as rounded is
    // below 0.03 ulp. The coefficients are close to −1/3, 1/5, −1/7, ….
    private const double AtanC0 = -0.33333333333333315;
    private const double AtanC1 = 0.1999999999999296;
    private const double AtanC2 = -0.14285714284832177;
    private const double AtanC3 = 0.11111111055571188;
    private const double AtanC4 = -0.09090907036514712;
    private const double AtanC5 = 0.07692259143671037;
    private const double AtanC6 = -0.06665897754755927;
    private const double AtanC7 = 0.05873979204994848;
    private const double AtanC8 = -0.051998877053362785;
    private const double AtanC9 = 0.04432287996287645;
    private const double AtanC10 = -0.03190249341279761;
    private const double AtanC11 = 0.013680741091185417;

    /// <summary>
    /// arctan a for a in [0, 1], in three pieces so that no reduction cancels much: a itself below 7/16;
    /// arctan ½ + arctan((2a − 1)/(2 + a)) below 11/16; π/4 + arctan((a − 1)/(a + 1)) above. The numerators are
    /// exact (Sterbenz), the reduced argument stays below 0.19 in magnitude there, and its rounding errors reach
    /// the result scaled down by at least 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector AtanUnit<TLanes, TVector>(TVector a)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector one = TLanes.Create(1.0);
        TVector zero = TLanes.Create(0.0);
        TVector middle = TLanes.LessThan(a, TLanes.Create(11.0 / 16.0));
        TVector direct = TLanes.LessThan(a, TLanes.Create(7.0 / 16.0));
        TVector twoA = TLanes.Add(a, a);
        TVector numerator = TLanes.Select(middle, TLanes.Subtract(twoA, one), TLanes.Subtract(a, one));
        TVector denominator = TLanes.Select(middle, TLanes.Add(TLanes.Create(2.0), a), TLanes.Add(a, one));
        TVector u = TLanes.Select(direct, a, TLanes.Divide(numerator, denominator));
        TVector head = TLanes.Select(direct, zero, TLanes.Select(middle, TLanes.Create(AtanHalfHi), TLanes.Create(PiOver4Hi)));
        TVector headTail = TLanes.Select(direct, zero, TLanes.Select(middle, TLanes.Create(AtanHalfLo), TLanes.Create(PiOver4Lo)));

        TVector z = TLanes.Multiply(u, u);
        TVector p = TLanes.Create(AtanC11);
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC10));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC9));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC8));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC7));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC6));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC5));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC4));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC3));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC2));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC1));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(AtanC0));
        TVector tail = TLanes.Multiply(TLanes.Multiply(u, z), p);
        return TLanes.Add(head, TLanes.Add(u, TLanes.Add(tail, headTail)));
    }

    /// <summary>π/2 − t with π/2 as a head and a tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector PiOver2Minus<TLanes, TVector>(TVector t)
        where TLanes : IDoubleLanes<TVector>
        => TLanes.Subtract(TLanes.Create(PiOver2Hi), TLanes.Subtract(t, TLanes.Create(PiOver2Lo)));

    /// <summary>arctan |x| = π/2 − arctan(1/|x|) above 1, the sign put back last (±0 and NaN pass through).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector AtanDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector a = TLanes.Abs(x);
        TVector inverted = TLanes.LessThan(TLanes.Create(1.0), a);
        TVector t = AtanUnit<TLanes, TVector>(TLanes.Select(inverted, TLanes.Divide(TLanes.Create(1.0), a), a));
        return TLanes.CopySign(TLanes.Select(inverted, PiOver2Minus<TLanes, TVector>(t), t), x);
    }

    /// <summary>
    /// arctan(min/max) of the magnitudes, reflected to π/2 − t where |y| &gt; |x| and to π − t where x has its
    /// sign bit set, with the sign of y. 0/0 is taken as 0 and ∞/∞ as 1, which gives the IEEE special values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Atan2Double<TLanes, TVector>(TVector y, TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector ax = TLanes.Abs(x);
        TVector ay = TLanes.Abs(y);
        TVector low = TLanes.Min(ax, ay);
        TVector high = TLanes.Max(ax, ay);
        TVector zero = TLanes.Create(0.0);
        TVector one = TLanes.Create(1.0);
        TVector ratio = TLanes.Divide(low, high);
        ratio = TLanes.Select(TLanes.Equal(high, zero), zero, ratio);
        ratio = TLanes.Select(TLanes.Equal(low, TLanes.Create(double.PositiveInfinity)), one, ratio);
        TVector t = AtanUnit<TLanes, TVector>(ratio);

        // The quadrant: t, π/2 − t (|y| > |x|), π − t (x negative) or π/2 + t (both), each as a head plus
        // (±t + tail) so that the head of π/2 or π is not rounded twice.
        TVector steep = TLanes.LessThan(ax, ay);
        TVector negativeX = TLanes.LessThan(TLanes.CopySign(one, x), zero);
        TVector positive = TLanes.Select(steep, negativeX, TLanes.Select(negativeX, zero, TLanes.Equal(zero, zero)));
        TVector signed = TLanes.Select(positive, t, TLanes.Multiply(t, TLanes.Create(-1.0)));
        TVector head = TLanes.Select(steep, TLanes.Create(PiOver2Hi), TLanes.Select(negativeX, TLanes.Create(PiHi), zero));
        TVector tail = TLanes.Select(steep, TLanes.Create(PiOver2Lo), TLanes.Select(negativeX, TLanes.Create(PiLo), zero));
        t = TLanes.Add(head, TLanes.Add(signed, tail));
        TVector result = TLanes.CopySign(t, y);
        return TLanes.Select(TLanes.And(TLanes.Equal(x, x), TLanes.Equal(y, y)), result, TLanes.Add(x, y));
    }
}
