using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Cbrt</c> overloads against the exact ∛x, in float
    /// ulps: computed by the double function and rounded once.
    /// </summary>
    public const double CbrtSingleMaxUlpError = 0.501;

    /// <summary>Bound on the error of the <see langword="double"/> <c>Cbrt</c> overloads against the exact ∛x, in double ulps.</summary>
    public const double CbrtDoubleMaxUlpError = 1.0;

    /// <summary>∛x for each lane, within <see cref="CbrtSingleMaxUlpError"/> ulp: <see cref="MathF.Cbrt"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>∛x per lane: ±0 for ±0, ±∞ for ±∞, NaN for NaN, negative for negative x.</returns>
    public static Vector128<float> Cbrt(Vector128<float> x)
    {
        (Vector128<double> xLower, Vector128<double> xUpper) = Vector128.Widen(x);
        return Vector128.Narrow(Cbrt(xLower), Cbrt(xUpper));
    }

    /// <inheritdoc cref="Cbrt(Vector128{float})"/>
    public static Vector256<float> Cbrt(Vector256<float> x)
    {
        (Vector256<double> xLower, Vector256<double> xUpper) = Vector256.Widen(x);
        return Vector256.Narrow(Cbrt(xLower), Cbrt(xUpper));
    }

    /// <inheritdoc cref="Cbrt(Vector128{float})"/>
    public static Vector512<float> Cbrt(Vector512<float> x)
    {
        (Vector512<double> xLower, Vector512<double> xUpper) = Vector512.Widen(x);
        return Vector512.Narrow(Cbrt(xLower), Cbrt(xUpper));
    }

    /// <inheritdoc cref="Cbrt(Vector128{float})"/>
    public static Vector<float> Cbrt(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> xLower, out Vector<double> xUpper);
        return Vector.Narrow(Cbrt(xLower), Cbrt(xUpper));
    }

    /// <summary>∛x for each lane, within <see cref="CbrtDoubleMaxUlpError"/> ulp: <see cref="Math.Cbrt"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>∛x per lane: ±0 for ±0, ±∞ for ±∞, NaN for NaN, negative for negative x; subnormal x is handled.</returns>
    public static Vector128<double> Cbrt(Vector128<double> x) => CbrtDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Cbrt(Vector128{double})"/>
    public static Vector256<double> Cbrt(Vector256<double> x) => CbrtDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Cbrt(Vector128{double})"/>
    public static Vector512<double> Cbrt(Vector512<double> x) => CbrtDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Cbrt(Vector128{double})"/>
    public static Vector<double> Cbrt(Vector<double> x) => CbrtDouble<DoubleLanesVector, Vector<double>>(x);

    // ∛m ≈ CbrtC0 + CbrtC1·m + CbrtC2·m² + CbrtC3·m³ on m in [√½, 4√2): a weighted least-squares fit
    // (tools/kernel-math-fit.py), within 0.53% relative: the start of three Newton steps (each squares the
    // relative error: 2.8e-5, 7.7e-10, below the double rounding).
    private const double CbrtC0 = 0.6075697236799726;
    private const double CbrtC1 = 0.45884225632514136;
    private const double CbrtC2 = -0.07698861426455118;
    private const double CbrtC3 = 0.005808346520080256;

    /// <summary>
    /// |x| = z·2ᵏ, k = 3q + rem: ∛|x| = 2^q·∛(z·2^rem), the cube root of m = z·2^rem in [√½, 4√2) by a cubic
    /// start and three Newton steps y ← y − (y − m/y²)/3, the sign put back last.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector CbrtDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector a = TLanes.Abs(x);
        TVector subnormal = TLanes.LessThan(a, TLanes.Create(SmallestNormal));
        TVector normal = TLanes.Select(subnormal, TLanes.Multiply(a, TLanes.Create(TwoPow54)), a);
        TVector z = TLanes.Decompose(normal, out TVector k);
        TVector q = TLanes.Floor(TLanes.Divide(k, TLanes.Create(3.0)));
        TVector m = TLanes.Multiply(z, TLanes.Pow2(TLanes.Subtract(k, TLanes.Multiply(q, TLanes.Create(3.0)))));
        q = TLanes.Subtract(q, TLanes.Select(subnormal, TLanes.Create(18.0), TLanes.Create(0.0)));

        TVector third = TLanes.Create(1.0 / 3.0);
        TVector y = TLanes.Create(CbrtC3);
        y = TLanes.Add(TLanes.Multiply(y, m), TLanes.Create(CbrtC2));
        y = TLanes.Add(TLanes.Multiply(y, m), TLanes.Create(CbrtC1));
        y = TLanes.Add(TLanes.Multiply(y, m), TLanes.Create(CbrtC0));
        for (int i = 0; i < 3; i++)
        {
            y = TLanes.Subtract(y, TLanes.Multiply(TLanes.Subtract(y, TLanes.Divide(m, TLanes.Multiply(y, y))), third));
        }

        TVector result = TLanes.CopySign(TLanes.Multiply(y, TLanes.Pow2(q)), x);
        TVector passThrough = TLanes.Or(TLanes.Equal(a, TLanes.Create(0.0)), TLanes.Equal(a, TLanes.Create(double.PositiveInfinity)));
        result = TLanes.Select(passThrough, x, result);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }
}
