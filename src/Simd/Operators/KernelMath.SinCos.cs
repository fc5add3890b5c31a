using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> overloads
    /// against the exact value, in float ulps of the result, for every finite input: computed in float with
    /// fused multiply-add for |x| ≤ <see cref="SinCosSingleFastPathLimit"/>, by the double functions (0.501 ulp)
    /// otherwise. docs/kernel-math.md gives the measurement.
    /// </summary>
    public const double SinCosSingleMaxUlpError = 1.0;

    /// <summary>
    /// The largest |x| the <see langword="float"/> <c>Sin</c>, <c>Cos</c> and <c>SinCos</c> reduce in float (the
    /// quadrant count stays below 2¹⁷); finite lanes beyond it are computed in double.
    /// </summary>
    public const float SinCosSingleFastPathLimit = 100_000f;

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
    /// <remarks>
    /// With fused multiply-add hardware and |x| ≤ <see cref="SinCosSingleFastPathLimit"/>: computed in float,
    /// the reduction carried to about 2⁻⁴⁸. Lanes beyond the limit, and every lane without FMA, are computed by
    /// the double function and rounded once.
    /// </remarks>
    public static Vector128<float> Sin(Vector128<float> x)
        => SinCosSingle<SingleLanes128, Vector128<float>, Vector128<double>, DoubleLanes128>(x, true, false).Sin;

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector256<float> Sin(Vector256<float> x)
        => SinCosSingle<SingleLanes256, Vector256<float>, Vector256<double>, DoubleLanes256>(x, true, false).Sin;

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector512<float> Sin(Vector512<float> x)
        => SinCosSingle<SingleLanes512, Vector512<float>, Vector512<double>, DoubleLanes512>(x, true, false).Sin;

    /// <inheritdoc cref="Sin(Vector128{float})"/>
    public static Vector<float> Sin(Vector<float> x)
        => SinCosSingle<SingleLanesVector, Vector<float>, Vector<double>, DoubleLanesVector>(x, true, false).Sin;

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
    /// <remarks>
    /// With fused multiply-add hardware and |x| ≤ <see cref="SinCosSingleFastPathLimit"/>: computed in float,
    /// the reduction carried to about 2⁻⁴⁸. Lanes beyond the limit, and every lane without FMA, are computed by
    /// the double function and rounded once.
    /// </remarks>
    public static Vector128<float> Cos(Vector128<float> x)
        => SinCosSingle<SingleLanes128, Vector128<float>, Vector128<double>, DoubleLanes128>(x, false, true).Cos;

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector256<float> Cos(Vector256<float> x)
        => SinCosSingle<SingleLanes256, Vector256<float>, Vector256<double>, DoubleLanes256>(x, false, true).Cos;

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector512<float> Cos(Vector512<float> x)
        => SinCosSingle<SingleLanes512, Vector512<float>, Vector512<double>, DoubleLanes512>(x, false, true).Cos;

    /// <inheritdoc cref="Cos(Vector128{float})"/>
    public static Vector<float> Cos(Vector<float> x)
        => SinCosSingle<SingleLanesVector, Vector<float>, Vector<double>, DoubleLanesVector>(x, false, true).Cos;

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
        => SinCosSingle<SingleLanes128, Vector128<float>, Vector128<double>, DoubleLanes128>(x, true, true);

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector256<float> Sin, Vector256<float> Cos) SinCos(Vector256<float> x)
        => SinCosSingle<SingleLanes256, Vector256<float>, Vector256<double>, DoubleLanes256>(x, true, true);

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector512<float> Sin, Vector512<float> Cos) SinCos(Vector512<float> x)
        => SinCosSingle<SingleLanes512, Vector512<float>, Vector512<double>, DoubleLanes512>(x, true, true);

    /// <inheritdoc cref="SinCos(Vector128{float})"/>
    public static (Vector<float> Sin, Vector<float> Cos) SinCos(Vector<float> x)
        => SinCosSingle<SingleLanesVector, Vector<float>, Vector<double>, DoubleLanesVector>(x, true, true);

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

    // π/2 = PiOver2Fused1 + PiOver2Fused2 + PiOver2Fused3 to about 2⁻¹⁶³, each part the double nearest the
    // remainder: with fused multiply-add x − k·PiOver2Fused1 is exact for |x| ≤ 2²⁰ (a multiple of 2⁻⁵² below 1).
    private const double PiOver2Fused1 = 1.5707963267948966;
    private const double PiOver2Fused2 = 6.123233995736766e-17;
    private const double PiOver2Fused3 = -1.4973849048591698e-33;

    // The double whose bits are 1: AND-ed with k + 1.5·2⁵² it keeps the lowest bit of k.
    private const double LowestBit = double.Epsilon;

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

        if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return SinByHalfTurns<TLanes, TVector>(x);
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

        if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return CosByHalfTurns<TLanes, TVector>(x);
        }

        (_, TVector cos) = SinCosReduced<TLanes, TVector>(x);
        return cos;
    }

    /// <remarks>
    /// With fused multiply-add, the Sin and the Cos of their own (two reductions and two polynomials, where the quadrant
    /// form shares one reduction): a kernel that computes both of one x, which the generator turns into this call, gets
    /// the same bits as one that computes either.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Sin, TVector Cos) SinCosDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        if (TLanes.Any(BeyondFastPath<TLanes, TVector>(x)))
        {
            return (TLanes.Map(x, Math.Sin), TLanes.Map(x, Math.Cos));
        }

        if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return (SinByHalfTurns<TLanes, TVector>(x), CosByHalfTurns<TLanes, TVector>(x));
        }

        return SinCosReduced<TLanes, TVector>(x);
    }

    /// <summary>x = 2k·π/2 + r with |r| ≤ π/2: sin x = (−1)ᵏ·sin r (fused multiply-add only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SinByHalfTurns<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector magic = TLanes.Create(RoundMagic);
        TVector shifted = TLanes.MultiplyAdd(x, TLanes.Create(OneOverPi), magic);
        TVector k = TLanes.Subtract(shifted, magic);
        TVector sin = SinOfRemainder<TLanes, TVector>(x, TLanes.Add(k, k), wide: false);

        // The sign from the lowest bit of k; sin ±0 = ±0 (the reduction gives +0 for −0).
        TVector sinOfX = TLanes.Xor(sin, TLanes.ShiftLeftBits(shifted, 63));
        return TLanes.Select(TLanes.Equal(x, TLanes.Create(0.0)), x, sinOfX);
    }

    /// <summary>
    /// x = (2j + 1)·π/2 + r with |r| ≤ π/2: cos x = −(−1)ʲ·sin r (fused multiply-add only). j = round(x/π − 1/2): the
    /// sum is rounded before the shift rounds it to an integer, which can only move r a hair past ±π/2, inside the fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector CosByHalfTurns<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector magic = TLanes.Create(RoundMagic);
        TVector shifted = TLanes.Add(TLanes.MultiplyAdd(x, TLanes.Create(OneOverPi), TLanes.Create(-0.5)), magic);
        TVector j = TLanes.Subtract(shifted, magic);
        TVector sin = SinOfRemainder<TLanes, TVector>(x, TLanes.MultiplyAdd(j, TLanes.Create(2.0), TLanes.Create(1.0)), wide: true);
        return TLanes.Xor(sin, TLanes.Xor(TLanes.ShiftLeftBits(shifted, 63), TLanes.Create(-0.0)));
    }

    /// <summary>Lanes that are finite and beyond <see cref="SinCosFastPathLimit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector BeyondFastPath<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector a = TLanes.Abs(x);
        return TLanes.And(TLanes.LessThan(TLanes.Create(SinCosFastPathLimit), a), TLanes.LessThan(a, TLanes.Create(double.PositiveInfinity)));
    }

    private const double OneOverPi = 0.3183098861837907;

    // sin r = r + C3·r³ + r⁵·P(r²) on |r| ≤ π/2 (a hair beyond, for the rounding of the quadrant): C3 = −1/6 carried as
    // SinC3 (the double nearest) + SinWideC3Low; P of degree 7 fitted with the rest (tools/kernel-math-fit.py sinpi2 8 d;
    // the fit's own cubic coefficient is −1/6 + 2·10⁻²⁰, which r³ ≤ 3.9 turns into far less than an ulp). Its error as
    // rounded is 0.017 ulp of sin r once the cubic term is exact.
    private const double SinWideC3Low = -9.25185853854297e-18;
    private const double SinWideC5 = 0.008333333333333333;
    private const double SinWideC7 = -0.0001984126984126967;
    private const double SinWideC9 = 2.755731922394016e-06;
    private const double SinWideC11 = -2.505210837848431e-08;
    private const double SinWideC13 = 1.6059043195671573e-10;
    private const double SinWideC15 = -7.64712724043912e-13;
    private const double SinWideC17 = 2.8102025341887123e-15;
    private const double SinWideC19 = -7.981353307480755e-18;

    /// <summary>
    /// sin(x − m·π/2) for an integer-valued m with |m| &lt; 2¹⁹ whose remainder lies in [−π/2, π/2] (the Sin and Cos of one
    /// function each, with fused multiply-add): one polynomial where the quadrant form needs both.
    /// </summary>
    /// <remarks>
    /// With r up to π/2 the cubic term reaches 0.65 of the result, so its rounding errors would cost up to 3 ulp;
    /// instead r + C3·r³ is formed as a rounded sum plus exact error terms (r², r·C3 and their product each split
    /// by a fused multiply-add, then Fast2Sum, valid as |C3·r³| ≤ 0.42·|r|). What is left to round is the final sum
    /// (0.5 ulp) and the r⁵ part, at most 0.077 of the result with a relative error of about 4.3·2⁻⁵³ (r⁴, the product
    /// with r, p and the last multiply-add: 0.33 ulp), plus the coefficients' error and the cos r below: under 0.9 ulp
    /// in all. rc, the reduction's error, enters as rc·cos r with cos r ≈ 1 − r²/2 + r⁴/24.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SinOfRemainder<TLanes, TVector>(TVector x, TVector m, bool wide)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector r = HalfPiRemainderFused<TLanes, TVector>(x, m, out TVector rc, wide);
        TVector z = TLanes.Multiply(r, r);
        TVector zError = TLanes.MultiplyAdd(r, r, TLanes.Negate(z));
        TVector c3 = TLanes.Create(SinC3);
        TVector h = TLanes.Multiply(r, c3);
        TVector hError = TLanes.MultiplyAdd(r, c3, TLanes.Negate(h));
        TVector q = TLanes.Multiply(h, z);
        TVector qError = TLanes.MultiplyAdd(h, z, TLanes.Negate(q));
        TVector sum = TLanes.Add(r, q);
        TVector sumError = TLanes.Subtract(q, TLanes.Subtract(sum, r));

        // r⁴ to one rounding from z + zError, so that the r⁵ part's own error stays near four roundings; then
        // p = C5 + z·P(z), P by Estrin's scheme, whose errors reach p scaled by |z·P/p| ≤ 0.07.
        TVector z2 = TLanes.MultiplyAdd(z, z, TLanes.Multiply(TLanes.Add(z, z), zError));
        TVector z4 = TLanes.Multiply(z2, z2);
        TVector upper = TLanes.MultiplyAdd(
            TLanes.MultiplyAdd(TLanes.Create(SinWideC19), z2, TLanes.MultiplyAdd(TLanes.Create(SinWideC17), z, TLanes.Create(SinWideC15))),
            z4,
            TLanes.MultiplyAdd(
                TLanes.MultiplyAdd(TLanes.Create(SinWideC13), z, TLanes.Create(SinWideC11)),
                z2,
                TLanes.MultiplyAdd(TLanes.Create(SinWideC9), z, TLanes.Create(SinWideC7))));
        TVector p = TLanes.MultiplyAdd(z, upper, TLanes.Create(SinWideC5));
        TVector cosR = TLanes.MultiplyAdd(z2, TLanes.Create(1.0 / 24), TLanes.MultiplyAdd(z, TLanes.Create(-0.5), TLanes.Create(1.0)));
        TVector tail = TLanes.MultiplyAdd(TLanes.Multiply(r, z2), p, TLanes.Multiply(rc, cosR));

        // The cubic term's error: (h + hError)(z + zError) − q = qError + h·zError + hError·z (hError·zError is below
        // 2⁻¹⁰⁶ of it), and C3Low·r³.
        TVector cubicError = TLanes.MultiplyAdd(
            h,
            zError,
            TLanes.MultiplyAdd(hError, z, TLanes.MultiplyAdd(TLanes.Multiply(r, z), TLanes.Create(SinWideC3Low), qError)));
        return TLanes.Add(sum, TLanes.Add(sumError, TLanes.Add(tail, cubicError)));
    }

    /// <summary>
    /// r + rc = x − k·π/2 for an integer-valued k with |k| &lt; 2¹⁹, r the rounded sum and rc its error (about 2⁻¹⁰⁰
    /// relative even next to a multiple of π/2).
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <param name="k">The multiples of π/2 to take away.</param>
    /// <param name="rc">The error of the result.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector HalfPiRemainder<TLanes, TVector>(TVector x, TVector k, out TVector rc)
        where TLanes : IDoubleLanes<TVector>
    {
        if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return HalfPiRemainderFused<TLanes, TVector>(x, k, out rc, wide: false);
        }

        // Without fused multiply-add: parts of 33 bits, whose products with k are exact. y1 is exact (k·part1
        // is within a factor of two of x, or k = 0); each further product is subtracted with TwoSum.
        TVector y1 = TLanes.Subtract(x, TLanes.Multiply(k, TLanes.Create(PiOver2Part1)));
        TVector m2 = TLanes.Multiply(k, TLanes.Create(PiOver2Part2));
        TVector s1 = TLanes.Subtract(y1, m2);
        TVector sb = TLanes.Subtract(s1, y1);
        TVector e = TLanes.Subtract(TLanes.Subtract(y1, TLanes.Subtract(s1, sb)), TLanes.Add(m2, sb));
        TVector m3 = TLanes.Multiply(k, TLanes.Create(PiOver2Part3));
        TVector s = TLanes.Subtract(s1, m3);
        TVector s2b = TLanes.Subtract(s, s1);
        TVector e2 = TLanes.Subtract(TLanes.Subtract(s1, TLanes.Subtract(s, s2b)), TLanes.Add(m3, s2b));
        TVector c = TLanes.Subtract(TLanes.Add(e, e2), TLanes.Multiply(k, TLanes.Create(PiOver2Part4)));

        TVector r = TLanes.Add(s, c);
        rc = TLanes.Subtract(c, TLanes.Subtract(r, s));
        return r;
    }

    /// <summary>
    /// <see cref="HalfPiRemainder"/> with fused multiply-add: a method of its own, so that the Sin and Cos of one
    /// function each inline this much and not the other variant too (inlined, both together exceeded the JIT's inlining
    /// budget and the whole function was left as calls).
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <param name="k">The multiples of π/2 to take away.</param>
    /// <param name="rc">The error of the result.</param>
    /// <param name="wide">
    /// Whether |x − k·π/2| may reach 1 while |x| &lt; 1 (the double Cos on its own, whose k is odd: ±1 there): then the
    /// first fused step is rounded too (x is finer than the result's ulp) and its error joins rc. Without, it is exact:
    /// |x| ≥ 1 is a multiple of 2⁻⁵² like k·p₁ and the result is below 2, or the result is below 1.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector HalfPiRemainderFused<TLanes, TVector>(TVector x, TVector k, out TVector rc, bool wide)
        where TLanes : IDoubleLanes<TVector>
    {
        // y1 = x − k·part1 is exact; k·part2 is taken as its rounded value and exact error (a fused
        // multiply-add) and subtracted with TwoSum, exact through the cancellation next to a multiple of
        // π/2; k·part3 only adds to the error term.
        TVector y1 = TLanes.MultiplyAdd(k, TLanes.Create(-PiOver2Fused1), x);
        TVector m2 = TLanes.Multiply(k, TLanes.Create(PiOver2Fused2));
        TVector m2Error = TLanes.MultiplyAdd(k, TLanes.Create(PiOver2Fused2), TLanes.Negate(m2));
        TVector s = TLanes.Subtract(y1, m2);
        TVector sb = TLanes.Subtract(s, y1);
        TVector e = TLanes.Subtract(TLanes.Subtract(y1, TLanes.Subtract(s, sb)), TLanes.Add(m2, sb));
        TVector tail = TLanes.Subtract(e, m2Error);
        if (wide)
        {
            // y1's error, x − (y1 + k·p₁): zero where y1 is exact (the fused sum then gives x back), and exact by
            // Fast2Sum where |x| < 1 (k = ±1, so k·p₁ is exact and larger than x).
            tail = TLanes.Add(tail, TLanes.Subtract(x, TLanes.MultiplyAdd(k, TLanes.Create(PiOver2Fused1), y1)));
        }

        TVector c = TLanes.MultiplyAdd(k, TLanes.Create(-PiOver2Fused3), tail);
        TVector r = TLanes.Add(s, c);
        rc = TLanes.Subtract(c, TLanes.Subtract(r, s));
        return r;
    }

    /// <summary>
    /// x = k·π/2 + r with r carried as r + rc (about 2⁻¹⁰⁰ relative even next to a multiple of π/2), then
    /// sin and cos of r by their Taylor polynomials and the quadrant k mod 4 applied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Sin, TVector Cos) SinCosReduced<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector magic = TLanes.Create(RoundMagic);
        TVector shifted = TLanes.MultiplyAdd(x, TLanes.Create(TwoOverPi), magic);
        TVector k = TLanes.Subtract(shifted, magic);
        TVector r = HalfPiRemainder<TLanes, TVector>(x, k, out TVector rc);

        // sin(r + rc) ≈ r + (r³·P(r²) + rc); cos(r + rc) ≈ 1 − r²/2 + (r⁴·Q(r²) − r·rc), with 1 − r²/2
        // split so that its rounding error is kept. The fast multiply-add throughout.
        TVector z = TLanes.Multiply(r, r);
        // Both polynomials by Estrin's scheme (pairs in z, then z² and z⁴: a short dependency chain).
        TVector z2 = TLanes.Multiply(z, z);
        TVector z4 = TLanes.Multiply(z2, z2);
        TVector p = TLanes.MultiplyAdd(
            TLanes.MultiplyAdd(
                TLanes.MultiplyAdd(TLanes.Create(SinC17), z, TLanes.Create(SinC15)),
                z2,
                TLanes.MultiplyAdd(TLanes.Create(SinC13), z, TLanes.Create(SinC11))),
            z4,
            TLanes.MultiplyAdd(
                TLanes.MultiplyAdd(TLanes.Create(SinC9), z, TLanes.Create(SinC7)),
                z2,
                TLanes.MultiplyAdd(TLanes.Create(SinC5), z, TLanes.Create(SinC3))));
        TVector sin = TLanes.Add(r, TLanes.MultiplyAdd(TLanes.Multiply(z, r), p, rc));

        TVector q = TLanes.MultiplyAdd(
            TLanes.MultiplyAdd(TLanes.Create(CosC16), z2, TLanes.MultiplyAdd(TLanes.Create(CosC14), z, TLanes.Create(CosC12))),
            z4,
            TLanes.MultiplyAdd(
                TLanes.MultiplyAdd(TLanes.Create(CosC10), z, TLanes.Create(CosC8)),
                z2,
                TLanes.MultiplyAdd(TLanes.Create(CosC6), z, TLanes.Create(CosC4))));
        TVector one = TLanes.Create(1.0);
        TVector hz = TLanes.Multiply(z, TLanes.Create(0.5));
        TVector w = TLanes.Subtract(one, hz);
        TVector cosTail = TLanes.Subtract(TLanes.Subtract(one, w), hz);
        cosTail = TLanes.MultiplyAdd(z2, q, TLanes.MultiplyAdd(TLanes.Negate(r), rc, cosTail));
        TVector cos = TLanes.Add(w, cosTail);

        // The quadrant from the low bits of k (two's complement in the low bits of k + 1.5·2⁵²): odd k swaps
        // sin and cos; bit 1 of k negates sin (quadrants 2 and 3), bit 1 of k + 1 negates cos (1 and 2).
        TVector lowest = TLanes.Create(LowestBit);
        TVector swap = TLanes.Equal(TLanes.And(shifted, lowest), lowest);
        TVector signBit = TLanes.Create(-0.0);
        TVector sinOfX = TLanes.Xor(TLanes.Select(swap, cos, sin), TLanes.And(TLanes.ShiftLeftBits(shifted, 62), signBit));
        TVector cosOfX = TLanes.Xor(TLanes.Select(swap, sin, cos), TLanes.And(TLanes.ShiftLeftBits(TLanes.AddBits(shifted, lowest), 62), signBit));

        // sin ±0 = ±0 (the reduction gives +0 for −0).
        sinOfX = TLanes.Select(TLanes.Equal(x, TLanes.Create(0.0)), x, sinOfX);
        return (sinOfX, cosOfX);
    }

    private const float TwoOverPiSingle = 0.6366197466850281f;

    // π/2 as the sum of four floats (to about 2⁻¹⁰³): with fused multiply-add, x − k·part1 is exact (a
    // multiple of 2⁻²³ below 1 in magnitude) and k·part2's rounding error is exact.
    private const float PiOver2Part1Single = 1.5707963705062866f;
    private const float PiOver2Part2Single = -4.371138828673793e-08f;
    private const float PiOver2Part3Single = -1.7151245100058819e-15f;
    private const float PiOver2Part4Single = 1.056299898220315e-23f;

    // sin r = r + r³·P(r²) and cos r = 1 − r²/2 + r⁴·Q(r²) on |r| ≤ π/4, P and Q of degree 3: weighted
    // least-squares fits refined towards minimax (tools/kernel-math-fit.py), coefficients rounded to float;
    // their errors as rounded are below 0.07 and 0.02 ulp.
    private const float SinSingleC0 = -0.1666666716337204f;
    private const float SinSingleC1 = 0.008333329111337662f;
    private const float SinSingleC2 = -0.00019839311426039785f;
    private const float SinSingleC3 = 2.7181133646081435e-06f;
    private const float CosSingleC0 = 0.0416666679084301f;
    private const float CosSingleC1 = -0.0013888883404433727f;
    private const float CosSingleC2 = 2.4799459424684756e-05f;
    private const float CosSingleC3 = -2.720564680203097e-07f;

    /// <summary>
    /// The float Sin and Cos: in float where fused multiply-add is in hardware, with the lanes beyond
    /// <see cref="SinCosSingleFastPathLimit"/> (finite) replaced by the double functions rounded once; without
    /// fused multiply-add the double functions for every lane.
    /// Only the requested results get their quadrant and special values applied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Sin, TVector Cos) SinCosSingle<TLanes, TVector, TDouble, TDoubleLanes>(TVector x, bool wantSin, bool wantCos)
        where TLanes : ISingleLanes<TVector, TDouble>
        where TDoubleLanes : IDoubleLanes<TDouble>
    {
        TVector a = TLanes.Abs(x);
        TVector beyond = TLanes.LessThan(TLanes.Create(SinCosSingleFastPathLimit), a);
        beyond = TLanes.Select(TLanes.Equal(a, TLanes.Create(float.PositiveInfinity)), TLanes.Create(0f), beyond);
        if (!Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return SinCosSingleInDouble<TLanes, TVector, TDouble, TDoubleLanes>(x);
        }

        // x = k·π/2 + r + rc. x − k·part1 is exact; k·part2 is split into its rounded value and exact error
        // (fused multiply-add) and subtracted with TwoSum, which stays exact through the cancellation next to
        // a multiple of π/2; the small remaining products only add to the error term.
        TVector k = TLanes.Round(TLanes.Multiply(x, TLanes.Create(TwoOverPiSingle)));
        TVector r1 = TLanes.MultiplyAdd(k, TLanes.Create(-PiOver2Part1Single), x);
        TVector t = TLanes.Multiply(k, TLanes.Create(PiOver2Part2Single));
        TVector tError = TLanes.ProductError(k, TLanes.Create(PiOver2Part2Single), t);
        TVector s = TLanes.Subtract(r1, t);
        TVector sb = TLanes.Subtract(s, r1);
        TVector e = TLanes.Subtract(TLanes.Subtract(r1, TLanes.Subtract(s, sb)), TLanes.Add(t, sb));
        TVector c = TLanes.MultiplyAdd(k, TLanes.Create(-PiOver2Part3Single), TLanes.Subtract(e, tError));
        c = TLanes.MultiplyAdd(k, TLanes.Create(-PiOver2Part4Single), c);
        TVector r = TLanes.Add(s, c);
        TVector rc = TLanes.Subtract(c, TLanes.Subtract(r, s));

        TVector z = TLanes.Multiply(r, r);
        TVector quadrant = TLanes.Subtract(k, TLanes.Multiply(TLanes.Floor(TLanes.Multiply(k, TLanes.Create(0.25f))), TLanes.Create(4f)));
        TVector isOne = TLanes.Equal(quadrant, TLanes.Create(1f));
        TVector isTwo = TLanes.Equal(quadrant, TLanes.Create(2f));
        TVector isThree = TLanes.Equal(quadrant, TLanes.Create(3f));
        TVector swap = TLanes.Or(isOne, isThree);

        // Both polynomials are needed for either result (quadrants 1 and 3 swap them).
        // sin(r + rc) ≈ r + (r³·P + rc)
        TVector p = TLanes.Create(SinSingleC3);
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(SinSingleC2));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(SinSingleC1));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(SinSingleC0));
        TVector sin = TLanes.Add(r, TLanes.MultiplyAdd(TLanes.Multiply(z, r), p, rc));

        // cos(r + rc) ≈ w + ((1 − w − z/2) + z²·Q − r·rc) with w = 1 − z/2 and its rounding error kept.
        TVector q = TLanes.Create(CosSingleC3);
        q = TLanes.MultiplyAdd(q, z, TLanes.Create(CosSingleC2));
        q = TLanes.MultiplyAdd(q, z, TLanes.Create(CosSingleC1));
        q = TLanes.MultiplyAdd(q, z, TLanes.Create(CosSingleC0));
        TVector one = TLanes.Create(1f);
        TVector hz = TLanes.Multiply(z, TLanes.Create(0.5f));
        TVector w = TLanes.Subtract(one, hz);
        TVector tail = TLanes.Subtract(TLanes.Subtract(one, w), hz);
        tail = TLanes.MultiplyAdd(TLanes.Multiply(z, z), q, TLanes.Subtract(tail, TLanes.Multiply(r, rc)));
        TVector cos = TLanes.Add(w, tail);

        TVector minusOne = TLanes.Create(-1f);
        TVector zero = TLanes.Create(0f);
        TVector sinOfX = zero;
        TVector cosOfX = zero;
        if (wantSin)
        {
            sinOfX = TLanes.Select(swap, cos, sin);
            sinOfX = TLanes.Select(TLanes.Or(isTwo, isThree), TLanes.Multiply(sinOfX, minusOne), sinOfX);

            // sin ±0 = ±0; ±∞ and NaN give NaN.
            sinOfX = TLanes.Select(TLanes.Equal(x, zero), x, sinOfX);
            sinOfX = TLanes.Select(TLanes.Equal(a, TLanes.Create(float.PositiveInfinity)), TLanes.Create(float.NaN), sinOfX);
        }

        if (wantCos)
        {
            cosOfX = TLanes.Select(swap, sin, cos);
            cosOfX = TLanes.Select(TLanes.Or(isOne, isTwo), TLanes.Multiply(cosOfX, minusOne), cosOfX);
            cosOfX = TLanes.Select(TLanes.Equal(a, TLanes.Create(float.PositiveInfinity)), TLanes.Create(float.NaN), cosOfX);
        }

        // Lanes beyond the float reduction's range take the double result (lane by lane, so that a lane's
        // result does not depend on its neighbours or on the width).
        if (TLanes.Any(beyond))
        {
            (TVector sinInDouble, TVector cosInDouble) = SinCosSingleInDouble<TLanes, TVector, TDouble, TDoubleLanes>(x);
            sinOfX = TLanes.Select(beyond, sinInDouble, sinOfX);
            cosOfX = TLanes.Select(beyond, cosInDouble, cosOfX);
        }

        return (sinOfX, cosOfX);
    }

    /// <summary>The float Sin and Cos by the double functions, rounded once.</summary>
    private static (TVector Sin, TVector Cos) SinCosSingleInDouble<TLanes, TVector, TDouble, TDoubleLanes>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
        where TDoubleLanes : IDoubleLanes<TDouble>
    {
        (TDouble lower, TDouble upper) = TLanes.Widen(x);
        (TDouble sinLower, TDouble cosLower) = SinCosDouble<TDoubleLanes, TDouble>(lower);
        (TDouble sinUpper, TDouble cosUpper) = SinCosDouble<TDoubleLanes, TDouble>(upper);
        return (TLanes.Narrow(sinLower, sinUpper), TLanes.Narrow(cosLower, cosUpper));
    }
}
