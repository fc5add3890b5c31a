using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Hypot</c> overloads against the exact √(x² + y²), in
    /// float ulps: computed by the double function (the squares of floats are exact in double) and rounded once.
    /// </summary>
    public const double HypotSingleMaxUlpError = 0.501;

    /// <summary>Bound on the error of the <see langword="double"/> <c>Hypot</c> overloads against the exact √(x² + y²), in double ulps.</summary>
    public const double HypotDoubleMaxUlpError = 1.5;

    /// <summary>√(x² + y²) for each pair of lanes without overflow or underflow in between, within <see cref="HypotSingleMaxUlpError"/> ulp: <c>float.Hypot</c>.</summary>
    /// <param name="x">The first legs.</param>
    /// <param name="y">The second legs.</param>
    /// <returns>√(x² + y²) per lane: +∞ where either lane is ±∞ (even if the other is NaN), else NaN where either is NaN.</returns>
    public static Vector128<float> Hypot(Vector128<float> x, Vector128<float> y)
    {
        (Vector128<double> xLower, Vector128<double> xUpper) = Vector128.Widen(x);
        (Vector128<double> yLower, Vector128<double> yUpper) = Vector128.Widen(y);
        return Vector128.Narrow(Hypot(xLower, yLower), Hypot(xUpper, yUpper));
    }

    /// <inheritdoc cref="Hypot(Vector128{float}, Vector128{float})"/>
    public static Vector256<float> Hypot(Vector256<float> x, Vector256<float> y)
    {
        (Vector256<double> xLower, Vector256<double> xUpper) = Vector256.Widen(x);
        (Vector256<double> yLower, Vector256<double> yUpper) = Vector256.Widen(y);
        return Vector256.Narrow(Hypot(xLower, yLower), Hypot(xUpper, yUpper));
    }

    /// <inheritdoc cref="Hypot(Vector128{float}, Vector128{float})"/>
    public static Vector512<float> Hypot(Vector512<float> x, Vector512<float> y)
    {
        (Vector512<double> xLower, Vector512<double> xUpper) = Vector512.Widen(x);
        (Vector512<double> yLower, Vector512<double> yUpper) = Vector512.Widen(y);
        return Vector512.Narrow(Hypot(xLower, yLower), Hypot(xUpper, yUpper));
    }

    /// <inheritdoc cref="Hypot(Vector128{float}, Vector128{float})"/>
    public static Vector<float> Hypot(Vector<float> x, Vector<float> y)
    {
        Vector.Widen(x, out Vector<double> xLower, out Vector<double> xUpper);
        Vector.Widen(y, out Vector<double> yLower, out Vector<double> yUpper);
        return Vector.Narrow(Hypot(xLower, yLower), Hypot(xUpper, yUpper));
    }

    /// <summary>√(x² + y²) for each pair of lanes without overflow or underflow in between, within <see cref="HypotDoubleMaxUlpError"/> ulp: <c>double.Hypot</c>.</summary>
    /// <param name="x">The first legs.</param>
    /// <param name="y">The second legs.</param>
    /// <returns>√(x² + y²) per lane: +∞ where either lane is ±∞ (even if the other is NaN), else NaN where either is NaN.</returns>
    public static Vector128<double> Hypot(Vector128<double> x, Vector128<double> y) => HypotDouble<DoubleLanes128, Vector128<double>>(x, y);

    /// <inheritdoc cref="Hypot(Vector128{double}, Vector128{double})"/>
    public static Vector256<double> Hypot(Vector256<double> x, Vector256<double> y) => HypotDouble<DoubleLanes256, Vector256<double>>(x, y);

    /// <inheritdoc cref="Hypot(Vector128{double}, Vector128{double})"/>
    public static Vector512<double> Hypot(Vector512<double> x, Vector512<double> y) => HypotDouble<DoubleLanes512, Vector512<double>>(x, y);

    /// <inheritdoc cref="Hypot(Vector128{double}, Vector128{double})"/>
    public static Vector<double> Hypot(Vector<double> x, Vector<double> y) => HypotDouble<DoubleLanesVector, Vector<double>>(x, y);

    private const double TwoPow500 = 3.273390607896142e+150;
    private const double TwoPowMinus500 = 3.054936363499605e-151;
    private const double TwoPow600 = 4.149515568880993e+180;
    private const double TwoPowMinus600 = 2.409919865102884e-181;

    /// <summary>
    /// √(a² + b²) with a = max(|x|, |y|) and b = min(|x|, |y|), both scaled by 2∓⁶⁰⁰ when a is beyond 2^±500
    /// (exact, so that a² neither overflows nor underflows) and the root scaled back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector HypotDouble<TLanes, TVector>(TVector x, TVector y)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector ax = TLanes.Abs(x);
        TVector ay = TLanes.Abs(y);
        TVector a = TLanes.Max(ax, ay);
        TVector b = TLanes.Min(ax, ay);
        TVector big = TLanes.LessThan(TLanes.Create(TwoPow500), a);
        TVector small = TLanes.LessThan(a, TLanes.Create(TwoPowMinus500));
        TVector one = TLanes.Create(1.0);
        TVector scale = TLanes.Select(big, TLanes.Create(TwoPowMinus600), TLanes.Select(small, TLanes.Create(TwoPow600), one));
        TVector unscale = TLanes.Select(big, TLanes.Create(TwoPow600), TLanes.Select(small, TLanes.Create(TwoPowMinus600), one));
        a = TLanes.Multiply(a, scale);
        b = TLanes.Multiply(b, scale);
        TVector result = TLanes.Multiply(TLanes.Sqrt(TLanes.Add(TLanes.Multiply(a, a), TLanes.Multiply(b, b))), unscale);

        TVector infinity = TLanes.Create(double.PositiveInfinity);
        result = TLanes.Select(TLanes.And(TLanes.Equal(x, x), TLanes.Equal(y, y)), result, TLanes.Add(x, y));
        return TLanes.Select(TLanes.Or(TLanes.Equal(ax, infinity), TLanes.Equal(ay, infinity)), infinity, result);
    }
}
