using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Learning.Kernels;

/// <summary>The width of <see cref="Vector{T}"/> (256 bits by default, 512 with <c>DOTNET_MaxVectorTBitWidth=512</c>).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LearningVectorT<T> : ILearningVector<Vector<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector<T>.Count;

    public static Vector<T> Zero => Vector<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Load(ref readonly T source, nuint index) => Vector.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Broadcast(T value) => Vector.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Add(Vector<T> left, Vector<T> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Subtract(Vector<T> left, Vector<T> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> LessThan(Vector<T> left, Vector<T> right) => Vector.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> ConditionalSelect(Vector<T> mask, Vector<T> whereSet, Vector<T> otherwise) => Vector.ConditionalSelect(mask, whereSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Multiply(Vector<T> left, Vector<T> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        // The BCL offers MultiplyAddEstimate for float and double only; the type test folds away at JIT time.
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(Vector.MultiplyAddEstimate(Vector.As<T, float>(a), Vector.As<T, float>(b), Vector.As<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.As<double, T>(Vector.MultiplyAddEstimate(Vector.As<T, double>(a), Vector.As<T, double>(b), Vector.As<T, double>(c)));
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Blend(Vector<T> low, Vector<T> high, int firstLane)
        => Vector.ConditionalSelect(Vector.GreaterThanOrEqual(Vector<T>.Indices, Vector.Create(T.CreateTruncating(firstLane))), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(Vector<T> value)
    {
        if (Vector<T>.Count * Unsafe.SizeOf<T>() == 64)
        {
            return LearningVector512<T>.Fold128(value.AsVector512());
        }

        if (Vector<T>.Count * Unsafe.SizeOf<T>() == 32)
        {
            return LearningVector256<T>.Fold128(value.AsVector256());
        }

        return value.AsVector128();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector<T> value)
    {
        // Fold to 128 bits first, as the fixed widths do (Vector.Sum reduces each 128-bit quarter separately).
        return Vector128.Sum(Fold128(value));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Max(Vector<T> left, Vector<T> right) => Vector.MaxNative(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(Vector<T> value)
    {
        Vector128<T> folded = (Vector<T>.Count * Unsafe.SizeOf<T>()) switch
        {
            64 => LearningVector512<T>.Fold128Max(value.AsVector512()),
            32 => LearningVector256<T>.Fold128Max(value.AsVector256()),
            _ => value.AsVector128(),
        };
        return LearningVector128<T>.MaxAcross(folded);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Exp(Vector<T> x)
    {
        // The type test folds away at JIT time; T is float or double (the learning layer checks it).
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(KernelMath.Exp(Vector.AsVectorSingle(x)));
        }

        return Vector.As<double, T>(KernelMath.Exp(Vector.AsVectorDouble(x)));
    }
}
