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
    /// measured 1.001 (just above the switch at |x| = 0.625) over 200 000 random inputs, with or without fused
    /// multiply-add. Derived: m = e²ˣ − 1 and m + 2 are carried with their rounding errors and the quotient
    /// with its remainder, so that the last rounding, the rounding of 1 − q above the switch and second-order
    /// terms remain: below 1.1 ulp.
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
    /// measured 2: this function is within 1.1 ulp of exact and <see cref="Math.Tanh"/> (the platform's C
    /// runtime) was measured up to 2.15 ulp from exact, so the two are less than 3.3 ulp apart.
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
    public static Vector<float> Tanh(Vector<float> x) => Vector<float>.Count switch
    {
        // The fixed width of the same size, so that a Vector<T> of any size gives those bits (the fixed widths
        // use instructions, such as the AVX-512 reciprocal estimate at 128 and 256 bits, that the general form does not).
        16 => Tanh(x.AsVector512()).AsVector(),
        8 => Tanh(x.AsVector256()).AsVector(),
        4 => Tanh(x.AsVector128()).AsVector(),
        _ => TanhSingle<SingleLanesVector, Vector<float>, Vector<double>>(x),
    };

    /// <summary>tanh x for each lane, within <see cref="TanhDoubleMaxUlpError"/> ulp.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh x per lane: ±0 for ±0, ±1 for ±∞ and for large |x|, NaN for NaN.</returns>
    /// <remarks>
    /// m/(m + 2) below |x| = 0.625 and 1 − 2/(m + 2) above, m = e²ˣ − 1 for |x| clamped to 20 (beyond which
    /// tanh rounds to ±1), with the sign restored; the same path for every lane.
    /// </remarks>
    public static Vector128<double> Tanh(Vector128<double> x) => TanhDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector256<double> Tanh(Vector256<double> x) => TanhDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector512<double> Tanh(Vector512<double> x) => TanhDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Tanh(Vector128{double})"/>
    public static Vector<double> Tanh(Vector<double> x) => TanhDouble<DoubleLanesVector, Vector<double>>(x);

    // Where the float polynomial hands over to the exponential form, and where the double form switches from
    // m/(m + 2) to 1 − 2/(m + 2). At |x| = 0.625, tanh = 0.5546, so q = 2/(e²ˣ + 1) = 1 − tanh ≤ 0.4454 and
    // the subtraction 1 − q scales q's relative error by q/(1 − q) ≤ 0.80: the cancellation costs less than
    // one bit, and shrinks quickly as |x| grows. Below the switch the float polynomial's correction x³·P(x²)
    // is at most 13% of the result, so its own rounding errors are scaled down by that much.
    private const double TanhPolynomialLimit = 0.625;

    // Beyond this |x|, tanh x rounds to ±1 (1 − tanh 20 ≈ 8.5e-18 is below half an ulp of 1), and e²ˣ − 1
    // stays finite.
    private const double TanhDoubleSaturation = 20.0;

    /// <summary>
    /// tanh |x| = m/(m + 2) with m = e²ᵃ − 1, a = |x| clamped to 20, for every lane; the sign restored. m comes
    /// from the back end of <c>Exp</c>: e²ᵃ = 2ᵏ·(head + small) with head = 1 + r rounded and small carrying
    /// its error, and m = (2ᵏ·head − 1) + 2ᵏ·small, whose first part is exact for k ≤ 2 (a &lt; 0.7, where the
    /// subtraction cancels), so that m keeps its relative accuracy near 0. With the fast multiply-add.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TanhDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector saturation = TLanes.Create(TanhDoubleSaturation);
        TVector a = TLanes.Abs(x);
        a = TLanes.Select(TLanes.LessThan(saturation, a), saturation, a);
        TVector u = TLanes.Add(a, a);

        // The reduction and polynomial of ExpDoubleMantissa, kept apart as head and small.
        TVector magic = TLanes.Create(RoundMagic);
        TVector shifted = TLanes.MultiplyAdd(u, TLanes.Create(Log2E), magic);
        TVector k = TLanes.Subtract(shifted, magic);
        TVector hi = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Hi), u);
        TVector r = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Lo), hi);
        TVector rError = TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Lo), TLanes.Subtract(hi, r));
        TVector head = ExpDoubleSplit<TLanes, TVector>(r, rError, out TVector small);

        // 2ᵏ for k in [0, 58], from the bits of k + 1.5·2⁵²; m = mHigh + 2ᵏ·small rounded, mError its rounding
        // error (exact: |mHigh| is the larger).
        TVector power = TLanes.AddBits(TLanes.ShiftLeftBits(shifted, 52), TLanes.Create(1.0));
        TVector mHigh = TLanes.MultiplyAdd(power, head, TLanes.Create(-1.0));
        TVector m = TLanes.MultiplyAdd(power, small, mHigh);
        TVector mError = TLanes.MultiplyAdd(power, small, TLanes.Subtract(mHigh, m));

        // d = m + 2 with its exact error dError (Fast2Sum: exact for m < 2⁵³; beyond, 2/d is below 2⁻⁵² and
        // the error of d no longer matters). Below the switch tanh = m/(m + 2), above it
        // 1 − 2/(m + 2) (no cancellation in either): one division q = n/d with n = m or 2, its exact remainder
        // ρ = n − q·d, and the first-order correction for the errors of m and d:
        // below, m/d + (ρ + mError − q·dError)/d with 1/d = (1 − q)/2; above, 1 − q − (ρ − q·(dError + mError))/d
        // with 1/d = q/2.
        TVector two = TLanes.Create(2.0);
        TVector d = TLanes.Add(m, two);
        TVector dError = TLanes.Add(TLanes.Subtract(two, d), m);
        TVector below = TLanes.LessThan(a, TLanes.Create(TanhPolynomialLimit));
        TVector n = TLanes.Select(below, m, two);
        TVector q = TLanes.Divide(n, d);
        TVector minusQ = TLanes.Negate(q);
        TVector g = TLanes.MultiplyAdd(minusQ, dError, DivisionRemainder<TLanes, TVector>(n, d, q));
        TVector numerator = TLanes.MultiplyAdd(mError, TLanes.Select(below, TLanes.Create(1.0), minusQ), g);
        TVector inverse = TLanes.MultiplyAdd(q, TLanes.Create(-0.5), TLanes.Select(below, TLanes.Create(0.5), TLanes.Create(0.0)));
        TVector magnitude = TLanes.MultiplyAdd(numerator, inverse, TLanes.Select(below, q, TLanes.Subtract(TLanes.Create(1.0), q)));

        // NaN passes the clamp and every step as NaN.
        return TLanes.CopySign(magnitude, x);
    }

    /// <summary>
    /// n − q·d exactly, for q = n/d rounded: one fused multiply-add where the hardware has it; without it
    /// n − fl(q·d) (exact, the two are close) less the product's rounding error by Dekker's product of the
    /// Veltkamp halves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DivisionRemainder<TLanes, TVector>(TVector n, TVector d, TVector q)
        where TLanes : IDoubleLanes<TVector>
    {
        if (Simd.Hardware.SimdHardware.HasFusedMultiplyAdd)
        {
            return TLanes.MultiplyAdd(TLanes.Negate(q), d, n);
        }

        TVector product = TLanes.Multiply(q, d);
        TVector splitter = TLanes.Create(VeltkampSplitter);
        TVector cq = TLanes.Multiply(q, splitter);
        TVector qHigh = TLanes.Subtract(cq, TLanes.Subtract(cq, q));
        TVector qLow = TLanes.Subtract(q, qHigh);
        TVector cd = TLanes.Multiply(d, splitter);
        TVector dHigh = TLanes.Subtract(cd, TLanes.Subtract(cd, d));
        TVector dLow = TLanes.Subtract(d, dHigh);
        TVector error = TLanes.Subtract(TLanes.Multiply(qHigh, dHigh), product);
        error = TLanes.Add(error, TLanes.Multiply(qHigh, dLow));
        error = TLanes.Add(error, TLanes.Multiply(qLow, dHigh));
        error = TLanes.Add(error, TLanes.Multiply(qLow, dLow));
        return TLanes.Subtract(TLanes.Subtract(n, product), error);
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
