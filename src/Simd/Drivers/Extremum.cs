using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Drivers.Widths;

namespace Simd.Drivers;

/// <summary>Min or max as the reductions fold them: <see cref="System.Math.Min(double, double)"/> semantics (NaN wins, −0 &lt; +0).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IExtremum<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The chosen one of two values.</summary>
    static abstract T Choose(T left, T right);

    /// <summary>The chosen value of each lane.</summary>
    static abstract TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T>;

    /// <summary><paramref name="seed"/> folded with every lane of <paramref name="value"/>.</summary>
    static abstract T Lanes<TVector, TWidth>(T seed, TVector value)
        where TWidth : IVectorWidth<TVector, T>;
}

/// <summary>The minimum.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Minimum<T> : IExtremum<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Choose(T left, T right) => T.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T> => TWidth.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lanes<TVector, TWidth>(T seed, TVector value)
        where TWidth : IVectorWidth<TVector, T>
    {
        T result = seed;
        for (int lane = 0; lane < (int)TWidth.Count; lane++)
        {
            result = T.Min(result, TWidth.GetElement(value, lane));
        }

        return result;
    }
}

/// <summary>The maximum.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Maximum<T> : IExtremum<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Choose(T left, T right) => T.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T> => TWidth.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lanes<TVector, TWidth>(T seed, TVector value)
        where TWidth : IVectorWidth<TVector, T>
    {
        T result = seed;
        for (int lane = 0; lane < (int)TWidth.Count; lane++)
        {
            result = T.Max(result, TWidth.GetElement(value, lane));
        }

        return result;
    }
}
