using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.Operators;

namespace Simd.Drivers.Widths;

/// <summary>The 256-bit width: <see cref="Vector256{T}"/>.</summary>
internal readonly struct Width256<T> : IVectorWidth<Vector256<T>, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => (nuint)Vector256<T>.Count;

    public static bool IsUsable => SimdHardware.Runs256;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.Step256(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct => kernel.Compute256(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Accumulate<TKernel>(ref TKernel kernel, Vector256<T> sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct => kernel.Accumulate256(sum, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref readonly T source, nuint index) => Vector256.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> left, Vector256<T> right) => left + right;


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Min(Vector256<T> left, Vector256<T> right) => Vector256.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Max(Vector256<T> left, Vector256<T> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> KeepFrom(Vector256<T> value, nuint firstLane)
        => Vector256.ConditionalSelect(
            Vector256.GreaterThanOrEqual(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(firstLane))),
            value,
            Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector128.Sum(value.GetLower() + value.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> KeepBelow(Vector256<T> value, nuint end)
        => Vector256.ConditionalSelect(
            Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(end))),
            value,
            Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector256<T> value, int lane) => value.GetElement(lane);
}
