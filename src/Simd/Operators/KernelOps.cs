using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.Operators;

/// <summary>
/// Per-width forms of the <c>Math</c> functions that need more than one vector instruction or an ISA
/// choice; generated kernels call these so the generated code stays a plain translation.
/// </summary>
public static class KernelOps
{
    /// <summary><c>a * b + c</c> with one rounding (AVX-512 <c>vfmadd</c>), as <c>MathF.FusedMultiplyAdd</c> per lane.</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        => Width512<float>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding (AVX-512 <c>vfmadd</c>), as <c>Math.FusedMultiplyAdd</c> per lane.</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> FusedMultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c)
        => Width512<double>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding (FMA3 where present, an exact software fallback otherwise).</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
        => Width256<float>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding (FMA3 where present, an exact software fallback otherwise).</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FusedMultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c)
        => Width256<double>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding (FMA3 or AdvSIMD where present, an exact software fallback otherwise).</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        => Width128<float>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding (FMA3 or AdvSIMD where present, an exact software fallback otherwise).</summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> FusedMultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        => Width128<double>.FusedMultiplyAdd(a, b, c);

    /// <summary><c>a * b + c</c> with one rounding, per lane of <see cref="Vector{T}"/>.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> FusedMultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> => WidthVector<T>.FusedMultiplyAdd(a, b, c);

    /// <summary>
    /// <c>a * b + c</c>, the fast multiply-add: fused (one rounding) where the hardware has fused multiply-add,
    /// a multiply and an add (two roundings) where it does not — never the exact software fallback of
    /// <see cref="FusedMultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>, which costs many
    /// times the scalar loop. For loops that want speed and accept either rounding (a reduction of products, an
    /// axpy); a user's explicit <c>FusedMultiplyAdd</c> stays exact.
    /// </summary>
    /// <param name="a">Multiplicand.</param>
    /// <param name="b">Multiplier.</param>
    /// <param name="c">Addend.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Width512<float>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Width512<double>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Width256<float>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Width256<double>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Width128<float>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) => Width128<double>.MultiplyAdd(a, b, c);

    /// <inheritdoc cref="MultiplyAdd(Vector512{float}, Vector512{float}, Vector512{float})"/>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, IFloatingPointIeee754<T> => WidthVector<T>.MultiplyAdd(a, b, c);

    /// <summary>
    /// <c>Math.Clamp</c> per lane: <paramref name="min"/> where value &lt; min,
    /// <paramref name="max"/> where value &gt; max, else the value (NaN stays NaN, −0 stays −0). Unlike
    /// <c>Math.Clamp</c> it cannot throw when min &gt; max; the result is then max for values above max.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="value">The values.</param>
    /// <param name="min">Lower bound.</param>
    /// <param name="max">Upper bound.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Clamp<T>(Vector512<T> value, Vector512<T> min, Vector512<T> max)
        => Vector512.ConditionalSelect(Vector512.LessThan(value, min), min, Vector512.ConditionalSelect(Vector512.GreaterThan(value, max), max, value));

    /// <inheritdoc cref="Clamp{T}(Vector512{T}, Vector512{T}, Vector512{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Clamp<T>(Vector256<T> value, Vector256<T> min, Vector256<T> max)
        => Vector256.ConditionalSelect(Vector256.LessThan(value, min), min, Vector256.ConditionalSelect(Vector256.GreaterThan(value, max), max, value));

    /// <inheritdoc cref="Clamp{T}(Vector512{T}, Vector512{T}, Vector512{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Clamp<T>(Vector128<T> value, Vector128<T> min, Vector128<T> max)
        => Vector128.ConditionalSelect(Vector128.LessThan(value, min), min, Vector128.ConditionalSelect(Vector128.GreaterThan(value, max), max, value));

    /// <inheritdoc cref="Clamp{T}(Vector512{T}, Vector512{T}, Vector512{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Clamp<T>(Vector<T> value, Vector<T> min, Vector<T> max)
        => Vector.ConditionalSelect(Vector.LessThan<T>(value, min), min, Vector.ConditionalSelect(Vector.GreaterThan<T>(value, max), max, value));
}
