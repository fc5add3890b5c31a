using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Log2</c> and <c>Log10</c> overloads against the exact
    /// value, in float ulps of the result. They are computed by the double functions (within 2 double ulps, that
    /// is 2⁻²⁸ of a float ulp) and rounded once.
    /// </summary>
    public const double Log2SingleMaxUlpError = 0.501;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Log2</c> and <c>Log10</c> overloads against the exact
    /// value, in double ulps of the result; docs/kernel-math.md gives the measurement.
    /// </summary>
    public const double Log2DoubleMaxUlpError = 2.0;

    /// <summary>log₂ x for each lane, within <see cref="Log2SingleMaxUlpError"/> ulp: <c>float.Log2</c>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log₂ x per lane: exact for powers of two, -∞ for ±0, NaN for negative x and NaN, +∞ for +∞.</returns>
    public static Vector128<float> Log2(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(Log2(lower), Log2(upper));
    }

    /// <inheritdoc cref="Log2(Vector128{float})"/>
    public static Vector256<float> Log2(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(Log2(lower), Log2(upper));
    }

    /// <inheritdoc cref="Log2(Vector128{float})"/>
    public static Vector512<float> Log2(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(Log2(lower), Log2(upper));
    }

    /// <inheritdoc cref="Log2(Vector128{float})"/>
    public static Vector<float> Log2(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
        return Vector.Narrow(Log2(lower), Log2(upper));
    }

    /// <summary>log₂ x for each lane, within <see cref="Log2DoubleMaxUlpError"/> ulp: <see cref="Math.Log2"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log₂ x per lane: exact for powers of two, -∞ for ±0, NaN for negative x and NaN, +∞ for +∞.</returns>
    public static Vector128<double> Log2(Vector128<double> x) => Log2Double<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Log2(Vector128{double})"/>
    public static Vector256<double> Log2(Vector256<double> x) => Log2Double<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Log2(Vector128{double})"/>
    public static Vector512<double> Log2(Vector512<double> x) => Log2Double<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Log2(Vector128{double})"/>
    public static Vector<double> Log2(Vector<double> x) => Log2Double<DoubleLanesVector, Vector<double>>(x);

    /// <summary>log₁₀ x for each lane, within <see cref="Log2SingleMaxUlpError"/> ulp: <see cref="MathF.Log10"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log₁₀ x per lane: -∞ for ±0, NaN for negative x and NaN, +∞ for +∞.</returns>
    public static Vector128<float> Log10(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(Log10(lower), Log10(upper));
    }

    /// <inheritdoc cref="Log10(Vector128{float})"/>
    public static Vector256<float> Log10(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(Log10(lower), Log10(upper));
    }

    /// <inheritdoc cref="Log10(Vector128{float})"/>
    public static Vector512<float> Log10(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(Log10(lower), Log10(upper));
    }

    /// <inheritdoc cref="Log10(Vector128{float})"/>
    public static Vector<float> Log10(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> lower, out Vector<double> upper);
        return Vector.Narrow(Log10(lower), Log10(upper));
    }

    /// <summary>log₁₀ x for each lane, within <see cref="Log2DoubleMaxUlpError"/> ulp: <see cref="Math.Log10"/>.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>log₁₀ x per lane: -∞ for ±0, NaN for negative x and NaN, +∞ for +∞.</returns>
    public static Vector128<double> Log10(Vector128<double> x) => Log10Double<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Log10(Vector128{double})"/>
    public static Vector256<double> Log10(Vector256<double> x) => Log10Double<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Log10(Vector128{double})"/>
    public static Vector512<double> Log10(Vector512<double> x) => Log10Double<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Log10(Vector128{double})"/>
    public static Vector<double> Log10(Vector<double> x) => Log10Double<DoubleLanesVector, Vector<double>>(x);

    // log₂e and log₁₀e as a 26-bit head (exact products with the Veltkamp halves of f) plus a tail.
    private const double Log2EHi = 1.4426950514316559;
    private const double Log2ELo = -1.0542692476429138e-08;
    private const double Log10EHi = 0.4342944845557213;
    private const double Log10ELo = -2.6524694553078553e-09;

    // log₁₀ 2 = Log10Of2Hi + Log10Of2Lo; Log10Of2Hi has 32 significant bits, so k·Log10Of2Hi is exact.
    private const double Log10Of2Hi = 0.3010299956658855;
    private const double Log10Of2Lo = -1.9043128467164274e-12;

    /// <summary>log₂ x = k + log₂e·ln z, ln z = f − tail from the front end of <c>Log</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Log2Double<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        bool ordinary = LogDoubleOrdinary<TLanes, TVector>(x);
        TVector tail = LogDoubleParts<TLanes, TVector>(x, ordinary, out TVector k, out TVector f);
        TVector scaled = ScaleLogarithm<TLanes, TVector>(f, tail, Log2EHi, Log2ELo, TLanes.Create(0.0));
        return LogDoubleSpecials<TLanes, TVector>(x, TLanes.Add(k, scaled), ordinary);
    }

    /// <summary>log₁₀ x = k·log₁₀2 + log₁₀e·ln z, k·log₁₀2 as an exact head plus a tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Log10Double<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        bool ordinary = LogDoubleOrdinary<TLanes, TVector>(x);
        TVector tail = LogDoubleParts<TLanes, TVector>(x, ordinary, out TVector k, out TVector f);
        TVector scaled = ScaleLogarithm<TLanes, TVector>(f, tail, Log10EHi, Log10ELo, TLanes.Multiply(k, TLanes.Create(Log10Of2Lo)));
        return LogDoubleSpecials<TLanes, TVector>(x, TLanes.Add(TLanes.Multiply(k, TLanes.Create(Log10Of2Hi)), scaled), ordinary);
    }

    /// <summary>
    /// c·(f − tail) + extra with c = head + tail of the constant: f·head is formed exactly from the Veltkamp
    /// halves of f (f is exact, so the leading product carries no rounding error), everything smaller is summed
    /// first and added to it once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ScaleLogarithm<TLanes, TVector>(TVector f, TVector tail, double head, double tailOfConstant, TVector extra)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector c = TLanes.Multiply(f, TLanes.Create(VeltkampSplitter));
        TVector high = TLanes.Subtract(c, TLanes.Subtract(c, f));
        TVector low = TLanes.Subtract(f, high);
        TVector p1 = TLanes.Multiply(high, TLanes.Create(head));
        TVector p2 = TLanes.Multiply(low, TLanes.Create(head));
        TVector constant = TLanes.Create(head + tailOfConstant);
        TVector small = TLanes.Subtract(TLanes.Multiply(f, TLanes.Create(tailOfConstant)), TLanes.Multiply(tail, constant));
        return TLanes.Add(p1, TLanes.Add(p2, TLanes.Add(small, extra)));
    }
}
