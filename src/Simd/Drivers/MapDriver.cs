using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Simd.Drivers.Widths;
using Simd.Operators;

namespace Simd.Drivers;

/// <summary>
/// The one loop that writes a kernel's values into a destination: used by every generated map overload and
/// every <see langword="ref"/>-lane update, whatever the kernel's arity.
/// </summary>
public static class MapDriver
{
    /// <summary>
    /// Writes <c>kernel</c>'s value for every index into <paramref name="destination"/>, on the widest path
    /// <see cref="Hardware.SimdHardware.Path"/> allows. The caller has validated lengths and aliasing: the destination
    /// may be exactly one of the kernel's inputs (in-place), never a shifted view of one.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <typeparam name="TKernel">The generated kernel, bound to its lanes.</typeparam>
    /// <param name="kernel">The kernel; its lanes are at least as long as <paramref name="destination"/>.</param>
    /// <param name="destination">Where the values go; its length is the number of elements computed.</param>
    public static void Run<T, TKernel>(ref TKernel kernel, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        nuint length = (nuint)destination.Length;
        ref T target = ref MemoryMarshal.GetReference(destination);
        switch (WidthChoice.For<T>(length))
        {
            case Width.VectorT:
                Vectorized<T, Vector<T>, WidthVector<T>, TKernel>(ref kernel, ref target, length);
                break;
            case Width.V512:
                Vectorized<T, Vector512<T>, Width512<T>, TKernel>(ref kernel, ref target, length);
                break;
            case Width.V256:
                Vectorized<T, Vector256<T>, Width256<T>, TKernel>(ref kernel, ref target, length);
                break;
            case Width.V128:
                Vectorized<T, Vector128<T>, Width128<T>, TKernel>(ref kernel, ref target, length);
                break;
            default:
                for (nuint i = 0; i < length; i++)
                {
                    Unsafe.Add(ref target, i) = kernel.Compute(i);
                }

                break;
        }
    }

    /// <summary>The vector loop for <paramref name="length"/> ≥ one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Vectorized<T, TVector, TWidth, TKernel>(ref TKernel source, ref T destination, nuint length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        // A local copy lets the JIT keep the kernel's lane references in registers; through the by-ref
        // parameter it reloads them on every block, since a store could alias them.
        TKernel kernel = source;
        nuint count = TWidth.Count;

        // Both ends are computed before anything is stored and written last: the first and the overlapping
        // last block cover any length without a scalar tail, and with exact in-place aliasing they must not
        // read elements the loop has already overwritten.
        TVector first = TWidth.Compute(ref kernel, 0);
        TVector last = TWidth.Compute(ref kernel, length - count);

        fixed (T* pinned = &destination)
        {
            // Start the loop where the destination is vector-aligned: on this hardware unaligned stores that
            // split cache lines cost more than unaligned loads, so the stream we write is the one we align.
            nuint bytes = count * (nuint)sizeof(T);
            nuint offset = (nuint)pinned & (bytes - 1);
            nuint i = offset % (nuint)sizeof(T) == 0 && offset != 0 ? count - (offset / (nuint)sizeof(T)) : count;

            // Four blocks per iteration: independent computations that keep both vector ports busy while the
            // loads of the next block are in flight.
            while (i + (4 * count) <= length)
            {
                TVector v0 = TWidth.Compute(ref kernel, i);
                TVector v1 = TWidth.Compute(ref kernel, i + count);
                TVector v2 = TWidth.Compute(ref kernel, i + (2 * count));
                TVector v3 = TWidth.Compute(ref kernel, i + (3 * count));
                TWidth.Store(v0, ref destination, i);
                TWidth.Store(v1, ref destination, i + count);
                TWidth.Store(v2, ref destination, i + (2 * count));
                TWidth.Store(v3, ref destination, i + (3 * count));
                i += 4 * count;
            }

            while (i + count <= length)
            {
                TWidth.Store(TWidth.Compute(ref kernel, i), ref destination, i);
                i += count;
            }
        }

        TWidth.Store(last, ref destination, length - count);
        TWidth.Store(first, ref destination, 0);
    }
}
