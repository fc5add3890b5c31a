using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Learning.Kernels;

/// <summary>The 256-bit width: <see cref="Vector256{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LearningVector256<T> : ILearningVector<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref readonly T source, nuint index) => Vector256.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> left, Vector256<T> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> left, Vector256<T> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LessThan(Vector256<T> left, Vector256<T> right) => Vector256.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ConditionalSelect(Vector256<T> mask, Vector256<T> whereSet, Vector256<T> otherwise) => Vector256.ConditionalSelect(mask, whereSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> left, Vector256<T> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        // The BCL offers MultiplyAddEstimate for float and double only; the type test folds away at JIT time.
        if (typeof(T) == typeof(float))
        {
            return Vector256.As<float, T>(Vector256.MultiplyAddEstimate(Vector256.As<T, float>(a), Vector256.As<T, float>(b), Vector256.As<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector256.As<double, T>(Vector256.MultiplyAddEstimate(Vector256.As<T, double>(a), Vector256.As<T, double>(b), Vector256.As<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Blend(Vector256<T> low, Vector256<T> high, int firstLane)
        => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(firstLane))), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(Vector256<T> value) => value.GetLower() + value.GetUpper();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector128.Sum(value.GetLower() + value.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Max(Vector256<T> left, Vector256<T> right) => Vector256.MaxNative(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(Vector256<T> value)
    {
        return LearningVector128<T>.MaxAcross(Fold128Max(value));
    }

    /// <summary>The lanewise maximum of the two 128-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128Max(Vector256<T> value) => Vector128.MaxNative(value.GetLower(), value.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp(Vector256<T> x)
    {
        // The type test folds away at JIT time; T is float or double (the learning layer checks it).
        if (typeof(T) == typeof(float))
        {
            return Vector256.As<float, T>(KernelMath.Exp(x.AsSingle()));
        }

        return Vector256.As<double, T>(KernelMath.Exp(x.AsDouble()));
    }
}
