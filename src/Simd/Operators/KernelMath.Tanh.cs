using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Tanh</c> overloads against the exact tanh x, in
    /// float ulps of the result. Computed in float: the polynomial below |x| = 0.625, 1 − 2/(e²ˣ + 1) above
    /// (where the subtraction scales the error of the quotient by at most 0.80 and that of e²ˣ by at most
    /// 0.63); measured 1.278 just above the switch over 200 000 random inputs. With AVX-512 the table form
    /// (<c>TanhSingleTable</c>) instead: measured 0.995 over every float.
    /// </summary>
    public const double TanhSingleMaxUlpError = 2.0;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Tanh</c> overloads against the exact tanh x, in
    /// double ulps of the result:
    /// measured 1.154 just above the switch at |x| = 0.625 over 200 000 random inputs (1.214 over 4 000 000), with
    /// or without fused multiply-add. Derived: below the switch a + a³·P(a²), whose correction is at most 13 % of
    /// the result, so its few rounding errors reach the result scaled by 0.13 and the final sum rounds once
    /// (below 1.3 ulp); above it 1 − q with q = 2/(e²ᵃ + 1) ≤ 0.4454, where the errors of e²ᵃ + 1 (its one
    /// rounding and under 0.7·2⁻⁵³ from the reduction and polynomial) and of the quotient, 2.7·2⁻⁵³ of q at
    /// most, are scaled by q and the subtraction rounds once: below 1.7 ulp.
    /// </summary>
    public const double TanhDoubleMaxUlpError = 2.0;

    /// <summary>
    /// Most representable <see langword="float"/> values between a <see langword="float"/> <c>Tanh</c> lane and
    /// <see cref="MathF.Tanh"/> of the same input;
    /// measured 2: this function is within 1.28 ulp of exact, and the platform's <c>tanhf</c> behind
    /// <see cref="MathF.Tanh"/> is itself up to 2 ulp from exact.
    /// </summary>
    public const int TanhSingleMaxUlpFromScalar = 2;

    /// <summary>
    /// Most representable <see langword="double"/> values between a <see langword="double"/> <c>Tanh</c> lane and
    /// <see cref="Math.Tanh"/> of the same input;
    /// measured 2: this function is within 1.7 ulp of exact and <see cref="Math.Tanh"/> (the platform's C
    /// runtime) was measured up to 2.15 ulp from exact, so the two are less than 3.9 ulp apart.
    /// </summary>
    public const int TanhDoubleMaxUlpFromScalar = 3;

    /// <summary>tanh x for each lane, within <see cref="TanhSingleMaxUlpError"/> ulp, computed in float.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x per lane: ±0 for ±0, ±1 for ±∞ and for large |x|, NaN for NaN.</returns>
    /// <remarks>
    /// With AVX-512, at every width (so every width gives the same bits): a piecewise polynomial over 32
    /// intervals of |x|, its coefficients picked per lane from a table in 512-bit registers (within 0.995 ulp).
    /// Otherwise |x| &lt; 0.625: an odd polynomial, and above 1 − 2/(e²ˣ + 1) with the sign restored, e²ˣ from
    /// the float exponential (2|x| held at 40, where the result is exactly ±1 already) and the division
    /// (within 1.34 ulp).
    /// </remarks>
    public static Vector128<float> Tanh(Vector128<float> x) => TableOrLanes<TanhFunction>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector256<float> Tanh(Vector256<float> x) => TableOrLanes<TanhFunction>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector512<float> Tanh(Vector512<float> x) => TableOrLanes<TanhFunction>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector<float> Tanh(Vector<float> x) => TableOrLanes<TanhFunction>(x);

    /// <summary>tanh x for each lane, within <see cref="TanhDoubleMaxUlpError"/> ulp.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x per lane: ±0 for ±0, ±1 for ±∞ and for large |x|, NaN for NaN.</returns>
    /// <remarks>
    /// An odd polynomial below |x| = 0.625 and 1 − 2/(e²ˣ + 1) above, for |x| clamped to 20 (beyond which tanh
    /// rounds to ±1), with the sign restored; both computed for every lane (no branch on the data).
    /// </remarks>
    public static Vector128<double> Tanh(Vector128<double> x) => TanhDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector256<double> Tanh(Vector256<double> x) => TanhDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector512<double> Tanh(Vector512<double> x) => TanhDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector<double> Tanh(Vector<double> x) => TanhDouble<DoubleLanesVector, Vector<double>>(x);

    // Where the polynomial hands over to the exponential form, in float and double. At |x| = 0.625,
    // tanh = 0.5546, so q = 2/(e²ˣ + 1) = 1 − tanh ≤ 0.4454 and the subtraction 1 − q scales q's relative
    // error by q/(1 − q) ≤ 0.80: the cancellation costs less than one bit, and shrinks quickly as |x| grows.
    // Below the switch the polynomial's correction x³·P(x²) is at most 13% of the result, so its own rounding
    // errors are scaled down by that much.
    private const double TanhPolynomialLimit = 0.625;

    // Beyond this |x|, tanh x rounds to ±1 (1 − tanh 20 ≈ 8.5e-18 is below half an ulp of 1), and e²ˣ + 1
    // stays finite.
    private const double TanhDoubleSaturation = 20.0;

    // tanh x = x + x³·P(x²) on |x| < 0.625 in double, P of degree 10: tools/kernel-math-fit.py tanh 10 d; as
    // rounded to double its error is below 0.11 ulp of tanh x.
    private const double TanhDoubleC0 = -0.33333333333332854;
    private const double TanhDoubleC1 = 0.1333333333326191;
    private const double TanhDoubleC2 = -0.05396825393119203;
    private const double TanhDoubleC3 = 0.021869487574500385;
    private const double TanhDoubleC4 = -0.008863220983100115;
    private const double TanhDoubleC5 = 0.003591989024762866;
    private const double TanhDoubleC6 = -0.0014549581475487826;
    private const double TanhDoubleC7 = 0.000586314240952622;
    private const double TanhDoubleC8 = -0.00022855971683340725;
    private const double TanhDoubleC9 = 7.713940314758401e-05;
    private const double TanhDoubleC10 = -1.607020299462371e-05;

    /// <summary>
    /// For a = |x| clamped to 20: a + a³·P(a²) below <see cref="TanhPolynomialLimit"/>, 1 − 2/(e²ᵃ + 1) above
    /// (both computed, one selected per lane), the sign restored; with the fast multiply-add. e²ᵃ + 1 is
    /// 2ᵏ·s + (2ᵏ + 1) rounded once, s = eʳ − 1 from the exponential's reduction and polynomial.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector saturation = TLanes.Create(TanhDoubleSaturation);
        TVector a = TLanes.Abs(x);
        a = TLanes.Select(TLanes.LessThan(saturation, a), saturation, a);

        TVector z = TLanes.Multiply(a, a);
        TVector p = TLanes.MultiplyAdd(TLanes.Create(TanhDoubleC10), z, TLanes.Create(TanhDoubleC9));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC8));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC7));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC6));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC5));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC4));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC3));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC2));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC1));
        p = TLanes.MultiplyAdd(p, z, TLanes.Create(TanhDoubleC0));
        TVector small = TLanes.MultiplyAdd(TLanes.Multiply(a, z), p, a);

        // The exponential's reduction and polynomial for 2a in [1.25, 40] (k in [2, 58]): e²ᵃ = 2ᵏ·(1 + s).
        TVector r = ExpDoubleReduction<TLanes, TVector>(TLanes.Add(a, a), out TVector shifted, out _, out _);
        TVector s = ExpDoubleMinusOne<TLanes, TVector>(r);

        // 2ᵏ from the bits of k + 1.5·2⁵²; 2ᵏ + 1 is exact for k ≤ 52 (beyond, 2/d is below 2⁻⁵³ anyway).
        TVector one = TLanes.Create(1.0);
        TVector power = TLanes.AddBits(TLanes.ShiftLeftBits(shifted, 52), one);
        TVector d = TLanes.MultiplyAdd(power, s, TLanes.Add(power, one));
        TVector large = TLanes.Subtract(one, TLanes.Divide(TLanes.Create(2.0), d));

        // NaN passes the clamp and every step as NaN.
        TVector below = TLanes.LessThan(a, TLanes.Create(TanhPolynomialLimit));
        return TLanes.CopySign(TLanes.Select(below, small, large), x);
    }

    // tanh x = x + x³·P(x²) on |x| < 0.625, P of degree 5: a weighted least-squares fit refined towards
    // minimax (tools/kernel-math-fit.py), coefficients rounded to float; its error as rounded is below
    // 0.04 ulp. The leading coefficients are close to the Taylor ones (−1/3, 2/15, −17/315, …).
    private const float TanhSingleC0 = -0.3333333134651184f;
    private const float TanhSingleC1 = 0.1333320587873459f;
    private const float TanhSingleC2 = -0.053946737200021744f;
    private const float TanhSingleC3 = 0.021700577810406685f;
    private const float TanhSingleC4 = -0.008177101612091064f;
    private const float TanhSingleC5 = 0.0021427003666758537f;

    // The largest 2|x| the exponential branch takes: e⁴⁰ + 1 is finite, and 1 − 2/(e⁴⁰ + 1) rounds to 1.
    private const float TanhSingleExpLimit = 40f;

    /// <summary>
    /// The polynomial below <see cref="TanhPolynomialLimit"/>, 1 − 2/(e²ˣ + 1) above (both computed, one
    /// selected per lane), in float with the fast multiply-add and the lanes' reciprocal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhSingle<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector a = TLanes.Abs(x);
        TVector s = TLanes.Multiply(a, a);
        TVector p = TLanes.Create(TanhSingleC5);
        p = TLanes.MultiplyAdd(p, s, TLanes.Create(TanhSingleC4));
        p = TLanes.MultiplyAdd(p, s, TLanes.Create(TanhSingleC3));
        p = TLanes.MultiplyAdd(p, s, TLanes.Create(TanhSingleC2));
        p = TLanes.MultiplyAdd(p, s, TLanes.Create(TanhSingleC1));
        p = TLanes.MultiplyAdd(p, s, TLanes.Create(TanhSingleC0));
        TVector small = TLanes.MultiplyAdd(TLanes.Multiply(a, s), p, a);

        // 1 − 2·(1/(e²ᵃ + 1)): 2·(1/d) is 2/d, so the reciprocal's error is the quotient's. 2a is held at 40
        // (tanh 20 rounds to 1 already) to keep d finite; a NaN passes the clamp and every step after it.
        TVector one = TLanes.Create(1f);
        TVector e = ExpSingleShort<TLanes, TVector, TDouble>(TLanes.Min(TLanes.Create(TanhSingleExpLimit), TLanes.Add(a, a)));
        TVector large = TLanes.MultiplyAdd(TLanes.Create(-2f), TLanes.Reciprocal(TLanes.Add(e, one)), one);

        TVector result = TLanes.Select(TLanes.LessThan(a, TLanes.Create((float)TanhPolynomialLimit)), small, large);
        return TLanes.CopySign(result, x);
    }
}
