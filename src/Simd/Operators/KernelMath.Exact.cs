using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

// The exact functions: rounding, sign and classification. Each lane is the scalar method's result bit for bit,
// for −0, NaN, ±∞, subnormals and values beyond 2²³ / 2⁵² (which are integers already and pass through).
public static partial class KernelMath
{
    /// <summary>Each lane rounded to the nearest integer, ties to even: <c>Math.Round(x)</c> / <c>MathF.Round(x)</c> bit for bit (−0 stays −0, NaN and ±∞ pass through).</summary>
    /// <param name="x">The values.</param>
    /// <returns>The rounded lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Round(Vector128<float> x) => Vector128.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Round(Vector256<float> x) => Vector256.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Round(Vector512<float> x) => Vector512.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Round(Vector<float> x) => Vector.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Round(Vector128<double> x) => Vector128.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Round(Vector256<double> x) => Vector256.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Round(Vector512<double> x) => Vector512.Round(x);

    /// <inheritdoc cref="Round(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Round(Vector<double> x) => Vector.Round(x);

    /// <summary>Each lane rounded towards −∞: <c>Math.Floor</c> bit for bit.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The rounded lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Floor(Vector128<float> x) => Vector128.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Floor(Vector256<float> x) => Vector256.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Floor(Vector512<float> x) => Vector512.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Floor(Vector<float> x) => Vector.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Floor(Vector128<double> x) => Vector128.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Floor(Vector256<double> x) => Vector256.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Floor(Vector512<double> x) => Vector512.Floor(x);

    /// <inheritdoc cref="Floor(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Floor(Vector<double> x) => Vector.Floor(x);

    /// <summary>Each lane rounded towards +∞: <c>Math.Ceiling</c> bit for bit (−0.5 gives −0).</summary>
    /// <param name="x">The values.</param>
    /// <returns>The rounded lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Ceiling(Vector128<float> x) => Vector128.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Ceiling(Vector256<float> x) => Vector256.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Ceiling(Vector512<float> x) => Vector512.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Ceiling(Vector<float> x) => Vector.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Ceiling(Vector128<double> x) => Vector128.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Ceiling(Vector256<double> x) => Vector256.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Ceiling(Vector512<double> x) => Vector512.Ceiling(x);

    /// <inheritdoc cref="Ceiling(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Ceiling(Vector<double> x) => Vector.Ceiling(x);

    /// <summary>Each lane rounded towards zero: <c>Math.Truncate</c> and <c>Math.Round(x, MidpointRounding.ToZero)</c> bit for bit.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The rounded lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Truncate(Vector128<float> x) => Vector128.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Truncate(Vector256<float> x) => Vector256.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Truncate(Vector512<float> x) => Vector512.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Truncate(Vector<float> x) => Vector.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Truncate(Vector128<double> x) => Vector128.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Truncate(Vector256<double> x) => Vector256.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Truncate(Vector512<double> x) => Vector512.Truncate(x);

    /// <inheritdoc cref="Truncate(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Truncate(Vector<double> x) => Vector.Truncate(x);

    /// <summary>Each lane rounded to the nearest integer, ties away from zero: <c>Math.Round(x, MidpointRounding.AwayFromZero)</c> bit for bit.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The rounded lanes (−0.3 gives −0, 0.49999997 gives 0, NaN and ±∞ pass through).</returns>
    /// <remarks>The other <see cref="MidpointRounding"/> modes are <see cref="Round(Vector128{float})"/> (ToEven), <see cref="Truncate(Vector128{float})"/> (ToZero), <see cref="Floor(Vector128{float})"/> (ToNegativeInfinity) and <see cref="Ceiling(Vector128{float})"/> (ToPositiveInfinity).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> RoundAwayFromZero(Vector128<float> x) => RoundAwayFromZeroCore(x, Vector128.Abs(x), Vector128.Truncate(Vector128.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> RoundAwayFromZero(Vector256<float> x) => RoundAwayFromZeroCore(x, Vector256.Abs(x), Vector256.Truncate(Vector256.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> RoundAwayFromZero(Vector512<float> x) => RoundAwayFromZeroCore(x, Vector512.Abs(x), Vector512.Truncate(Vector512.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> RoundAwayFromZero(Vector<float> x) => RoundAwayFromZeroCore(x, Vector.Abs(x), Vector.Truncate(Vector.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> RoundAwayFromZero(Vector128<double> x) => RoundAwayFromZeroCore(x, Vector128.Abs(x), Vector128.Truncate(Vector128.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> RoundAwayFromZero(Vector256<double> x) => RoundAwayFromZeroCore(x, Vector256.Abs(x), Vector256.Truncate(Vector256.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> RoundAwayFromZero(Vector512<double> x) => RoundAwayFromZeroCore(x, Vector512.Abs(x), Vector512.Truncate(Vector512.Abs(x)));

    /// <inheritdoc cref="RoundAwayFromZero(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> RoundAwayFromZero(Vector<double> x) => RoundAwayFromZeroCore(x, Vector.Abs(x), Vector.Truncate(Vector.Abs(x)));

    /// <summary>The magnitude of each lane of <paramref name="x"/> with the sign bit of the same lane of <paramref name="y"/>: <c>Math.CopySign</c> bit for bit (the sign of a NaN <paramref name="y"/> is its sign bit).</summary>
    /// <param name="x">The magnitudes.</param>
    /// <param name="y">The signs.</param>
    /// <returns>The lanes with the copied signs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> CopySign(Vector128<float> x, Vector128<float> y) => Vector128.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> CopySign(Vector256<float> x, Vector256<float> y) => Vector256.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> CopySign(Vector512<float> x, Vector512<float> y) => Vector512.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> CopySign(Vector<float> x, Vector<float> y) => Vector.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> CopySign(Vector128<double> x, Vector128<double> y) => Vector128.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CopySign(Vector256<double> x, Vector256<double> y) => Vector256.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> CopySign(Vector512<double> x, Vector512<double> y) => Vector512.CopySign(x, y);

    /// <inheritdoc cref="CopySign(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> CopySign(Vector<double> x, Vector<double> y) => Vector.CopySign(x, y);

    /// <summary>The sign of each lane as a value of the lane type: −1, +0 (for ±0) or +1, what <c>Math.Sign</c> returns converted to the type.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The signs; NaN for a NaN lane, where the scalar <c>Math.Sign</c> throws <see cref="ArithmeticException"/> (a vector lane cannot throw).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sign(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.IsNaN(x), x, Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(0f)), Vector128.Create(1f), Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(0f)), Vector128.Create(-1f), Vector128.Create(0f))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sign(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.IsNaN(x), x, Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(0f)), Vector256.Create(1f), Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(0f)), Vector256.Create(-1f), Vector256.Create(0f))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sign(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.IsNaN(x), x, Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(0f)), Vector512.Create(1f), Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(0f)), Vector512.Create(-1f), Vector512.Create(0f))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sign(Vector<float> x) => Vector.ConditionalSelect(Vector.IsNaN(x), x, Vector.ConditionalSelect(Vector.GreaterThan<float>(x, Vector.Create(0f)), Vector.Create(1f), Vector.ConditionalSelect(Vector.LessThan<float>(x, Vector.Create(0f)), Vector.Create(-1f), Vector.Create(0f))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sign(Vector128<double> x) => Vector128.ConditionalSelect(Vector128.IsNaN(x), x, Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(0.0)), Vector128.Create(1.0), Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(0.0)), Vector128.Create(-1.0), Vector128.Create(0.0))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sign(Vector256<double> x) => Vector256.ConditionalSelect(Vector256.IsNaN(x), x, Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(0.0)), Vector256.Create(1.0), Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(0.0)), Vector256.Create(-1.0), Vector256.Create(0.0))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sign(Vector512<double> x) => Vector512.ConditionalSelect(Vector512.IsNaN(x), x, Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(0.0)), Vector512.Create(1.0), Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(0.0)), Vector512.Create(-1.0), Vector512.Create(0.0))));

    /// <inheritdoc cref="Sign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sign(Vector<double> x) => Vector.ConditionalSelect(Vector.IsNaN(x), x, Vector.ConditionalSelect(Vector.GreaterThan<double>(x, Vector.Create(0.0)), Vector.Create(1.0), Vector.ConditionalSelect(Vector.LessThan<double>(x, Vector.Create(0.0)), Vector.Create(-1.0), Vector.Create(0.0))));

    /// <summary>Where each lane is NaN, as a lane mask: all bits set where <c>double.IsNaN</c> is true, clear elsewhere.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> IsNaN(Vector128<float> x) => Vector128.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> IsNaN(Vector256<float> x) => Vector256.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> IsNaN(Vector512<float> x) => Vector512.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> IsNaN(Vector<float> x) => Vector.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> IsNaN(Vector128<double> x) => Vector128.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsNaN(Vector256<double> x) => Vector256.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsNaN(Vector512<double> x) => Vector512.IsNaN(x);

    /// <inheritdoc cref="IsNaN(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> IsNaN(Vector<double> x) => Vector.IsNaN(x);

    /// <summary>Where each lane is finite (not NaN, not ±∞), as a lane mask: all bits set where <c>double.IsFinite</c> is true.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> IsFinite(Vector128<float> x) => Vector128.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> IsFinite(Vector256<float> x) => Vector256.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> IsFinite(Vector512<float> x) => Vector512.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> IsFinite(Vector<float> x) => Vector.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> IsFinite(Vector128<double> x) => Vector128.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsFinite(Vector256<double> x) => Vector256.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsFinite(Vector512<double> x) => Vector512.IsFinite(x);

    /// <inheritdoc cref="IsFinite(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> IsFinite(Vector<double> x) => Vector.IsFinite(x);

    /// <summary>Where each lane is ±∞, as a lane mask: all bits set where <c>double.IsInfinity</c> is true.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> IsInfinity(Vector128<float> x) => Vector128.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> IsInfinity(Vector256<float> x) => Vector256.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> IsInfinity(Vector512<float> x) => Vector512.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> IsInfinity(Vector<float> x) => Vector.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> IsInfinity(Vector128<double> x) => Vector128.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsInfinity(Vector256<double> x) => Vector256.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsInfinity(Vector512<double> x) => Vector512.IsInfinity(x);

    /// <inheritdoc cref="IsInfinity(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> IsInfinity(Vector<double> x) => Vector.IsInfinity(x);

    /// <summary>Where each lane has its sign bit set (−0 and negative NaNs included), as a lane mask: all bits set where <c>double.IsNegative</c> is true.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The mask.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> IsNegative(Vector128<float> x) => Vector128.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> IsNegative(Vector256<float> x) => Vector256.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> IsNegative(Vector512<float> x) => Vector512.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> IsNegative(Vector<float> x) => Vector.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> IsNegative(Vector128<double> x) => Vector128.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsNegative(Vector256<double> x) => Vector256.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsNegative(Vector512<double> x) => Vector512.IsNegative(x);

    /// <inheritdoc cref="IsNegative(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> IsNegative(Vector<double> x) => Vector.IsNegative(x);

    // |x| − trunc|x| is exact (both have the same exponent or the fraction is zero), so the comparison with ½
    // is exact; trunc|x| + 1 is exact below 2²⁴ / 2⁵³, and above that the fraction is 0. The sign is put back
    // last so that −0.3 gives −0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> RoundAwayFromZeroCore(Vector128<float> x, Vector128<float> magnitude, Vector128<float> truncated)
        => Vector128.CopySign(truncated + Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(magnitude - truncated, Vector128.Create(0.5f)), Vector128.Create(1f), Vector128.Create(0f)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> RoundAwayFromZeroCore(Vector256<float> x, Vector256<float> magnitude, Vector256<float> truncated)
        => Vector256.CopySign(truncated + Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(magnitude - truncated, Vector256.Create(0.5f)), Vector256.Create(1f), Vector256.Create(0f)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> RoundAwayFromZeroCore(Vector512<float> x, Vector512<float> magnitude, Vector512<float> truncated)
        => Vector512.CopySign(truncated + Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(magnitude - truncated, Vector512.Create(0.5f)), Vector512.Create(1f), Vector512.Create(0f)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> RoundAwayFromZeroCore(Vector<float> x, Vector<float> magnitude, Vector<float> truncated)
        => Vector.CopySign(truncated + Vector.ConditionalSelect(Vector.GreaterThanOrEqual<float>(magnitude - truncated, Vector.Create(0.5f)), Vector.Create(1f), Vector.Create(0f)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> RoundAwayFromZeroCore(Vector128<double> x, Vector128<double> magnitude, Vector128<double> truncated)
        => Vector128.CopySign(truncated + Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(magnitude - truncated, Vector128.Create(0.5)), Vector128.Create(1.0), Vector128.Create(0.0)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> RoundAwayFromZeroCore(Vector256<double> x, Vector256<double> magnitude, Vector256<double> truncated)
        => Vector256.CopySign(truncated + Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(magnitude - truncated, Vector256.Create(0.5)), Vector256.Create(1.0), Vector256.Create(0.0)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> RoundAwayFromZeroCore(Vector512<double> x, Vector512<double> magnitude, Vector512<double> truncated)
        => Vector512.CopySign(truncated + Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(magnitude - truncated, Vector512.Create(0.5)), Vector512.Create(1.0), Vector512.Create(0.0)), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> RoundAwayFromZeroCore(Vector<double> x, Vector<double> magnitude, Vector<double> truncated)
        => Vector.CopySign(truncated + Vector.ConditionalSelect(Vector.GreaterThanOrEqual<double>(magnitude - truncated, Vector.Create(0.5)), Vector.Create(1.0), Vector.Create(0.0)), x);
}
