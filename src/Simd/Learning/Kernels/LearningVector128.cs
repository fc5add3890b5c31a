using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Learning.Kernels;

/// <summary>The 128-bit width: <see cref="Vector128{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LearningVector128<T> : ILearningVector<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref readonly T source, nuint index) => Vector128.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> left, Vector128<T> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> left, Vector128<T> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LessThan(Vector128<T> left, Vector128<T> right) => Vector128.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ConditionalSelect(Vector128<T> mask, Vector128<T> whereSet, Vector128<T> otherwise) => Vector128.ConditionalSelect(mask, whereSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> left, Vector128<T> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        // The BCL offers MultiplyAddEstimate for float and double only; the type test folds away at JIT time.
        if (typeof(T) == typeof(float))
        {
            return Vector128.As<float, T>(Vector128.MultiplyAddEstimate(Vector128.As<T, float>(a), Vector128.As<T, float>(b), Vector128.As<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector128.As<double, T>(Vector128.MultiplyAddEstimate(Vector128.As<T, double>(a), Vector128.As<T, double>(b), Vector128.As<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Blend(Vector128<T> low, Vector128<T> high, int firstLane)
        => Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(firstLane))), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(Vector128<T> value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Max(Vector128<T> left, Vector128<T> right) => Vector128.MaxNative(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(Vector128<T> value)
    {
        T max = value.GetElement(0);
        for (int lane = 1; lane < Vector128<T>.Count; lane++)
        {
            max = T.Max(max, value.GetElement(lane));
        }

        return max;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp(Vector128<T> x)
    {
        // The type test folds away at JIT time; T is float or double (the learning layer checks it).
        if (typeof(T) == typeof(float))
        {
            return Vector128.As<float, T>(KernelMath.Exp(x.AsSingle()));
        }

        return Vector128.As<double, T>(KernelMath.Exp(x.AsDouble()));
    }
}
