using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Pow</c> overloads against the exact xʸ, in float ulps:
    /// computed as 2^(y·log₂|x|) with the double <c>Log2</c> and <c>Exp2</c> (whose errors reach the float result
    /// scaled by |y·ln x| ≤ 104, still below 2⁻⁴⁰ of a float ulp) and rounded once.
    /// </summary>
    public const double PowSingleMaxUlpError = 0.501;

    /// <summary>xʸ for each pair of lanes, within <see cref="PowSingleMaxUlpError"/> ulp: <see cref="MathF.Pow"/>, with its special values bit for bit.</summary>
    /// <param name="x">The bases.</param>
    /// <param name="y">The exponents.</param>
    /// <returns>xʸ per lane. As <see cref="MathF.Pow"/>: 1 for y = ±0 or x = 1 (even with NaN), 1 for x = −1 and y = ±∞, NaN for finite x &lt; 0 with finite non-integer y, the sign of x for odd integer y, and the IEEE zeros and infinities for x = ±0, ±∞ and y = ±∞.</returns>
    public static Vector128<float> Pow(Vector128<float> x, Vector128<float> y)
    {
        (Vector128<double> xLower, Vector128<double> xUpper) = Vector128.Widen(x);
        (Vector128<double> yLower, Vector128<double> yUpper) = Vector128.Widen(y);
        return Vector128.Narrow(PowFromSingle<DoubleLanes128, Vector128<double>>(xLower, yLower), PowFromSingle<DoubleLanes128, Vector128<double>>(xUpper, yUpper));
    }

    /// <inheritdoc cref="Pow(Vector128{float}, Vector128{float})"/>
    public static Vector256<float> Pow(Vector256<float> x, Vector256<float> y)
    {
        (Vector256<double> xLower, Vector256<double> xUpper) = Vector256.Widen(x);
        (Vector256<double> yLower, Vector256<double> yUpper) = Vector256.Widen(y);
        return Vector256.Narrow(PowFromSingle<DoubleLanes256, Vector256<double>>(xLower, yLower), PowFromSingle<DoubleLanes256, Vector256<double>>(xUpper, yUpper));
    }

    /// <inheritdoc cref="Pow(Vector128{float}, Vector128{float})"/>
    public static Vector512<float> Pow(Vector512<float> x, Vector512<float> y)
    {
        (Vector512<double> xLower, Vector512<double> xUpper) = Vector512.Widen(x);
        (Vector512<double> yLower, Vector512<double> yUpper) = Vector512.Widen(y);
        return Vector512.Narrow(PowFromSingle<DoubleLanes512, Vector512<double>>(xLower, yLower), PowFromSingle<DoubleLanes512, Vector512<double>>(xUpper, yUpper));
    }

    /// <inheritdoc cref="Pow(Vector128{float}, Vector128{float})"/>
    public static Vector<float> Pow(Vector<float> x, Vector<float> y)
    {
        Vector.Widen(x, out Vector<double> xLower, out Vector<double> xUpper);
        Vector.Widen(y, out Vector<double> yLower, out Vector<double> yUpper);
        return Vector.Narrow(PowFromSingle<DoubleLanesVector, Vector<double>>(xLower, yLower), PowFromSingle<DoubleLanesVector, Vector<double>>(xUpper, yUpper));
    }

    /// <summary>xʸ for each pair of lanes: <see cref="Math.Pow"/> itself, lane by lane.</summary>
    /// <param name="x">The bases.</param>
    /// <param name="y">The exponents.</param>
    /// <returns>xʸ per lane, the same bits as <see cref="Math.Pow"/>.</returns>
    /// <remarks>Not vectorised: an error of 2 ulp for every double xʸ needs log₂ x to about 2⁻⁶⁴, which the double <c>Log2</c> does not carry, so each lane calls <see cref="Math.Pow"/> (scalar speed, scalar bits).</remarks>
    public static Vector128<double> Pow(Vector128<double> x, Vector128<double> y) => PowDouble<DoubleLanes128, Vector128<double>>(x, y);

    /// <inheritdoc cref="Pow(Vector128{double}, Vector128{double})"/>
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y) => PowDouble<DoubleLanes256, Vector256<double>>(x, y);

    /// <inheritdoc cref="Pow(Vector128{double}, Vector128{double})"/>
    public static Vector512<double> Pow(Vector512<double> x, Vector512<double> y) => PowDouble<DoubleLanes512, Vector512<double>>(x, y);

    /// <inheritdoc cref="Pow(Vector128{double}, Vector128{double})"/>
    public static Vector<double> Pow(Vector<double> x, Vector<double> y) => PowDouble<DoubleLanesVector, Vector<double>>(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector PowDouble<TLanes, TVector>(TVector x, TVector y)
        where TLanes : IDoubleLanes<TVector>
        => TLanes.Map(x, y, Math.Pow);

    /// <summary>
    /// xʸ for lanes that are widened floats: |x|ʸ = 2^(y·log₂|x|) in double, the sign for negative x and odd
    /// integer y, then the special values of <see cref="MathF.Pow"/> (the C <c>powf</c> rules) laid over it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector PowFromSingle<TLanes, TVector>(TVector x, TVector y)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector zero = TLanes.Create(0.0);
        TVector one = TLanes.Create(1.0);
        TVector infinity = TLanes.Create(double.PositiveInfinity);
        TVector magnitude = Exp2Double<TLanes, TVector>(TLanes.Multiply(y, Log2Double<TLanes, TVector>(TLanes.Abs(x))));

        // y is an integer (±∞ counts as an even one) and odd (|y| < 2⁵³, so y/2 is exact).
        TVector half = TLanes.Multiply(y, TLanes.Create(0.5));
        TVector integer = TLanes.Equal(TLanes.Floor(y), y);
        TVector odd = TLanes.Select(TLanes.Equal(TLanes.Floor(half), half), zero, integer);
        TVector negativeX = TLanes.LessThan(TLanes.CopySign(one, x), zero);
        TVector result = TLanes.Select(TLanes.And(negativeX, odd), TLanes.Multiply(magnitude, TLanes.Create(-1.0)), magnitude);

        // Finite negative x with finite non-integer y: NaN.
        TVector finiteNegative = TLanes.And(TLanes.LessThan(x, zero), TLanes.LessThan(TLanes.Create(double.NegativeInfinity), x));
        TVector finiteY = TLanes.LessThan(TLanes.Abs(y), infinity);
        TVector nonInteger = TLanes.Select(integer, zero, TLanes.Equal(y, y));
        result = TLanes.Select(TLanes.And(finiteNegative, TLanes.And(finiteY, nonInteger)), TLanes.Create(double.NaN), result);

        // 1 for y = ±0, for x = 1 and for x = −1 with y = ±∞ (where y·log₂|x| would be NaN).
        TVector unit = TLanes.Or(TLanes.Equal(y, zero), TLanes.Equal(x, one));
        unit = TLanes.Or(unit, TLanes.And(TLanes.Equal(x, TLanes.Create(-1.0)), TLanes.Equal(TLanes.Abs(y), infinity)));
        return TLanes.Select(unit, one, result);
    }
}
