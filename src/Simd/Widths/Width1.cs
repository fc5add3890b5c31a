using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Widths;

/// <summary>
/// One lane: the scalar path of the loops written over <see cref="IVectorWidth{TVector, T}"/> (GEMM, GEMV, LoRA),
/// where <typeparamref name="T"/> itself is the vector. Masks are lanes with all bits set or clear, as in the vector
/// widths.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Width1<T> : IVectorWidth<T, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => 1;

    public static bool IsUsable => true;

    public static T Zero => T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(ref readonly T source, nuint index) => Unsafe.Add(ref Unsafe.AsRef(in source), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, ref T destination, nuint index) => Unsafe.Add(ref destination, index) = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe T Load(T* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(T value, T* destination) => *destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T left, T right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Subtract(T left, T right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Multiply(T left, T right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd(T a, T b, T c)
    {
        if (typeof(T) == typeof(float))
        {
            return Unsafe.BitCast<float, T>(float.MultiplyAddEstimate(Unsafe.BitCast<T, float>(a), Unsafe.BitCast<T, float>(b), Unsafe.BitCast<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Unsafe.BitCast<double, T>(double.MultiplyAddEstimate(Unsafe.BitCast<T, double>(a), Unsafe.BitCast<T, double>(b), Unsafe.BitCast<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FusedMultiplyAdd(T a, T b, T c)
    {
        if (typeof(T) == typeof(float))
        {
            return Unsafe.BitCast<float, T>(float.FusedMultiplyAdd(Unsafe.BitCast<T, float>(a), Unsafe.BitCast<T, float>(b), Unsafe.BitCast<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Unsafe.BitCast<double, T>(double.FusedMultiplyAdd(Unsafe.BitCast<T, double>(a), Unsafe.BitCast<T, double>(b), Unsafe.BitCast<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min(T left, T right) => T.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max(T left, T right) => T.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxNative(T left, T right) => left > right ? left : right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LessThan(T left, T right) => left < right ? Vector128<T>.AllBitsSet.ToScalar() : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ConditionalSelect(T mask, T whereSet, T otherwise)
        => Vector128.ConditionalSelect(Vector128.CreateScalarUnsafe(mask), Vector128.CreateScalarUnsafe(whereSet), Vector128.CreateScalarUnsafe(otherwise)).ToScalar();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Blend(T low, T high, int firstLane) => firstLane <= 0 ? high : low;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(T value) => Vector128.CreateScalar(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(T value, int lane) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp(T x)
        => typeof(T) == typeof(float) ? Unsafe.BitCast<float, T>(MathF.Exp(Unsafe.BitCast<T, float>(x))) : Unsafe.BitCast<double, T>(Math.Exp(Unsafe.BitCast<T, double>(x)));
}
