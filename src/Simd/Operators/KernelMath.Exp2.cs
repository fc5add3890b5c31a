using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Exp2</c> overloads against the exact 2ˣ, in float
    /// ulps of the result; docs/kernel-math.md gives the measurement.
    /// </summary>
    public const double Exp2SingleMaxUlpError = 1.0;

    /// <summary>Bound on the error of the <see langword="double"/> <c>Exp2</c> overloads against the exact 2ˣ, in double ulps.</summary>
    public const double Exp2DoubleMaxUlpError = 1.0;

    /// <summary>2ˣ for each lane, within <see cref="Exp2SingleMaxUlpError"/> ulp, computed in float: <c>float.Exp2</c>.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>2ˣ per lane: exact for integer x, +∞ from x = 128, subnormals and then +0 below −126, +0 for −∞, NaN for NaN.</returns>
    public static Vector128<float> Exp2(Vector128<float> x) => Exp2Single<SingleLanes128, Vector128<float>, Vector128<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{float})"/>
    public static Vector256<float> Exp2(Vector256<float> x) => Exp2Single<SingleLanes256, Vector256<float>, Vector256<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{float})"/>
    public static Vector512<float> Exp2(Vector512<float> x) => Exp2Single<SingleLanes512, Vector512<float>, Vector512<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{float})"/>
    public static Vector<float> Exp2(Vector<float> x) => Exp2Single<SingleLanesVector, Vector<float>, Vector<double>>(x);

    /// <summary>2ˣ for each lane, within <see cref="Exp2DoubleMaxUlpError"/> ulp: <c>double.Exp2</c>.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>2ˣ per lane: exact for integer x, +∞ from x = 1024, subnormals and then +0 below −1022, +0 for −∞, NaN for NaN.</returns>
    public static Vector128<double> Exp2(Vector128<double> x) => Exp2Double<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{double})"/>
    public static Vector256<double> Exp2(Vector256<double> x) => Exp2Double<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{double})"/>
    public static Vector512<double> Exp2(Vector512<double> x) => Exp2Double<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Exp2(Vector128{double})"/>
    public static Vector<double> Exp2(Vector<double> x) => Exp2Double<DoubleLanesVector, Vector<double>>(x);

    // 2ʳ = 1 + r·P(r) on |r| ≤ ½, P = C0 + r·Q(r) of degree 6: a weighted least-squares fit refined towards
    // minimax (tools/kernel-math-fit.py), coefficients rounded to float; its error as rounded is below 0.04 ulp.
    // The coefficients are close to (ln 2)ⁿ⁺¹/(n + 1)!.
    private const float Exp2SingleC0 = 0.6931471824645996f;
    private const float Exp2SingleC1 = 0.24022650718688965f;
    private const float Exp2SingleC2 = 0.055504102259874344f;
    private const float Exp2SingleC3 = 0.009618038311600685f;
    private const float Exp2SingleC4 = 0.0013333936221897602f;
    private const float Exp2SingleC5 = 0.0001546679122839123f;
    private const float Exp2SingleC6 = 1.5196006643236615e-05f;

    // ln 2 = Ln2A + Ln2B to about 2⁻⁸²; Ln2A has 26 significant bits, so its products with the 26-bit halves
    // of a double are exact.
    private const double Ln2A = 0.6931471824645996;
    private const double Ln2B = -1.904654299957768e-09;

    // 2²⁷ + 1: the Veltkamp split of a double into two halves of at most 26 significant bits.
    private const double VeltkampSplitter = 134217729.0;

    /// <summary>2ˣ = 2ᵏ·2ʳ with k = round(x) and r = x − k exact, |r| ≤ ½; 2ʳ = 1 + r·P(r) rounded once at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Exp2Single<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector clamped = TLanes.Min(TLanes.Max(x, TLanes.Create(-151f)), TLanes.Create(129f));
        TVector k = TLanes.Round(clamped);
        TVector r = TLanes.Subtract(clamped, k);
        TVector q = TLanes.Create(Exp2SingleC6);
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(Exp2SingleC5));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(Exp2SingleC4));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(Exp2SingleC3));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(Exp2SingleC2));
        q = TLanes.MultiplyAdd(q, r, TLanes.Create(Exp2SingleC1));

        // 2ʳ = 1 + r·C0 + r²·Q(r): 1 + r·C0 summed exactly (TwoProduct, Fast2Sum) and the small terms added
        // to its error first, so that only the last addition rounds at the result's scale, with or without
        // fused multiply-add.
        TVector one = TLanes.Create(1f);
        TVector c0 = TLanes.Create(Exp2SingleC0);
        TVector product = TLanes.Multiply(r, c0);
        TVector productError = TLanes.ProductError(r, c0, product);
        TVector head = TLanes.Add(one, product);
        TVector headError = TLanes.Add(TLanes.Subtract(one, head), product);
        TVector small = TLanes.MultiplyAdd(TLanes.Multiply(r, r), q, productError);
        TVector mantissa = TLanes.Add(head, TLanes.Add(headError, small));

        TVector result = TLanes.ScaleB(mantissa, k);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }

    /// <summary>
    /// 2ˣ = 2ᵏ·e^(r·ln 2) with k = round(x), r = x − k exact; r·ln 2 is formed as a double plus its error
    /// (exact partial products of the Veltkamp halves of r with a 26-bit ln 2) and handed to the back end
    /// of <c>Exp</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Exp2Double<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector clamped = TLanes.Min(TLanes.Max(x, TLanes.Create(-1080.0)), TLanes.Create(1030.0));
        TVector k = TLanes.Round(clamped);
        TVector f = TLanes.Subtract(clamped, k);

        TVector c = TLanes.Multiply(f, TLanes.Create(VeltkampSplitter));
        TVector high = TLanes.Subtract(c, TLanes.Subtract(c, f));
        TVector low = TLanes.Subtract(f, high);
        TVector p1 = TLanes.Multiply(high, TLanes.Create(Ln2A));
        TVector p2 = TLanes.Multiply(low, TLanes.Create(Ln2A));
        // The back end takes the error as multiplying eʳ by (1 + rError) to first order, so it must stay near
        // an ulp of r: the two small products are summed first (their rounding is 2⁻⁷⁹ of r) and only the
        // rounding error of the last sum, exact by Fast2Sum, is passed on.
        TVector t = TLanes.Add(p2, TLanes.Multiply(f, TLanes.Create(Ln2B)));
        TVector r = TLanes.Add(p1, t);
        TVector rError = TLanes.Subtract(t, TLanes.Subtract(r, p1));
        return ExpDoubleReduced<TLanes, TVector>(k, r, rError, x);
    }
}
