using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Learning.Kernels;

/// <summary>The 512-bit width: <see cref="Vector512{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LearningVector512<T> : ILearningVector<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref readonly T source, nuint index) => Vector512.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> left, Vector512<T> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> left, Vector512<T> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LessThan(Vector512<T> left, Vector512<T> right) => Vector512.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ConditionalSelect(Vector512<T> mask, Vector512<T> whereSet, Vector512<T> otherwise) => Vector512.ConditionalSelect(mask, whereSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> left, Vector512<T> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        // The BCL offers MultiplyAddEstimate for float and double only; the type test folds away at JIT time.
        if (typeof(T) == typeof(float))
        {
            return Vector512.As<float, T>(Vector512.MultiplyAddEstimate(Vector512.As<T, float>(a), Vector512.As<T, float>(b), Vector512.As<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector512.As<double, T>(Vector512.MultiplyAddEstimate(Vector512.As<T, double>(a), Vector512.As<T, double>(b), Vector512.As<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Blend(Vector512<T> low, Vector512<T> high, int firstLane)
        => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(firstLane))), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(Vector512<T> value)
    {
        Vector256<T> half = value.GetLower() + value.GetUpper();
        return half.GetLower() + half.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value)
    {
        // Halve the width twice, then the BCL's 128-bit sum: 8 instructions, mostly at 256 and 128 bits
        // (cheaper than 512-bit ones), where Vector512.Sum reduces each 128-bit quarter separately (~25 instructions).
        return Vector128.Sum(Fold128(value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Max(Vector512<T> left, Vector512<T> right) => Vector512.MaxNative(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(Vector512<T> value)
    {
        return LearningVector128<T>.MaxAcross(Fold128Max(value));
    }

    /// <summary>The lanewise maximum of the four 128-bit quarters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128Max(Vector512<T> value) => LearningVector256<T>.Fold128Max(Vector256.MaxNative(value.GetLower(), value.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp(Vector512<T> x)
    {
        // The type test folds away at JIT time; T is float or double (the learning layer checks it).
        if (typeof(T) == typeof(float))
        {
            return Vector512.As<float, T>(KernelMath.Exp(x.AsSingle()));
        }

        return Vector512.As<double, T>(KernelMath.Exp(x.AsDouble()));
    }
}
