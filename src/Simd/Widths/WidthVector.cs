using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;

namespace Simd.Widths;

/// <summary>
/// The <see cref="Vector{T}"/> width, whatever the process made it (128 or 256 bits, 512 with
/// <c>DOTNET_MaxVectorTBitWidth=512</c> where AVX-512 exists). The wide operations go through the fixed width of the
/// same size, so <c>Vector&lt;T&gt;</c> folds and sums in the same order as that width.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct WidthVector<T> : IKernelWidth<Vector<T>, T>
    where T : unmanaged, INumber<T>
{
    public static nuint Count => (nuint)Vector<T>.Count;

    public static bool IsUsable => Vector.IsHardwareAccelerated;

    public static Vector<T> Zero => Vector<T>.Zero;

    private static int Bytes => Vector<T>.Count * Unsafe.SizeOf<T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.StepVector(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Stream<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct => kernel.StreamVector(index);

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
    public static unsafe Vector<T> Load(T* source) => Vector.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(Vector<T> value, T* destination) => Vector.Store(value, destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Broadcast(T value) => Vector.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Add(Vector<T> left, Vector<T> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Subtract(Vector<T> left, Vector<T> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Multiply(Vector<T> left, Vector<T> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        // The type tests fold away at JIT time; integers have no fused form, and wrap the same either way.
        if (typeof(T) == typeof(float))
        {
            return Vector.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> FusedMultiplyAdd(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }

        return (a * b) + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Min(Vector<T> left, Vector<T> right) => Vector.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Max(Vector<T> left, Vector<T> right) => Vector.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MaxNative(Vector<T> left, Vector<T> right) => Vector.MaxNative(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> LessThan(Vector<T> left, Vector<T> right) => Vector.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> ConditionalSelect(Vector<T> mask, Vector<T> whereSet, Vector<T> otherwise) => Vector.ConditionalSelect(mask, whereSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Blend(Vector<T> low, Vector<T> high, int firstLane)
        => Vector.ConditionalSelect(Vector.GreaterThanOrEqual(Vector<T>.Indices, Vector.Create(T.CreateTruncating(firstLane))), high, low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fold128(Vector<T> value) => Bytes switch
    {
        64 => Width512<T>.Fold128(value.AsVector512()),
        32 => Width256<T>.Fold128(value.AsVector256()),
        _ => value.AsVector128(),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector<T> value) => Vector128.Sum(Fold128(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxAcross(Vector<T> value) => Bytes switch
    {
        64 => Width512<T>.MaxAcross(value.AsVector512()),
        32 => Width256<T>.MaxAcross(value.AsVector256()),
        _ => Width128<T>.MaxAcross(value.AsVector128()),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector<T> value, int lane) => value[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Exp(Vector<T> x)
        => typeof(T) == typeof(float)
            ? KernelMath.Exp(x.As<T, float>()).As<float, T>()
            : KernelMath.Exp(x.As<T, double>()).As<double, T>();
}
