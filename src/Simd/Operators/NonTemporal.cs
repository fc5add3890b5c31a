using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

/// <summary>
/// Stores that bypass the caches (<c>vmovntps</c> and its kin on x86): what a generated kernel's <c>Stream</c> methods
/// use for an output too large to stay in cache, so that storing it neither reads its lines first nor evicts the
/// inputs. Called by generated code; <see cref="Drivers.MapDriver"/> decides when.
/// </summary>
/// <remarks>
/// The element at <c>index</c> must be aligned to the vector's size (else <see cref="ArgumentException"/>: on x86 an
/// unaligned non-temporal store faults) and its memory pinned for as long as the stores run. The driver pins the
/// destination and issues the store fence after its last one.
/// </remarks>
public static class NonTemporal
{
    /// <summary>Stores <paramref name="value"/> at element <paramref name="index"/> of <paramref name="destination"/>, which is 16-byte aligned there.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">The block to store.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="index">The element at which the block starts.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(Vector128<T> value, ref T destination, nuint index)
        where T : unmanaged
        => Vector128.StoreAlignedNonTemporal(value, Aligned(ref destination, index, 16));

    /// <summary>Stores <paramref name="value"/> at element <paramref name="index"/> of <paramref name="destination"/>, which is 32-byte aligned there.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">The block to store.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="index">The element at which the block starts.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(Vector256<T> value, ref T destination, nuint index)
        where T : unmanaged
        => Vector256.StoreAlignedNonTemporal(value, Aligned(ref destination, index, 32));

    /// <summary>Stores <paramref name="value"/> at element <paramref name="index"/> of <paramref name="destination"/>, which is 64-byte aligned there.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">The block to store.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="index">The element at which the block starts.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(Vector512<T> value, ref T destination, nuint index)
        where T : unmanaged
        => Vector512.StoreAlignedNonTemporal(value, Aligned(ref destination, index, 64));

    /// <summary>
    /// The address of the element, checked: an unaligned non-temporal store would fault and end the process, so a
    /// misaligned call throws instead (one predictable branch per block; the driver never makes one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe T* Aligned<T>(ref T destination, nuint index, nuint bytes)
        where T : unmanaged
    {
        T* element = (T*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index));
        if (((nuint)element & (bytes - 1)) != 0)
        {
            ThrowMisaligned(bytes);
        }

        return element;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMisaligned(nuint bytes)
        => throw new ArgumentException($"The destination element is not aligned to {bytes} bytes: a non-temporal store of this width needs that alignment (and pinned memory).", "destination");

    /// <summary>
    /// Stores <paramref name="value"/> at element <paramref name="index"/> of <paramref name="destination"/>, which is
    /// aligned there to the size of <see cref="Vector{T}"/> (through the fixed width of that size).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">The block to store.</param>
    /// <param name="destination">The first element of the destination.</param>
    /// <param name="index">The element at which the block starts.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector<T> value, ref T destination, nuint index)
        where T : unmanaged
    {
        // Vector<T>'s size is a JIT-time constant, so one branch remains.
        if (Vector<T>.Count * Unsafe.SizeOf<T>() == 64)
        {
            Store(value.AsVector512(), ref destination, index);
        }
        else if (Vector<T>.Count * Unsafe.SizeOf<T>() == 32)
        {
            Store(value.AsVector256(), ref destination, index);
        }
        else
        {
            Store(value.AsVector128(), ref destination, index);
        }
    }
}
