using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Tanh</c> overloads against the exact tanh x, in
    /// float ulps of the result. Computed in float: the polynomial below |x| = 0.625, 1 − 2/(e²ˣ + 1) above
    /// (where the subtraction scales the error of the quotient by at most 0.80 and that of e²ˣ by at most
    /// 0.63); measured 1.278 just above the switch over 200 000 random inputs.
    /// </summary>
    public const double TanhSingleMaxUlpError = 2.0;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Tanh</c> overloads against the exact tanh x, in
    /// double ulps of the result:
    /// measured 1.342 (just above the switch at |x| = 0.625) over 60 million random inputs in [−20, 20].
    /// Derived: there 1 − 2/(e²ˣ + 1) passes 0.80 of the error of e²ˣ (≤ 0.75 ulp) and of two roundings to
    /// the result, plus the last rounding: below 1.9 ulp. Below the switch the polynomial measured 0.84 ulp.
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
    /// measured 2: this function is within 1.342 ulp of exact and <see cref="Math.Tanh"/> (the platform's C
    /// runtime) was measured up to 2.15 ulp from exact, so the two are less than 3.5 ulp apart.
    /// </summary>
    public const int TanhDoubleMaxUlpFromScalar = 3;

    /// <summary>tanh x for each lane, within <see cref="TanhSingleMaxUlpError"/> ulp, computed in float.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x per lane: ±0 for ±0, ±1 for ±∞ and for large |x|, NaN for NaN.</returns>
    /// <remarks>
    /// |x| &lt; 0.625: an odd polynomial. Otherwise 1 − 2/(e²ˣ + 1) with the sign restored, e²ˣ from the float
    /// exponential (2|x| held at 40, where the result is exactly ±1 already) and the reciprocal of the lanes
    /// (<c>vrcp14ps</c> and a Newton step under AVX-512, the division otherwise).
    /// </remarks>
    public static Vector128<float> Tanh(Vector128<float> x) => TanhSingle<SingleLanes128, Vector128<float>, Vector128<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector256<float> Tanh(Vector256<float> x) => TanhSingle<SingleLanes256, Vector256<float>, Vector256<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector512<float> Tanh(Vector512<float> x) => TanhSingle<SingleLanes512, Vector512<float>, Vector512<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{float})"/>
    public static Vector<float> Tanh(Vector<float> x) => TanhSingle<SingleLanesVector, Vector<float>, Vector<double>>(x);

    /// <summary>tanh x for each lane, within <see cref="TanhDoubleMaxUlpError"/> ulp.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x per lane: ±0 for ±0, ±1 for ±∞ and for large |x|, NaN for NaN.</returns>
    /// <remarks>
    /// |x| &lt; 0.625: an odd polynomial. Otherwise 1 − 2/(e²ˣ + 1) with the sign restored; e²ˣ reaches
    /// +∞ for |x| &gt; 354.9, which gives exactly ±1.
    /// </remarks>
    public static Vector128<double> Tanh(Vector128<double> x) => TanhDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector256<double> Tanh(Vector256<double> x) => TanhDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector512<double> Tanh(Vector512<double> x) => TanhDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector<double> Tanh(Vector<double> x) => TanhDouble<DoubleLanesVector, Vector<double>>(x);

    // Where the polynomial hands over to the exponential form. At |x| = 0.625, tanh = 0.5546, so
    // q = 2/(e²ˣ + 1) = 1 − tanh ≤ 0.4454 and the subtraction 1 − q scales q's relative error by
    // q/(1 − q) ≤ 0.80: the cancellation costs less than one bit, and shrinks quickly as |x| grows
    // (e²ˣ's error of ≤ 0.75 ulp plus two roundings of q, times 0.80, plus the last rounding: < 1.9 ulp).
    // Below the switch the polynomial's correction x³·P(x²) is at most 13% of the result, so its own
    // rounding errors are scaled down by that much.
    private const double TanhPolynomialLimit = 0.625;

    // tanh x = x + x³·P(x²) on |x| < 0.625, P of degree 11: a weighted least-squares fit (400 Chebyshev
    // nodes in x², weight x²·x/tanh x, i.e. the error relative to tanh x) in 60-digit arithmetic, then
    // rounded to double. Its own error, coefficients as rounded, is below 1.2e-17 relative (0.1 ulp).
    // The leading coefficients are the Taylor ones (−1/3, 2/15, −17/315, …) perturbed in the last digits.
    private const double TanhC0 = -0.3333333333333331;
    private const double TanhC1 = 0.1333333333332956;
    private const double TanhC2 = -0.05396825396597309;
    private const double TanhC3 = 0.021869488466646964;
    private const double TanhC4 = -0.00886323428311881;
    private const double TanhC5 = 0.0035921137331605467;
    private const double TanhC6 = -0.0014557243543466927;
    private const double TanhC7 = 0.0005894454319946284;
    private const double TanhC8 = -0.00023699489817603303;
    private const double TanhC9 = 9.153014916229132e-05;
    private const double TanhC10 = -3.0159923691669275e-05;
    private const double TanhC11 = 6.030921439640456e-06;

    // Separate multiply and add (no FMA) so that every width and every machine gives the same bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector a = TLanes.Abs(x);
        TVector s = TLanes.Multiply(a, a);

        TVector p = TLanes.Create(TanhC11);
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC10));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC9));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC8));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC7));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC6));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC5));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC4));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC3));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC2));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC1));
        p = TLanes.Add(TLanes.Multiply(p, s), TLanes.Create(TanhC0));
        TVector small = TLanes.Add(a, TLanes.Multiply(TLanes.Multiply(a, s), p));

        // NaN fails the comparison and takes this branch, where Exp(NaN) = NaN carries through.
        TVector one = TLanes.Create(1.0);
        TVector e = ExpDouble<TLanes, TVector>(TLanes.Add(a, a));
        TVector large = TLanes.Subtract(one, TLanes.Divide(TLanes.Create(2.0), TLanes.Add(e, one)));

        TVector magnitude = TLanes.Select(TLanes.LessThan(a, TLanes.Create(TanhPolynomialLimit)), small, large);
        return TLanes.CopySign(magnitude, x);
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
