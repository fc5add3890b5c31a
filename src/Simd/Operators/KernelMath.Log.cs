using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Log</c> overloads against the exact ln x, in
    /// float ulps of the result. Computed in float. With AVX-512 (every width), by a 32-entry table and a
    /// degree-5 polynomial: measured 0.752 over every positive float. Otherwise by a degree-10 polynomial whose
    /// leading f = z − 1 is exact and added last to a correction of at most a quarter of the result: measured
    /// 0.961 without fused multiply-add and 0.862 with it over every positive float.
    /// </summary>
    public const double LogSingleMaxUlpError = 1.0;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Log</c> overloads against the exact ln x, in
    /// double ulps of the result:
    /// measured 0.818 over 200 000 random inputs (every positive finite bit pattern, [0.5, 2], near 1), with or
    /// without fused multiply-add (0.841 over 60 million inputs for the same formula in separate roundings).
    /// Derived: ln x = k·ln 2 + f − (f²/2 − s·(f²/2 + R)) with the leading terms k·ln2Hi and f exact, so only
    /// corrections below a quarter of the result carry rounding error, plus the last rounding.
    /// </summary>
    public const double LogDoubleMaxUlpError = 1.0;

    /// <summary>
    /// Most representable <see langword="float"/> values between a <see langword="float"/> <c>Log</c> lane and
    /// <see cref="MathF.Log(float)"/> of the same input;
    /// measured 1: this function is within 0.87 ulp of exact and the platform's <c>logf</c> within 0.51 ulp.
    /// </summary>
    public const int LogSingleMaxUlpFromScalar = 1;

    /// <summary>
    /// Most representable <see langword="double"/> values between a <see langword="double"/> <c>Log</c> lane and
    /// <see cref="Math.Log(double)"/> of the same input;
    /// measured 1: this function is within 0.85 ulp of exact and <see cref="Math.Log(double)"/> (the
    /// platform's C runtime) was measured within 0.518 ulp, so the two are less than 1.4 ulp apart.
    /// </summary>
    public const int LogDoubleMaxUlpFromScalar = 1;

    /// <summary>
    /// ln x for each lane, within <see cref="LogSingleMaxUlpError"/> ulp, computed in float: with AVX-512 by a
    /// table reduction in 512-bit registers at every width (so every width gives the same bits), otherwise by a
    /// polynomial.
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln x per lane: -∞ for ±0, NaN for negative x and NaN, +∞ for +∞; subnormal x is handled.</returns>
    public static Vector128<float> Log(Vector128<float> x) => TableOrLanes<LogFunction>(x);

    /// <inheritdoc cref="Log(Vector128{float})"/>
    public static Vector256<float> Log(Vector256<float> x) => TableOrLanes<LogFunction>(x);

    /// <inheritdoc cref="Log(Vector128{float})"/>
    public static Vector512<float> Log(Vector512<float> x) => TableOrLanes<LogFunction>(x);

    /// <inheritdoc cref="Log(Vector128{float})"/>
    public static Vector<float> Log(Vector<float> x) => TableOrLanes<LogFunction>(x);

    /// <summary>ln x for each lane, within <see cref="LogDoubleMaxUlpError"/> ulp.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln x per lane: -∞ for ±0, NaN for negative x and NaN, +∞ for +∞; subnormal x is handled.</returns>
    public static Vector128<double> Log(Vector128<double> x) => LogDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Log(Vector128{double})"/>
    public static Vector256<double> Log(Vector256<double> x) => LogDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Log(Vector128{double})"/>
    public static Vector512<double> Log(Vector512<double> x) => LogDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Log(Vector128{double})"/>
    public static Vector<double> Log(Vector<double> x) => LogDouble<DoubleLanesVector, Vector<double>>(x);

    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoPow54 = 18014398509481984.0;

    // ln(1 + f) = 2s + s·R(s²) with s = f/(2 + f), |s| ≤ 0.1716, R(z) = z·T(z), T of degree 7: a
    // least-squares fit (300 Chebyshev nodes in z, weight z) to (2·atanh(s)/s − 2)/z in 60-digit
    // arithmetic, rounded to double; its error as rounded is below 0.004 ulp. The coefficients are
    // close to 2/3, 2/5, 2/7, ….
    private const double LogC0 = 0.6666666666666666;
    private const double LogC1 = 0.40000000000006836;
    private const double LogC2 = 0.2857142856890773;
    private const double LogC3 = 0.22222222672750017;
    private const double LogC4 = 0.18181773635992243;
    private const double LogC5 = 0.15387178025928516;
    private const double LogC6 = 0.13248175068463935;
    private const double LogC7 = 0.13268824715169886;

    /// <summary>
    /// ln x = k·ln 2 + ln(1 + f) with x = 2ᵏ·(1 + f), 1 + f in [√½, √2). ln(1 + f) is arranged as
    /// f − (f²/2 − s·(f²/2 + R)) so that the large term f is exact and only small corrections carry
    /// rounding error; k·ln 2 is added as an exact k·Ln2Hi plus a tail. With the fast multiply-add.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LogDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        bool ordinary = LogDoubleOrdinary<TLanes, TVector>(x);
        TVector tail = LogDoubleParts<TLanes, TVector>(x, ordinary, out TVector k, out TVector f);

        // k·Ln2Hi + (f − (tail − k·Ln2Lo)), k·Ln2Hi exact.
        TVector result = TLanes.MultiplyAdd(
            k,
            TLanes.Create(Ln2Hi),
            TLanes.Subtract(f, TLanes.MultiplyAdd(k, TLanes.Create(-Ln2Lo), tail)));
        return LogDoubleSpecials<TLanes, TVector>(x, result, ordinary);
    }

    private const double LargestSubnormal = 2.2250738585072009e-308;

    /// <summary>Whether every lane is positive, normal and finite (no subnormal scaling, no special values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LogDoubleOrdinary<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
        => TLanes.All(TLanes.And(
            TLanes.LessThan(TLanes.Create(LargestSubnormal), x),
            TLanes.LessThan(x, TLanes.Create(double.PositiveInfinity))));

    /// <summary>
    /// x = 2ᵏ·z with z in [√½, √2) and ln z = f − tail, f = z − 1 exact and the tail small (about f²/2):
    /// the shared front end of <c>Log</c>, <c>Log2</c> and <c>Log10</c>. Meaningful for positive finite x;
    /// <paramref name="ordinary"/> (every lane positive, normal and finite) skips the subnormal scaling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LogDoubleParts<TLanes, TVector>(TVector x, bool ordinary, out TVector k, out TVector f)
        where TLanes : IDoubleLanes<TVector>
    {
        // Subnormal x: scale into the normals first (exactly) and take 54 off the exponent (the same bits for
        // the normal lanes either way).
        TVector z;
        if (ordinary)
        {
            z = TLanes.Decompose(x, out k);
        }
        else
        {
            TVector subnormal = TLanes.LessThan(x, TLanes.Create(SmallestNormal));
            TVector normal = TLanes.Select(subnormal, TLanes.Multiply(x, TLanes.Create(TwoPow54)), x);
            z = TLanes.Decompose(normal, out k);
            k = TLanes.Subtract(k, TLanes.Select(subnormal, TLanes.Create(54.0), TLanes.Create(0.0)));
        }

        // f = z − 1 is exact (Sterbenz: z in [0.707, 1.415)).
        f = TLanes.Subtract(z, TLanes.Create(1.0));
        TVector s = TLanes.Divide(f, TLanes.Add(TLanes.Create(2.0), f));
        TVector w = TLanes.Multiply(s, s);
        // T(w) by Estrin's scheme (pairs in w, then w² and w⁴: a short dependency chain).
        TVector w2 = TLanes.Multiply(w, w);
        TVector t01 = TLanes.MultiplyAdd(TLanes.Create(LogC1), w, TLanes.Create(LogC0));
        TVector t23 = TLanes.MultiplyAdd(TLanes.Create(LogC3), w, TLanes.Create(LogC2));
        TVector t45 = TLanes.MultiplyAdd(TLanes.Create(LogC5), w, TLanes.Create(LogC4));
        TVector t67 = TLanes.MultiplyAdd(TLanes.Create(LogC7), w, TLanes.Create(LogC6));
        TVector t = TLanes.MultiplyAdd(
            TLanes.MultiplyAdd(t67, w2, t45),
            TLanes.Multiply(w2, w2),
            TLanes.MultiplyAdd(t23, w2, t01));
        TVector halfSquare = TLanes.Multiply(TLanes.Multiply(f, TLanes.Create(0.5)), f);

        // ln(1 + f) = f − (f²/2 − s·(f²/2 + R)), R = w·t
        return TLanes.MultiplyAdd(TLanes.Negate(s), TLanes.MultiplyAdd(w, t, halfSquare), halfSquare);
    }

    /// <summary>The specials, as <see cref="Math.Log(double)"/> gives them: ln ±0 = −∞, ln(x &lt; 0) = NaN, ln +∞ = +∞, NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LogDoubleSpecials<TLanes, TVector>(TVector x, TVector result, bool ordinary)
        where TLanes : IDoubleLanes<TVector>
    {
        // Vectors of positive finite lanes (the common case) need none of it.
        if (ordinary)
        {
            return result;
        }

        TVector zero = TLanes.Create(0.0);
        result = TLanes.Select(TLanes.Equal(x, zero), TLanes.Create(double.NegativeInfinity), result);
        result = TLanes.Select(TLanes.LessThan(x, zero), TLanes.Create(double.NaN), result);
        result = TLanes.Select(TLanes.Equal(x, TLanes.Create(double.PositiveInfinity)), x, result);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }

    private const float SmallestNormalSingle = 1.17549435e-38f;
    private const uint SingleSmallestNormalBits = 0x00800000u;
    private const uint SinglePositiveInfinityBits = 0x7F800000u;
    private const float TwoPow24Single = 16777216f;

    // ln(1 + f) = f − f²/2 + f³·P(f) on f in [¾ − 1, 3/2 − 1), P of degree 8: a weighted least-squares fit
    // refined towards minimax (tools/kernel-math-fit.py), coefficients rounded to float; its error as
    // rounded is below 0.03 ulp of the result. The coefficients are close to 1/3, −1/4, 1/5, ….
    private const float LogSingleC0 = 0.33333340287208557f;
    private const float LogSingleC1 = -0.2500016689300537f;
    private const float LogSingleC2 = 0.19999602437019348f;
    private const float LogSingleC3 = -0.16655263304710388f;
    private const float LogSingleC4 = 0.14276255667209625f;
    private const float LogSingleC5 = -0.1272822916507721f;
    private const float LogSingleC6 = 0.11701129376888275f;
    private const float LogSingleC7 = -0.09114962071180344f;
    private const float LogSingleC8 = 0.03765501081943512f;

    /// <summary>
    /// ln(1 + f) for f = z − 1 (exact), x = 2ᵏ·z with z in [¾, 3/2), all in float: the leading f is added last
    /// to the small f²·(P·f − ½), and k·ln 2 as an exact k·Ln2Hi plus a tail. The path without AVX-512 (AVX2,
    /// 128-bit, software): there a 32-entry table takes more shuffles (vpermps holds 8 entries) than the
    /// polynomial terms it would save.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LogSingle<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        // Vectors of positive normal finite lanes (the common case: bit patterns 0x00800000 to 0x7F7FFFFF)
        // skip the subnormal scaling and the special values; every lane gets the same bits either way.
        if (!TLanes.AnyBitsOutside(x, SingleSmallestNormalBits, SinglePositiveInfinityBits - SingleSmallestNormalBits))
        {
            return LogSinglePositiveNormal<TLanes, TVector, TDouble>(TLanes.Decompose(x, out TVector kNormal), kNormal);
        }

        return LogSingleUnusual<TLanes, TVector, TDouble>(x);
    }

    /// <summary>
    /// <see cref="LogSingle"/> for a vector with a zero, negative, subnormal, infinite or NaN lane: kept out of
    /// line, so that the common path inlined into a kernel's loop stays small.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TVector LogSingleUnusual<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        // Subnormal x: scale into the normals first (exactly) and take 24 off the exponent.
        TVector subnormal = TLanes.LessThan(x, TLanes.Create(SmallestNormalSingle));
        TVector normal = TLanes.Select(subnormal, TLanes.Multiply(x, TLanes.Create(TwoPow24Single)), x);
        TVector z = TLanes.Decompose(normal, out TVector k);
        k = TLanes.Subtract(k, TLanes.Select(subnormal, TLanes.Create(24f), TLanes.Create(0f)));
        TVector result = LogSinglePositiveNormal<TLanes, TVector, TDouble>(z, k);

        // The specials, as MathF.Log gives them: ln ±0 = −∞, ln(x < 0) = NaN, ln +∞ = +∞, NaN stays NaN.
        TVector zero = TLanes.Create(0f);
        result = TLanes.Select(TLanes.Equal(x, zero), TLanes.Create(float.NegativeInfinity), result);
        result = TLanes.Select(TLanes.LessThan(x, zero), TLanes.Create(float.NaN), result);
        result = TLanes.Select(TLanes.Equal(x, TLanes.Create(float.PositiveInfinity)), x, result);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }

    /// <summary>ln x from x = 2ᵏ·z, z in [¾, 3/2), for positive normal finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LogSinglePositiveNormal<TLanes, TVector, TDouble>(TVector z, TVector k)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector f = TLanes.Subtract(z, TLanes.Create(1f));

        // f·P(f) − ½: the terms from f² on by Estrin's scheme (pairs in f, then f² and f⁴), the last two by Horner's
        // steps. All ten by Horner made one vector's latency (ten dependent multiply-adds) what limits the loop on
        // the AVX2 path; all by Estrin's scheme rounds three times at the top, where the sum is largest, which took
        // the error over 1 ulp where k·ln 2 cancels most of ln z (x just below ¾: 1.07 ulp, over every float).
        TVector f2 = TLanes.Multiply(f, f);
        TVector f4 = TLanes.Multiply(f2, f2);
        TVector q12 = TLanes.MultiplyAdd(TLanes.Create(LogSingleC2), f, TLanes.Create(LogSingleC1));
        TVector q34 = TLanes.MultiplyAdd(TLanes.Create(LogSingleC4), f, TLanes.Create(LogSingleC3));
        TVector q56 = TLanes.MultiplyAdd(TLanes.Create(LogSingleC6), f, TLanes.Create(LogSingleC5));
        TVector q78 = TLanes.MultiplyAdd(TLanes.Create(LogSingleC8), f, TLanes.Create(LogSingleC7));
        TVector upper = TLanes.MultiplyAdd(TLanes.MultiplyAdd(q78, f2, q56), f4, TLanes.MultiplyAdd(q34, f2, q12));
        TVector p = TLanes.MultiplyAdd(TLanes.MultiplyAdd(upper, f, TLanes.Create(LogSingleC0)), f, TLanes.Create(-0.5f));
        TVector small = TLanes.MultiplyAdd(f2, p, TLanes.Multiply(k, TLanes.Create(Ln2LoSingle)));
        return TLanes.MultiplyAdd(k, TLanes.Create(Ln2HiSingle), TLanes.Add(f, small));
    }
}
