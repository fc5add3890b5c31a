using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Simd.Operators;

namespace Simd.Drivers.Widths;

/// <summary>The 128-bit width: <see cref="Vector128{T}"/>.</summary>
internal readonly struct Width128<T> : IVectorWidth<Vector128<T>, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => (nuint)Vector128<T>.Count;

    public static bool IsUsable => SimdHardware.Runs128;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.Step128(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct => kernel.Compute128(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Accumulate<TKernel>(ref TKernel kernel, Vector128<T> sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct => kernel.Accumulate128(sum, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref readonly T source, nuint index) => Vector128.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> left, Vector128<T> right) => left + right;


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Min(Vector128<T> left, Vector128<T> right) => Vector128.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Max(Vector128<T> left, Vector128<T> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepFrom(Vector128<T> value, nuint firstLane)
        => Vector128.ConditionalSelect(
            Vector128.GreaterThanOrEqual(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(firstLane))),
            value,
            Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepBelow(Vector128<T> value, nuint end)
        => Vector128.ConditionalSelect(
            Vector128.LessThan(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(end))),
            value,
            Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector128<T> value, int lane) => value.GetElement(lane);
}
