using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Exp</c> overloads against the exact eˣ, in
    /// float ulps of the result. Computed in float with the reduction carried to about 2⁻⁴⁸ and 1 + r summed
    /// exactly: the last rounding (0.5), the polynomial (0.07) and the small terms' roundings remain;
    /// measured 0.743 (at a subnormal result, which rounds twice) over 200 000 random inputs, with or without
    /// fused multiply-add. docs/kernel-math.md gives the derivation.
    /// </summary>
    public const double ExpSingleMaxUlpError = 1.0;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Exp</c> overloads against the exact eˣ, in
    /// double ulps of the result: measured 0.963 with fused multiply-add and 0.932 without over 200 000 random
    /// inputs across [−745, 709.78]. Derived: the last rounding (0.5), the rounding of the reduced argument r
    /// (at most 0.2) and of r + r²·Q(r) (at most 0.25, where eʳ &lt; 1) and the small terms' (about 0.15) give
    /// about 1.1; the scaling into the subnormals rounds once more, on an error that is halved there.
    /// </summary>
    public const double ExpDoubleMaxUlpError = 1.5;

    /// <summary>
    /// Most representable <see langword="float"/> values between a <see langword="float"/> <c>Exp</c> lane and
    /// <see cref="MathF.Exp"/> of the same input;
    /// measured 1: this function is within 0.75 ulp of exact and the platform's <c>expf</c> within 0.51 ulp.
    /// </summary>
    public const int ExpSingleMaxUlpFromScalar = 1;

    /// <summary>
    /// Most representable <see langword="double"/> values between a <see langword="double"/> <c>Exp</c> lane and
    /// <see cref="Math.Exp"/> of the same input;
    /// measured 1: this function is within about 1.1 ulp of exact and <see cref="Math.Exp"/> (the platform's C
    /// runtime) was measured within 0.508 ulp, so the two are less than 2 ulp apart.
    /// </summary>
    public const int ExpDoubleMaxUlpFromScalar = 1;

    /// <summary>eˣ for each lane, within <see cref="ExpSingleMaxUlpError"/> ulp, computed in float.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>eˣ per lane: +∞ on overflow (x &gt; 88.72), subnormals and then +0 below −87.34, +0 for −∞, NaN for NaN.</returns>
    public static Vector128<float> Exp(Vector128<float> x) => ExpSingle<SingleLanes128, Vector128<float>, Vector128<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{float})"/>
    public static Vector256<float> Exp(Vector256<float> x) => ExpSingle<SingleLanes256, Vector256<float>, Vector256<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{float})"/>
    public static Vector512<float> Exp(Vector512<float> x) => ExpSingle<SingleLanes512, Vector512<float>, Vector512<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{float})"/>
    public static Vector<float> Exp(Vector<float> x) => ExpSingle<SingleLanesVector, Vector<float>, Vector<double>>(x);

    /// <summary>eˣ for each lane, within <see cref="ExpDoubleMaxUlpError"/> ulp.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>eˣ per lane: +∞ on overflow (x &gt; 709.78), subnormals and then 0 below −708.4, 0 for -∞, NaN for NaN.</returns>
    public static Vector128<double> Exp(Vector128<double> x) => ExpDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{double})"/>
    public static Vector256<double> Exp(Vector256<double> x) => ExpDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{double})"/>
    public static Vector512<double> Exp(Vector512<double> x) => ExpDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Exp(Vector128{double})"/>
    public static Vector<double> Exp(Vector<double> x) => ExpDouble<DoubleLanesVector, Vector<double>>(x);

    private const double Log2E = 1.4426950408889634;

    // ln 2 = Ln2Hi + Ln2Lo to about 2⁻⁸⁵. Ln2Hi has 32 significant bits, so k·Ln2Hi is exact for every
    // |k| < 2²¹ and x − k·Ln2Hi is exact (x and k·Ln2Hi are within a factor of two of each other, or k = 0).
    private const double Ln2Hi = 0.6931471803691238;
    private const double Ln2Lo = 1.9082149292705877e-10;

    // 1.5·2⁵²: adding and subtracting it rounds |v| < 2⁵¹ to the nearest integer (ties to even).
    private const double RoundMagic = 6755399441055744.0;

    // (eʳ − 1 − r)/r² ≈ Q(r) on |r| ≤ 0.347, Q of degree 10: a least-squares fit (400 Chebyshev nodes,
    // error weighted relative to eʳ) in 60-digit arithmetic, rounded to double; its error as rounded is
    // below 0.02 ulp of eʳ. The coefficients are close to 1/(n + 2)!.
    private const double ExpC0 = 0.5;
    private const double ExpC1 = 0.16666666666666685;
    private const double ExpC2 = 0.041666666666665776;
    private const double ExpC3 = 0.008333333333316586;
    private const double ExpC4 = 0.0013888888889221121;
    private const double ExpC5 = 0.00019841269897360233;
    private const double ExpC6 = 2.480158676843727e-05;
    private const double ExpC7 = 2.755723397518089e-06;
    private const double ExpC8 = 2.7557692051504583e-07;
    private const double ExpC9 = 2.5112323700999796e-08;
    private const double ExpC10 = 2.0797627069251047e-09;

    // Below this |x| every lane's eˣ is a normal double and 2ᵏ can be added to the exponent field directly.
    private const double ExpDoubleOrdinaryLimit = 708.0;

    /// <summary>
    /// eˣ = 2ᵏ·eʳ with k = round(x/ln 2) and |r| ≤ ln 2 / 2, with the fast multiply-add: eʳ by a polynomial
    /// (docs/kernel-math.md gives the error budget). Vectors whose lanes all have |x| ≤ 708 add k to the
    /// exponent field; the others take the clamped path, which gives those lanes the same bits and the others
    /// +∞, subnormals (rounded once) or 0, and NaN for NaN.
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <param name="carried">
    /// A constant at each call site: <see langword="true"/> carries the reduction's rounding error and sums 1 + r
    /// exactly (within 0.83 ulp, for Sigmoid, whose bound has no room for more), <see langword="false"/> does
    /// neither (within 1.1 ulp, five operations fewer: <c>Exp</c> itself).
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDouble<TLanes, TVector>(TVector x, bool carried = false)
        where TLanes : IDoubleLanes<TVector>
    {
        if (TLanes.All(TLanes.LessThan(TLanes.Abs(x), TLanes.Create(ExpDoubleOrdinaryLimit))))
        {
            TVector fast = ExpDoubleMantissa<TLanes, TVector>(x, carried, out TVector shifted);
            return TLanes.AddBits(fast, TLanes.ShiftLeftBits(shifted, 52));
        }

        // Beyond these, eˣ is +∞ or 0 in double and k stays in the range the two factors of 2ᵏ can carry.
        TVector clamped = TLanes.Min(TLanes.Max(x, TLanes.Create(-746.0)), TLanes.Create(710.0));
        TVector mantissa = ExpDoubleMantissa<TLanes, TVector>(clamped, carried, out TVector rounded);
        TVector k = TLanes.Subtract(rounded, TLanes.Create(RoundMagic));
        return TLanes.Select(TLanes.Equal(x, x), ScaleByPowerOfTwo<TLanes, TVector>(mantissa, k), x);
    }

    /// <summary>
    /// eʳ for x = k·ln 2 + r, |x| &lt; 746; <paramref name="shifted"/> is k + 1.5·2⁵², whose low bits hold k.
    /// <paramref name="carried"/> as for <see cref="ExpDouble{TLanes, TVector}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleMantissa<TLanes, TVector>(TVector x, bool carried, out TVector shifted)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector r = ExpDoubleReduction<TLanes, TVector>(x, out shifted, out TVector k, out TVector hi);
        if (carried)
        {
            // rError is r's rounding error (hi − r is exact where it matters: |k·Ln2Lo| < 2⁻²² is far below |hi|
            // unless r itself is tiny).
            TVector rError = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Lo), TLanes.Subtract(hi, r));
            return ExpDoubleOfReduced<TLanes, TVector>(r, rError);
        }

        // eʳ = 1 + (r + r²·Q(r)): the sum in parentheses (below 0.42 in magnitude) rounds once, by at most 2⁻⁵⁵,
        // and 1 + … once; with r's own rounding that is within about 1.1 ulp (docs/kernel-math.md), against 0.83 for
        // the carried form, which costs five more operations (15–20 % of the time of a vector).
        return TLanes.Add(TLanes.Create(1.0), ExpDoubleMinusOne<TLanes, TVector>(r));
    }

    /// <summary>
    /// r = x − k·ln 2 for k = round(x/ln 2), |x| &lt; 746: <paramref name="shifted"/> is k + 1.5·2⁵², whose low
    /// bits hold k, and <paramref name="hi"/> = x − k·Ln2Hi (exact); r = hi − k·Ln2Lo rounds once, by at most
    /// 2⁻⁵⁵ (|r| ≤ 0.35).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleReduction<TLanes, TVector>(TVector x, out TVector shifted, out TVector k, out TVector hi)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector magic = TLanes.Create(RoundMagic);
        shifted = TLanes.MultiplyAdd(x, TLanes.Create(Log2E), magic);
        k = TLanes.Subtract(shifted, magic);
        hi = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Hi), x);
        return TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Lo), hi);
    }

    /// <summary>eʳ − 1 = r + r²·Q(r) for |r| ≤ 0.35, rounded once at the end (by at most 2⁻⁵⁵).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleMinusOne<TLanes, TVector>(TVector r)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector r2 = TLanes.Multiply(r, r);
        return TLanes.MultiplyAdd(r2, ExpDoublePolynomial<TLanes, TVector>(r, r2), r);
    }

    /// <summary>
    /// eʳ⁺ʳᴱʳʳᵒʳ ≈ (1 + r) + (r²·Q(r) + rError·(1 + r)) for |r| ≤ 0.35 and tiny rError, with 1 + r summed
    /// exactly as head and error, so that only the last rounding and small terms remain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleOfReduced<TLanes, TVector>(TVector r, TVector rError)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector head = ExpDoubleSplit<TLanes, TVector>(r, rError, out TVector small);
        return TLanes.Add(head, small);
    }

    /// <summary>
    /// eʳ⁺ʳᴱʳʳᵒʳ as head + small: head = 1 + r rounded, small = its rounding error (exact, Fast2Sum) plus
    /// r²·Q(r) + rError·head, with the fast multiply-add; |small| &lt; 0.07.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleSplit<TLanes, TVector>(TVector r, TVector rError, out TVector small)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector r2 = TLanes.Multiply(r, r);
        TVector q = ExpDoublePolynomial<TLanes, TVector>(r, r2);
        TVector one = TLanes.Create(1.0);
        TVector head = TLanes.Add(one, r);
        TVector headError = TLanes.Add(TLanes.Subtract(one, head), r);
        small = TLanes.MultiplyAdd(r2, q, TLanes.MultiplyAdd(rError, head, headError));
        return head;
    }

    /// <summary>Q(r) ≈ (eʳ − 1 − r)/r² for |r| ≤ 0.35, given r².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoublePolynomial<TLanes, TVector>(TVector r, TVector r2)
        where TLanes : IDoubleLanes<TVector>
    {
        // Estrin's scheme: pairs in r, then r², r⁴ and r⁸ (a short dependency chain; the terms are small, so
        // the order of the roundings does not matter to the bound).
        TVector r4 = TLanes.Multiply(r2, r2);
        TVector p01 = TLanes.MultiplyAdd(TLanes.Create(ExpC1), r, TLanes.Create(ExpC0));
        TVector p23 = TLanes.MultiplyAdd(TLanes.Create(ExpC3), r, TLanes.Create(ExpC2));
        TVector p45 = TLanes.MultiplyAdd(TLanes.Create(ExpC5), r, TLanes.Create(ExpC4));
        TVector p67 = TLanes.MultiplyAdd(TLanes.Create(ExpC7), r, TLanes.Create(ExpC6));
        TVector p89 = TLanes.MultiplyAdd(TLanes.Create(ExpC9), r, TLanes.Create(ExpC8));
        TVector p03 = TLanes.MultiplyAdd(p23, r2, p01);
        TVector p47 = TLanes.MultiplyAdd(p67, r2, p45);
        TVector p810 = TLanes.MultiplyAdd(TLanes.Create(ExpC10), r2, p89);
        return TLanes.MultiplyAdd(TLanes.MultiplyAdd(p810, r4, p47), r4, p03);
    }

    /// <summary>
    /// mantissa·2ᵏ for integer-valued k in [−1080, 1030] and mantissa in [0.7, 1.5], rounded once: 2ᵏ in two
    /// factors, each a normal double, so that the first product is exact and the second rounds into the
    /// subnormals or to +∞ where the result lies there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ScaleByPowerOfTwo<TLanes, TVector>(TVector mantissa, TVector k)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector magic = TLanes.Create(RoundMagic);
        TVector k1 = TLanes.Subtract(TLanes.Add(TLanes.Subtract(TLanes.Multiply(k, TLanes.Create(0.5)), TLanes.Create(0.25)), magic), magic);
        TVector k2 = TLanes.Subtract(k, k1);
        return TLanes.Multiply(TLanes.Multiply(mantissa, TLanes.Pow2(k1)), TLanes.Pow2(k2));
    }

    /// <summary>
    /// 2ᵏ·eʳ⁺ʳᴱʳʳᵒʳ for |r| ≤ 0.35 and tiny rError, integer-valued k in [−1080, 1030]; NaN where x is NaN. The
    /// back end of <c>Exp2</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpDoubleReduced<TLanes, TVector>(TVector k, TVector r, TVector rError, TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector result = ScaleByPowerOfTwo<TLanes, TVector>(ExpDoubleOfReduced<TLanes, TVector>(r, rError), k);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }

    private const float Log2ESingle = 1.44269504f;

    // ln 2 = Ln2HiSingle + Ln2MidSingle + Ln2TailSingle to about 2⁻⁶⁰; Ln2HiSingle + Ln2LoSingle (the
    // logarithm's two-part split) to about 2⁻⁴⁴. Ln2HiSingle and Ln2MidSingle have 15 significant bits, so
    // k·Ln2HiSingle and k·Ln2MidSingle are exact for |k| < 2⁹, and x − k·Ln2HiSingle is exact (the two are
    // within a factor of two of each other, or k = 0).
    private const float Ln2HiSingle = 0.693145751953125f;
    private const float Ln2LoSingle = 1.428606765330187e-06f;
    private const float Ln2MidSingle = 1.4285906217992306e-06f;
    private const float Ln2TailSingle = 1.619850954759361e-11f;

    // (eʳ − 1 − r)/r² ≈ Q(r) on |r| ≤ 0.3466, Q of degree 4: a weighted least-squares fit refined towards
    // minimax (tools/kernel-math-fit.py), coefficients rounded to float; its error as rounded is below
    // 0.07 ulp of eʳ.
    private const float ExpSingleC0 = 0.4999999403953552f;
    private const float ExpSingleC1 = 0.1666652113199234f;
    private const float ExpSingleC2 = 0.04166838899254799f;
    private const float ExpSingleC3 = 0.008368727751076221f;
    private const float ExpSingleC4 = 0.0013814476551488042f;

    /// <summary>
    /// eˣ = 2ᵏ·eʳ with k = round(x/ln 2) and |r| ≤ ln 2 / 2, all in float: eʳ = (1 + r) + r²·Q(r) with 1 + r
    /// summed exactly as a head and its error, so that only the last addition rounds at the scale of the
    /// result; 2ᵏ is applied with one rounding. Within 0.75 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpSingle<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector clamped = ExpSingleClamp<TLanes, TVector, TDouble>(x);
        TVector k = ExpSingleExponent<TLanes, TVector, TDouble>(clamped);
        TVector hi = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2HiSingle), clamped);

        // r = x − k·ln 2 as r + c: hi is exact, r rounds once and c is its rounding error (k·Ln2MidSingle
        // is exact) plus the tail of ln 2, so that eʳ⁺ᶜ ≈ eʳ·(1 + c) carries the reduction at about 2⁻⁴⁸.
        TVector r = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2MidSingle), hi);
        TVector c = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2MidSingle), TLanes.Subtract(hi, r));
        c = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2TailSingle), c);
        TVector q = ExpSingleQ<TLanes, TVector, TDouble>(r);

        // 1 + r exactly as head + headError (|r| < 1, Fast2Sum), then everything small is summed first.
        TVector one = TLanes.Create(1f);
        TVector head = TLanes.Add(one, r);
        TVector headError = TLanes.Add(TLanes.Subtract(one, head), r);
        TVector mantissa = TLanes.Add(head, TLanes.Add(headError, TLanes.MultiplyAdd(TLanes.Multiply(r, r), q, c)));

        // 2ᵏ applied with one rounding, into the subnormals or to +∞ where the result lies there (NaN stays NaN).
        return TLanes.ScaleB(mantissa, k);
    }

    /// <summary>
    /// The shorter form of eˣ, for x in [−104, 89] (or NaN, which stays NaN) and callers whose bound leaves
    /// room for it (Tanh, Sigmoid): r = x − k·ln 2 rounds once and eʳ = 1 + (r + r²·Q(r)) rounds twice, within
    /// 1.0 ulp for five operations fewer than <see cref="ExpSingle"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpSingleShort<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector k = ExpSingleExponent<TLanes, TVector, TDouble>(x);
        TVector r = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2LoSingle), TLanes.MultiplyAdd(k, TLanes.Create(-Ln2HiSingle), x));
        TVector q = ExpSingleQ<TLanes, TVector, TDouble>(r);
        return TLanes.ScaleB(TLanes.Add(TLanes.Create(1f), TLanes.MultiplyAdd(TLanes.Multiply(r, r), q, r)), k);
    }

    /// <summary>
    /// x held to [−104, 89]: beyond these, eˣ is +∞ or 0 in float and k stays within what 2ᵏ can be applied
    /// for. The bounds come first, so a NaN x passes through the clamp, and every step after it, as NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpSingleClamp<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
        => TLanes.Min(TLanes.Create(89f), TLanes.Max(TLanes.Create(-104f), x));

    /// <summary>
    /// k = round(x/ln 2) by the rounding constant in one multiply-add (with FMA the product is not rounded
    /// first; either way k is an integer within ½ + 2⁻¹⁷ of x/ln 2, all the reduction needs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpSingleExponent<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector magic = TLanes.Create(SingleRoundMagic);
        return TLanes.Subtract(TLanes.MultiplyAdd(x, TLanes.Create(Log2ESingle), magic), magic);
    }

    /// <summary>Q(r) ≈ (eʳ − 1 − r)/r² on |r| ≤ ln 2 / 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ExpSingleQ<TLanes, TVector, TDouble>(TVector r)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector q = TLanes.Create(ExpSingleC4);
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(ExpSingleC3));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(ExpSingleC2));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(ExpSingleC1));
        return TLanes.MultiplyAdd(q, r, TLanes.Create(ExpSingleC0));
    }
}
