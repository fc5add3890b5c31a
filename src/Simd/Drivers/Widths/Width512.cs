using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.Operators;

namespace Simd.Drivers.Widths;

/// <summary>The 512-bit width: <see cref="Vector512{T}"/>.</summary>
internal readonly struct Width512<T> : IVectorWidth<Vector512<T>, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => (nuint)Vector512<T>.Count;

    public static bool IsUsable => SimdHardware.Runs512;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.Step512(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct => kernel.Compute512(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Accumulate<TKernel>(ref TKernel kernel, Vector512<T> sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct => kernel.Accumulate512(sum, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref readonly T source, nuint index) => Vector512.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> left, Vector512<T> right) => left + right;


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Min(Vector512<T> left, Vector512<T> right) => Vector512.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Max(Vector512<T> left, Vector512<T> right) => Vector512.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> KeepFrom(Vector512<T> value, nuint firstLane)
        => Vector512.ConditionalSelect(
            Vector512.GreaterThanOrEqual(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(firstLane))),
            value,
            Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value)
    {
        // Fold halves first: two vector adds, then one 128-bit horizontal sum (Vector512.Sum reduces each
        // 128-bit quarter on its own and costs about twice as many shuffles).
        Vector256<T> half = value.GetLower() + value.GetUpper();
        return Vector128.Sum(half.GetLower() + half.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> KeepBelow(Vector512<T> value, nuint end)
        => Vector512.ConditionalSelect(
            Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(end))),
            value,
            Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector512<T> value, int lane) => value.GetElement(lane);
}
