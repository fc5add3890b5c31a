using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Operators;
using Simd.Widths;

namespace Simd.Drivers;

/// <summary>
/// The ends of a range that a driver's main width does not cover (fewer elements than one of its vectors): taken
/// by the narrower widths in turn and then the scalar method, so every element is computed exactly once. That is
/// what lets a kernel store side outputs (<c>ref</c> and <c>out</c> lanes) from every block, and it keeps the order
/// of a sum a function of the length alone, never of where the data sits in memory.
/// </summary>
/// <remarks>
/// <c>TWidth</c> is the calling driver's main width; only narrower widths are used. Every width
/// test is a JIT-time constant, and each narrower loop runs at most once.
/// </remarks>
internal static class NarrowerWidths
{
    /// <summary>Steps the map kernel over <paramref name="start"/> … <paramref name="end"/> − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<T, TVector, TWidth, TKernel>(ref TKernel kernel, nuint start, nuint end)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        nuint i = start;
        if (TWidth.Count > Width256<T>.Count && Width256<T>.IsUsable)
        {
            for (; i + Width256<T>.Count <= end; i += Width256<T>.Count)
            {
                kernel.Step256(i);
            }
        }

        if (TWidth.Count > Width128<T>.Count && Width128<T>.IsUsable)
        {
            for (; i + Width128<T>.Count <= end; i += Width128<T>.Count)
            {
                kernel.Step128(i);
            }
        }

        for (; i < end; i++)
        {
            kernel.Step(i);
        }
    }

    /// <summary>The sum of the kernel's values over <paramref name="start"/> … <paramref name="end"/> − 1, in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum<T, TVector, TWidth, TKernel>(ref TKernel kernel, nuint start, nuint end)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        nuint i = start;
        T sum = T.Zero;
        if (TWidth.Count > Width256<T>.Count && Width256<T>.IsUsable && i + Width256<T>.Count <= end)
        {
            Vector256<T> block = Vector256<T>.Zero;
            for (; i + Width256<T>.Count <= end; i += Width256<T>.Count)
            {
                block = kernel.Accumulate256(block, i);
            }

            sum += Width256<T>.Sum(block);
        }

        if (TWidth.Count > Width128<T>.Count && Width128<T>.IsUsable && i + Width128<T>.Count <= end)
        {
            Vector128<T> block = Vector128<T>.Zero;
            for (; i + Width128<T>.Count <= end; i += Width128<T>.Count)
            {
                block = kernel.Accumulate128(block, i);
            }

            sum += Width128<T>.Sum(block);
        }

        for (; i < end; i++)
        {
            sum += kernel.Compute(i);
        }

        return sum;
    }

    /// <summary>
    /// <paramref name="seed"/> folded with the kernel's values over <paramref name="start"/> … <paramref name="end"/> − 1
    /// by <typeparamref name="TChoice"/> (min or max, which are exact in any order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Fold<T, TVector, TWidth, TKernel, TChoice>(ref TKernel kernel, nuint start, nuint end, T seed)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IValueKernel<T>, allows ref struct
        where TChoice : IExtremum<T>
    {
        nuint i = start;
        T result = seed;
        if (TWidth.Count > Width256<T>.Count && Width256<T>.IsUsable)
        {
            for (; i + Width256<T>.Count <= end; i += Width256<T>.Count)
            {
                result = Extremum.Lanes<T, Vector256<T>, Width256<T>, TChoice>(result, kernel.Compute256(i));
            }
        }

        if (TWidth.Count > Width128<T>.Count && Width128<T>.IsUsable)
        {
            for (; i + Width128<T>.Count <= end; i += Width128<T>.Count)
            {
                result = Extremum.Lanes<T, Vector128<T>, Width128<T>, TChoice>(result, kernel.Compute128(i));
            }
        }

        for (; i < end; i++)
        {
            result = TChoice.Choose(result, kernel.Compute(i));
        }

        return result;
    }
}
