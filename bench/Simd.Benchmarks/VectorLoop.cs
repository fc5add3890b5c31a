using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Simd.Benchmarks;

/// <summary>A vector function at the 512-, 256- and 128-bit widths, for <see cref="VectorLoop"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
public interface IVectorFunction<T>
{
    /// <summary>The 512-bit form.</summary>
    /// <param name="x">The lanes.</param>
    /// <returns>The function of each lane.</returns>
    static abstract Vector512<T> Apply(Vector512<T> x);

    /// <summary>The 256-bit form.</summary>
    /// <param name="x">The lanes.</param>
    /// <returns>The function of each lane.</returns>
    static abstract Vector256<T> Apply(Vector256<T> x);

    /// <summary>The 128-bit form.</summary>
    /// <param name="x">The lanes.</param>
    /// <returns>The function of each lane.</returns>
    static abstract Vector128<T> Apply(Vector128<T> x);
}

/// <summary>
/// The plain loop a user writes around a vector function, on the machine's widest accelerated width (512, 256 or
/// 128 bits; 128 where nothing wider is accelerated, so a 128-bit path does not run 256-bit vectors in software): how the BCL's <c>Vector512.Exp</c> and <c>KernelMath</c>'s functions not yet
/// reachable from a kernel body are measured. Lengths are multiples of the vector width.
/// </summary>
public static class VectorLoop
{
    /// <summary>destination[i] = F(x[i]).</summary>
    /// <typeparam name="TFunction">The function.</typeparam>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as the inputs.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<TFunction, T>(ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IVectorFunction<T>
    {
        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(destination);
        if (Vector512.IsHardwareAccelerated)
        {
            for (int i = 0; i < x.Length; i += Vector512<T>.Count)
            {
                TFunction.Apply(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (int i = 0; i < x.Length; i += Vector256<T>.Count)
            {
                TFunction.Apply(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < x.Length; i += Vector128<T>.Count)
            {
                TFunction.Apply(Vector128.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
            }
        }
    }
}
