using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Simd.Widths;
using Simd.Operators;

namespace Simd.Drivers;

/// <summary>
/// The one loop that runs a kernel over every element and stores its outputs: behind every generated map overload,
/// whatever the kernel's arity and however many outputs it has (a destination, <c>ref</c> lanes, <c>out</c> lanes).
/// </summary>
public static class MapDriver
{
    /// <summary>
    /// The destination size from which a streamable kernel's blocks are stored past the caches: 1 MiB, or never on
    /// processors whose non-temporal stores measured slower than cached ones at every size
    /// (<see cref="Hardware.StreamingStores"/>). Settable for the tests of the streamed loop, which run it at 1 MiB on
    /// every processor, in a collection of their own; nothing else changes it.
    /// </summary>
    internal static int StreamingBytes { get; set; } = Hardware.StreamingStores.DefaultThresholdBytes;

    /// <summary>
    /// Steps <paramref name="kernel"/> over indices 0 … <paramref name="length"/> − 1, on the widest path
    /// <see cref="Hardware.SimdHardware.Path"/> allows; each element is computed exactly once. The caller has validated
    /// lengths and aliasing: an output may be exactly one of the kernel's inputs (in place), never a shifted view of one,
    /// and no two outputs share memory.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/>, <see langword="double"/>, <see langword="int"/> or <see langword="long"/>: the kernel's element type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel, bound to its lanes and outputs.</typeparam>
    /// <param name="kernel">The kernel; its lanes and outputs hold at least <paramref name="length"/> elements.</param>
    /// <param name="length">The number of elements.</param>
    public static void Run<T, TKernel>(ref TKernel kernel, int length)
        where T : unmanaged, INumber<T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        nuint n = (nuint)length;

        // Decided here rather than in the width's loop, whose inlining budget its kernel body needs.
        bool streamed = n * (nuint)Unsafe.SizeOf<T>() >= (nuint)StreamingBytes && kernel.IsStreamable;
        switch (WidthChoice.For<T>(n))
        {
            case Width.VectorT when streamed:
                Streamed<T, Vector<T>, WidthVector<T>, TKernel>(ref kernel, n);
                break;
            case Width.VectorT:
                Vectorized<T, Vector<T>, WidthVector<T>, TKernel>(ref kernel, n);
                break;
            case Width.V512 when streamed:
                Streamed<T, Vector512<T>, Width512<T>, TKernel>(ref kernel, n);
                break;
            case Width.V512:
                Vectorized<T, Vector512<T>, Width512<T>, TKernel>(ref kernel, n);
                break;
            case Width.V256 when streamed:
                Streamed<T, Vector256<T>, Width256<T>, TKernel>(ref kernel, n);
                break;
            case Width.V256:
                Vectorized<T, Vector256<T>, Width256<T>, TKernel>(ref kernel, n);
                break;
            case Width.V128 when streamed:
                Streamed<T, Vector128<T>, Width128<T>, TKernel>(ref kernel, n);
                break;
            case Width.V128:
                Vectorized<T, Vector128<T>, Width128<T>, TKernel>(ref kernel, n);
                break;
            default:
                for (nuint i = 0; i < n; i++)
                {
                    kernel.Step(i);
                }

                break;
        }
    }

    /// <summary>The vector loop for <paramref name="length"/> ≥ one vector.</summary>
    // Not inlined into Run: the JIT's inlining budget is per compiled method, and Run holds one of these loops per
    // width. Inlined there, the kernel bodies of the first widths used it up, so the width this machine runs could
    // get its kernel's function as an out-of-line call per vector (seen for the 512- and 256-bit double Exp map:
    // 15–20 % slower than a plain loop). Each width's loop is a method of its own, with a budget of its own.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Vectorized<T, TVector, TWidth, TKernel>(ref TKernel source, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        // A local copy lets the JIT keep the kernel's references in registers; through the by-ref parameter it
        // reloads them on every block, since a store could alias them.
        TKernel kernel = source;
        nuint count = TWidth.Count;
        nuint i = 0;

        // Which width computes an element must not change its value, or the same inputs would give different bits at
        // different addresses: so the main loop starts at element 0 unless every width gives the scalar method's bits
        // (no Exp, Log or Tanh, whose vector forms may differ in the last place). Then it starts where the first output
        // is vector-aligned, since on this hardware unaligned stores that split cache lines cost more than unaligned
        // loads; the elements before that boundary go through the narrower widths, each computed once.
        if (kernel.IsExact && length >= 2 * count)
        {
            nuint address = (nuint)Unsafe.AsPointer(ref Unsafe.AsRef(in kernel.FirstOutput));
            nuint offset = address & ((count * (nuint)sizeof(T)) - 1);
            if (offset != 0 && offset % (nuint)sizeof(T) == 0)
            {
                i = count - (offset / (nuint)sizeof(T));
                NarrowerWidths.Map<T, TVector, TWidth, TKernel>(ref kernel, 0, i);
            }
        }

        if (!kernel.IsExact)
        {
            // A kernel that calls a KernelMath function has a long body per block. The JIT inlines only so much into
            // one method: four copies of that body (and those of the narrower widths for the ends) exceed it, and the
            // steps beyond become calls that reload every constant of the function. One block per iteration keeps its
            // one copy inlined, with the constants in registers (the blocks' work is long enough for the processor
            // to overlap consecutive iterations); the ends run in a method of their own. Two blocks per iteration do
            // stay inlined, but measured slower on Zen 5: the float Exp, Log and Tanh maps took 6–73 % longer at 4K and 1M.
            while (i + count <= length)
            {
                TWidth.Step(ref kernel, i);
                i += count;
            }

            if (i < length)
            {
                Ends<T, TVector, TWidth, TKernel>(ref kernel, i, length);
            }

            return;
        }

        // Four blocks per iteration: independent computations that keep both vector ports busy while the loads of the
        // next block are in flight.
        while (i + (4 * count) <= length)
        {
            TWidth.Step(ref kernel, i);
            TWidth.Step(ref kernel, i + count);
            TWidth.Step(ref kernel, i + (2 * count));
            TWidth.Step(ref kernel, i + (3 * count));
            i += 4 * count;
        }

        while (i + count <= length)
        {
            TWidth.Step(ref kernel, i);
            i += count;
        }

        NarrowerWidths.Map<T, TVector, TWidth, TKernel>(ref kernel, i, length);
    }

    /// <summary>
    /// The loop for a large destination that no input lane is: blocks stored past the caches from the first aligned
    /// element of the destination. Every element below the last whole block's end is computed by this width and the
    /// rest by the narrower widths, as in the other loops, so the bits never depend on where the destination lies: the
    /// elements before the aligned start come from one unaligned block at 0, and those between the last aligned block
    /// and that end from one unaligned block ending there; the aligned loop computes a few of them again, from inputs
    /// no store has touched.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void Streamed<T, TVector, TWidth, TKernel>(ref TKernel kernel, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IMapKernel<T>, allows ref struct
    {
        nuint count = TWidth.Count;
        nuint whole = length - (length % count);

        // Pinned: an unaligned non-temporal store faults, and a collection that moved the destination could misalign it.
        fixed (T* destination = &Unsafe.AsRef(in kernel.FirstOutput))
        {
            nuint offset = (nuint)destination & ((count * (nuint)sizeof(T)) - 1);
            if (offset % (nuint)sizeof(T) != 0)
            {
                // An element-misaligned destination (a span cast from bytes) can have no aligned block: the ordinary
                // loop, which gives every element the width the streamed one would.
                Vectorized<T, TVector, TWidth, TKernel>(ref kernel, length);
                return;
            }

            nuint i = offset == 0 ? 0 : count - (offset / (nuint)sizeof(T));
            if (i != 0)
            {
                TWidth.Step(ref kernel, 0);
            }

            if (kernel.IsExact)
            {
                // A short body: four blocks per iteration, as in the other loop (one for a long body, whose one
                // inlined copy keeps its constants in registers).
                for (; i + (4 * count) <= whole; i += 4 * count)
                {
                    TWidth.Stream(ref kernel, i);
                    TWidth.Stream(ref kernel, i + count);
                    TWidth.Stream(ref kernel, i + (2 * count));
                    TWidth.Stream(ref kernel, i + (3 * count));
                }
            }

            for (; i + count <= whole; i += count)
            {
                TWidth.Stream(ref kernel, i);
            }

            if (i < whole)
            {
                TWidth.Step(ref kernel, whole - count);
            }

            // Non-temporal stores are weakly ordered: fence them before anything that hands the output on.
            if (Sse.IsSupported)
            {
                Sse.StoreFence();
            }
        }

        if (whole < length)
        {
            Ends<T, TVector, TWidth, TKernel>(ref kernel, whole, length);
        }
    }

    /// <summary>The ends of a kernel with a long body, out of line so their copies of the body stay out of the main loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Ends<T, TVector, TWidth, TKernel>(ref TKernel kernel, nuint start, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IMapKernel<T>, allows ref struct
        => NarrowerWidths.Map<T, TVector, TWidth, TKernel>(ref kernel, start, length);
}
