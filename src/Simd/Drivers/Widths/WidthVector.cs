using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Operators;

namespace Simd.Drivers.Widths;

/// <summary>The <see cref="Vector{T}"/> width, whatever the process made it (128, 256 or 512 bits).</summary>
internal readonly struct WidthVector<T> : IVectorWidth<Vector<T>, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => (nuint)Vector<T>.Count;

    public static bool IsUsable => Vector.IsHardwareAccelerated;

    public static Vector<T> Zero => Vector<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.StepVector(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct => kernel.ComputeVector(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Accumulate<TKernel>(ref TKernel kernel, Vector<T> sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct => kernel.AccumulateVector(sum, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Load(ref readonly T source, nuint index) => Vector.LoadUnsafe(in source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Add(Vector<T> left, Vector<T> right) => left + right;


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Min(Vector<T> left, Vector<T> right) => Vector.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Max(Vector<T> left, Vector<T> right) => Vector.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> KeepFrom(Vector<T> value, nuint firstLane)
        => Vector.ConditionalSelect(
            Vector.GreaterThanOrEqual(Vector<T>.Indices, new Vector<T>(T.CreateTruncating(firstLane))),
            value,
            Vector<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector<T> value) => Vector.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> KeepBelow(Vector<T> value, nuint end)
        => Vector.ConditionalSelect(
            Vector.LessThan(Vector<T>.Indices, new Vector<T>(T.CreateTruncating(end))),
            value,
            Vector<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector<T> value, int lane) => value[lane];
}
