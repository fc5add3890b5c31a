using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> overloads
    /// against the exact value, in float ulps of the result, for every finite input. They are computed by the
    /// double functions and rounded once.
    /// </summary>
    public const double SinCosSingleMaxUlpError = 0.501;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> overloads
    /// against the exact value, in double ulps of the result, for |x| ≤ <see cref="SinCosFastPathLimit"/>;
    /// beyond it the lanes are <see cref="Math.Sin"/> and <see cref="Math.Cos"/> themselves.
    /// </summary>
    public const double SinCosDoubleMaxUlpError = 1.0;

    /// <summary>
    /// The largest |x| the vector <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> reduce themselves (2¹⁹·π/2·0.99:
    /// the quadrant count k stays below 2¹⁹, so k times each 33-bit part of π/2 is exact); a vector with a
    /// finite lane beyond it takes the scalar slow path.
    /// </summary>
    public const double SinCosFastPathLimit = 820_000.0;

    /// <summary>sin x for each lane (x in radians), within <see cref="SinCosSingleMaxUlpError"/> ulp: <see cref="MathF.Sin"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>sin x per lane: NaN for ±∞ and NaN, ±0 for ±0.</returns>
    /// <remarks>Computed by the double function and rounded once; see <see cref="Sin(Vector128{double})"/> for the range of the fast path.</remarks>
    public static Vector128<float> Sin(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(Sin(lower), Sin(upper));
    }

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector256<float> Sin(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(Sin(lower), Sin(upper));
    }

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector512<float> Sin(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(Sin(lower), Sin(upper));
    }

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector<float> Sin(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
        return Vector.Narrow(Sin(lower), Sin(upper));
    }

    /// <summary>sin x for each lane (x in radians), within <see cref="SinCosDoubleMaxUlpError"/> ulp: <see cref="Math.Sin"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>sin x per lane: NaN for ±∞ and NaN, ±0 for ±0.</returns>
    /// <remarks>
    /// The vector path covers |x| ≤ <see cref="SinCosFastPathLimit"/>; a vector with a finite lane beyond it is
    /// computed lane by lane with <see cref="Math.Sin"/> (the same bits as the scalar method there, at scalar speed).
    /// </remarks>
    public static Vector128<double> Sin(Vector128<double> x)
        => SinDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Sin(Vector128{double})"/>
    public static Vector256<double> Sin(Vector256<double> x)
        => SinDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Sin(Vector128{double})"/>
    public static Vector512<double> Sin(Vector512<double> x)
        => SinDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Sin(Vector128{double})"/>
    public static Vector<double> Sin(Vector<double> x)
        => SinDouble<DoubleLanesVector, Vector<double>>(x);

    /// <summary>cos x for each lane (x in radians), within <see cref="SinCosSingleMaxUlpError"/> ulp: <see cref="MathF.Cos"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>cos x per lane: NaN for ±∞ and NaN, 1 for ±0.</returns>
    /// <remarks>Computed by the double function and rounded once; see <see cref="Cos(Vector128{double})"/> for the range of the fast path.</remarks>
    public static Vector128<float> Cos(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(Cos(lower), Cos(upper));
    }

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector256<float> Cos(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(Cos(lower), Cos(upper));
    }

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector512<float> Cos(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(Cos(lower), Cos(upper));
    }

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector<float> Cos(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
        return Vector.Narrow(Cos(lower), Cos(upper));
    }

    /// <summary>cos x for each lane (x in radians), within <see cref="SinCosDoubleMaxUlpError"/> ulp: <see cref="Math.Cos"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>cos x per lane: NaN for ±∞ and NaN, 1 for ±0.</returns>
    /// <remarks>
    /// The vector path covers |x| ≤ <see cref="SinCosFastPathLimit"/>; a vector with a finite lane beyond it is
    /// computed lane by lane with <see cref="Math.Cos"/> (the same bits as the scalar method there, at scalar speed).
    /// </remarks>
    public static Vector128<double> Cos(Vector128<double> x)
        => CosDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Cos(Vector128{double})"/>
    public static Vector256<double> Cos(Vector256<double> x)
        => CosDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Cos(Vector128{double})"/>
    public static Vector512<double> Cos(Vector512<double> x)
        => CosDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Cos(Vector128{double})"/>
    public static Vector<double> Cos(Vector<double> x)
        => CosDouble<DoubleLanesVector, Vector<double>>(x);

    /// <summary>sin x and cos x for each lane from one argument reduction: <see cref="MathF.SinCos"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>The same lanes as <see cref="Sin(Vector128{float})"/> and <see cref="Cos(Vector128{float})"/>.</returns>
    public static (Vector128<float> Sin, Vector128<float> Cos) SinCos(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        (Vector128<double> sinLower, Vector128<double> cosLower) = SinCos(lower);
        (Vector128<double> sinUpper, Vector128<double> cosUpper) = SinCos(upper);
        return (Vector128.Narrow(sinLower, sinUpper), Vector128.Narrow(cosLower, cosUpper));
    }

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector256<float> Sin, Vector256<float> Cos) SinCos(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        (Vector256<double> sinLower, Vector256<double> cosLower) = SinCos(lower);
        (Vector256<double> sinUpper, Vector256<double> cosUpper) = SinCos(upper);
        return (Vector256.Narrow(sinLower, sinUpper), Vector256.Narrow(cosLower, cosUpper));
    }

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector512<float> Sin, Vector512<float> Cos) SinCos(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        (Vector512<double> sinLower, Vector512<double> cosLower) = SinCos(lower);
        (Vector512<double> sinUpper, Vector512<double> cosUpper) = SinCos(upper);
        return (Vector512.Narrow(sinLower, sinUpper), Vector512.Narrow(cosLower, cosUpper));
    }

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector<float> Sin, Vector<float> Cos) SinCos(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
        (Vector<double> sinLower, Vector<double> cosLower) = SinCos(lower);
        (Vector<double> sinUpper, Vector<double> cosUpper) = SinCos(upper);
        return (Vector.Narrow(sinLower, sinUpper), Vector.Narrow(cosLower, cosUpper));
    }

    /// <summary>sin x and cos x for each lane from one argument reduction: <see cref="Math.SinCos"/>.</summary>
    /// <param name="x">The angles, in radians.</param>
    /// <returns>The same lanes as <see cref="Sin(Vector128{double})"/> and <see cref="Cos(Vector128{double})"/>.</returns>
    public static (Vector128<double> Sin, Vector128<double> Cos) SinCos(Vector128<double> x)
        => SinCosDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="SinCos(Vector128{double})"/>
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x)
        => SinCosDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="SinCos(Vector128{double})"/>
    public static (Vector512<double> Sin, Vector512<double> Cos) SinCos(Vector512<double> x)
        => SinCosDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="SinCos(Vector128{double})"/>
    public static (Vector<double> Sin, Vector<double> Cos) SinCos(Vector<double> x)
        => SinCosDouble<DoubleLanesVector, Vector<double>>(x);

    private const double TwoOverPi = 0.6366197723675814;

    // π/2 = PiOver2Part1 + … + PiOver2Part4 to about 2⁻¹⁶⁰. Parts 1 to 3 have 33 significant bits, so their
    // products with k < 2²⁰ are exact.
    private const double PiOver2Part1 = 1.5707963267341256;
    private const double PiOver2Part2 = 6.077100506303966e-11;
    private const double PiOver2Part3 = 2.0222662487111665e-21;
    private const double PiOver2Part4 = 8.4784276603689e-32;

    // Taylor coefficients ±1/n!: on |r| ≤ π/4 the first omitted terms are below 2⁻⁶² (sin) and 2⁻⁵⁸ (cos)
    // relative to the result.
    private const double SinC3 = -0.16666666666666666;
    private const double SinC5 = 0.008333333333333333;
    private const double SinC7 = -0.0001984126984126984;
    private const double SinC9 = 2.7557319223985893e-06;
    private const double SinC11 = -2.505210838544172e-08;
    private const double SinC13 = 1.6059043836821613e-10;
    private const double SinC15 = -7.647163731819816e-13;
    private const double SinC17 = 2.8114572543455206e-15;
    private const double CosC4 = 0.041666666666666664;
    private const double CosC6 = -0.001388888888888889;
    private const double CosC8 = 2.48015873015873e-05;
    private const double CosC10 = -2.755731922398589e-07;
    private const double CosC12 = 2.08767569878681e-09;
    private const double CosC14 = -1.1470745597729725e-11;
    private const double CosC16 = 4.779477332387385e-14;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SinDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        if (TLanes.Any(BeyondFastPath<TLanes, TVector>(x)))
        {
            return TLanes.Map(x, Math.Sin);
        }

        (TVector sin, _) = SinCosReduced<TLanes, TVector>(x);
        return sin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector CosDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        if (TLanes.Any(BeyondFastPath<TLanes, TVector>(x)))
        {
            return TLanes.Map(x, Math.Cos);
        }

        (_, TVector cos) = SinCosReduced<TLanes, TVector>(x);
        return cos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Sin, TVector Cos) SinCosDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        if (TLanes.Any(BeyondFastPath<TLanes, TVector>(x)))
        {
            return (TLanes.Map(x, Math.Sin), TLanes.Map(x, Math.Cos));
        }

        return SinCosReduced<TLanes, TVector>(x);
    }

    /// <summary>Lanes that are finite and beyond <see cref="SinCosFastPathLimit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector BeyondFastPath<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector a = TLanes.Abs(x);
        return TLanes.And(TLanes.LessThan(TLanes.Create(SinCosFastPathLimit), a), TLanes.LessThan(a, TLanes.Create(double.PositiveInfinity)));
    }

    /// <summary>
    /// x = k·π/2 + r with r carried as r + rc (about 2⁻¹⁰⁰ relative even next to a multiple of π/2), then
    /// sin and cos of r by their Taylor polynomials and the quadrant k mod 4 applied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Sin, TVector Cos) SinCosReduced<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector k = TLanes.Round(TLanes.Multiply(x, TLanes.Create(TwoOverPi)));

        // y1 is exact (k·part1 is exact and within a factor of two of x, or k = 0); each further exact
        // product is subtracted with TwoSum, keeping its rounding error.
        TVector y1 = TLanes.Subtract(x, TLanes.Multiply(k, TLanes.Create(PiOver2Part1)));
        TVector m2 = TLanes.Multiply(k, TLanes.Create(PiOver2Part2));
        TVector s = TLanes.Subtract(y1, m2);
        TVector sb = TLanes.Subtract(s, y1);
        TVector e = TLanes.Subtract(TLanes.Subtract(y1, TLanes.Subtract(s, sb)), TLanes.Add(m2, sb));
        TVector m3 = TLanes.Multiply(k, TLanes.Create(PiOver2Part3));
        TVector s2 = TLanes.Subtract(s, m3);
        TVector s2b = TLanes.Subtract(s2, s);
        TVector e2 = TLanes.Subtract(TLanes.Subtract(s, TLanes.Subtract(s2, s2b)), TLanes.Add(m3, s2b));
        TVector c = TLanes.Subtract(TLanes.Add(e, e2), TLanes.Multiply(k, TLanes.Create(PiOver2Part4)));
        TVector r = TLanes.Add(s2, c);
        TVector rc = TLanes.Subtract(c, TLanes.Subtract(r, s2));

        // sin(r + rc) ≈ r + (r³·P(r²) + rc); cos(r + rc) ≈ 1 − r²/2 + (r⁴·Q(r²) − r·rc), with 1 − r²/2
        // split so that its rounding error is kept.
        TVector z = TLanes.Multiply(r, r);
        TVector p = TLanes.Create(SinC17);
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC15));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC13));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC11));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC9));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC7));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC5));
        p = TLanes.Add(TLanes.Multiply(p, z), TLanes.Create(SinC3));
        TVector sin = TLanes.Add(r, TLanes.Add(TLanes.Multiply(TLanes.Multiply(z, r), p), rc));

        TVector q = TLanes.Create(CosC16);
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC14));
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC12));
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC10));
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC8));
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC6));
        q = TLanes.Add(TLanes.Multiply(q, z), TLanes.Create(CosC4));
        TVector one = TLanes.Create(1.0);
        TVector hz = TLanes.Multiply(z, TLanes.Create(0.5));
        TVector w = TLanes.Subtract(one, hz);
        TVector cosTail = TLanes.Add(
            TLanes.Subtract(TLanes.Subtract(one, w), hz),
            TLanes.Subtract(TLanes.Multiply(TLanes.Multiply(z, z), q), TLanes.Multiply(r, rc)));
        TVector cos = TLanes.Add(w, cosTail);

        // Quadrant q = k mod 4 (exact in double): 1 and 3 swap sin and cos; sin is negated in 2 and 3, cos in
        // 1 and 2.
        TVector quadrant = TLanes.Subtract(k, TLanes.Multiply(TLanes.Floor(TLanes.Multiply(k, TLanes.Create(0.25))), TLanes.Create(4.0)));
        TVector isOne = TLanes.Equal(quadrant, TLanes.Create(1.0));
        TVector isTwo = TLanes.Equal(quadrant, TLanes.Create(2.0));
        TVector isThree = TLanes.Equal(quadrant, TLanes.Create(3.0));
        TVector swap = TLanes.Or(isOne, isThree);
        TVector sinOfX = TLanes.Select(swap, cos, sin);
        TVector cosOfX = TLanes.Select(swap, sin, cos);
        TVector zero = TLanes.Create(0.0);
        TVector minusOne = TLanes.Create(-1.0);
        sinOfX = TLanes.Select(TLanes.Or(isTwo, isThree), TLanes.Multiply(sinOfX, minusOne), sinOfX);
        cosOfX = TLanes.Select(TLanes.Or(isOne, isTwo), TLanes.Multiply(cosOfX, minusOne), cosOfX);

        // sin ±0 = ±0 (the reduction gives +0 for −0).
        sinOfX = TLanes.Select(TLanes.Equal(x, zero), x, sinOfX);
        return (sinOfX, cosOfX);
    }
}
