using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Widths;

namespace Simd.Drivers;

/// <summary>Min or max as the reductions fold them: <see cref="System.Math.Min(double, double)"/> semantics (NaN wins, −0 &lt; +0).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IExtremum<T>
    where T : unmanaged, INumber<T>
{
    /// <summary>The chosen one of two values.</summary>
    static abstract T Choose(T left, T right);

    /// <summary>The chosen value of each lane.</summary>
    static abstract TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T>;}

/// <summary>Folds of vectors by an <see cref="IExtremum{T}"/>.</summary>
internal static class Extremum
{
    /// <summary><paramref name="seed"/> folded with every lane of <paramref name="value"/>, lane 0 first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lanes<T, TVector, TWidth, TChoice>(T seed, TVector value)
        where T : unmanaged, INumber<T>
        where TWidth : IVectorWidth<TVector, T>
        where TChoice : IExtremum<T>
    {
        T result = seed;
        for (int lane = 0; lane < (int)TWidth.Count; lane++)
        {
            result = TChoice.Choose(result, TWidth.GetElement(value, lane));
        }

        return result;
    }
}

/// <summary>The minimum.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Minimum<T> : IExtremum<T>
    where T : unmanaged, INumber<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Choose(T left, T right) => T.Min(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T> => TWidth.Min(left, right);
}

/// <summary>The maximum.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Maximum<T> : IExtremum<T>
    where T : unmanaged, INumber<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Choose(T left, T right) => T.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Choose<TVector, TWidth>(TVector left, TVector right)
        where TWidth : IVectorWidth<TVector, T> => TWidth.Max(left, right);
}
