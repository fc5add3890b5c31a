using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;
using Simd.Operators;

namespace Simd.Drivers;

/// <summary>
/// The one loop that sums a kernel's values without storing them: behind every generated <c>{Name}Sum</c>
/// overload and the Blas dot products.
/// </summary>
/// <remarks>
/// Error bound (docs/authoring-kernels.md): with <c>L</c> lanes per vector and 4 accumulators, each element
/// passes through at most <c>k = ⌈n / (4L)⌉ + L + 3</c> roundings (the bound the tests check; both loops below give
/// fewer), so
/// <c>|computed − Σ tᵢ| ≤ γ(k)·Σ|tᵢ|</c> with <c>γ(k) = k·u / (1 − k·u)</c> and <c>u</c> the unit roundoff, where
/// <c>tᵢ</c> are the exact values of the kernel's final expression. The order of the additions depends only on
/// the vector path and the length, not on the lanes' addresses, so equal values give bit-identical sums wherever
/// they are stored.
/// </remarks>
public static class SumDriver
{
    /// <summary>The sum of the kernel's values at indices 0 … <paramref name="length"/> − 1; 0 when empty.</summary>
    /// <typeparam name="T"><see langword="float"/>, <see langword="double"/>, <see langword="int"/> or <see langword="long"/>: the kernel's element type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel, bound to lanes at least <paramref name="length"/> long.</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="length">How many elements to sum.</param>
    /// <returns>The sum, re-associated within the bound stated on <see cref="SumDriver"/>.</returns>
    public static T Run<T, TKernel>(ref TKernel kernel, int length)
        where T : unmanaged, INumber<T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        nuint n = (nuint)length;
        switch (WidthChoice.For<T>(n))
        {
            case Width.VectorT:
                return Vectorized<T, Vector<T>, WidthVector<T>, TKernel>(ref kernel, n);
            case Width.V512:
                return Vectorized<T, Vector512<T>, Width512<T>, TKernel>(ref kernel, n);
            case Width.V256:
                return Vectorized<T, Vector256<T>, Width256<T>, TKernel>(ref kernel, n);
            case Width.V128:
                return Vectorized<T, Vector128<T>, Width128<T>, TKernel>(ref kernel, n);
        }

        T sum = T.Zero;
        for (nuint i = 0; i < n; i++)
        {
            sum += kernel.Compute(i);
        }

        return sum;
    }

    /// <summary>
    /// The vector sum for <paramref name="length"/> ≥ one vector. A kernel without side outputs takes the loop below,
    /// which may compute a block twice (a masked overlapping last block, a peeled first one); a kernel that stores
    /// <c>ref</c>/<c>out</c> lanes takes <see cref="EachElementOnce"/>. Each order depends on the length alone.
    /// </summary>
    // Not inlined into Run: the JIT's inlining budget is per compiled method, and Run holds one of these loops per
    // width. Inlined there, the kernel bodies of the first widths used it up, so the width this machine runs could
    // get its kernel's function as an out-of-line call per vector (seen for the 512- and 256-bit double Exp map:
    // 15–20 % slower than a plain loop). Each width's loop is a method of its own, with a budget of its own.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe T Vectorized<T, TVector, TWidth, TKernel>(ref TKernel source, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        if (source.HasSideOutputs)
        {
            return EachElementOnce<T, TVector, TWidth, TKernel>(ref source, length);
        }

        nuint count = TWidth.Count;

        // The order of the additions is fixed by the length alone (docs/authoring-kernels.md): element e goes to
        // accumulator ⌊e / L⌋ mod 4, lane e mod L, for every whole block of L elements, in increasing e; the last
        // n mod L elements are added to accumulator 1 at the end. Loading at the first lane's vector boundary saves
        // split loads, but shifts every element to another lane; AlignedFromElementZero undoes the shift exactly, so
        // both loops give the same bits for the same values at any address. (The address is read through the
        // parameter: taking it from the local copy below would keep that copy in memory.)
        // Only exact kernels: the aligned loop's four blocks per iteration, peeled block and ends hold a dozen copies of
        // the body, more than the JIT inlines for a kernel that calls a KernelMath function (whose blocks then became
        // calls); for such a body the split loads it saves are a small part of a block's work anyway.
        nuint offset = (nuint)Unsafe.AsPointer(ref Unsafe.AsRef(in source.FirstLane)) & ((count * (nuint)sizeof(T)) - 1);
        if (source.IsExact && offset != 0 && offset % (nuint)sizeof(T) == 0 && length >= AlignedMinimumBlocks * count)
        {
            return AlignedFromElementZero<T, TVector, TWidth, TKernel>(ref source, length, count - (offset / (nuint)sizeof(T)));
        }

        // A local copy lets the JIT keep the kernel's lane references in registers; through the by-ref
        // parameter it reloads them on every block, since a store could alias them.
        TKernel kernel = source;

        nuint full = length / count * count;
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        nuint i = 0;

        if (!kernel.IsExact)
        {
            // A kernel that calls a KernelMath function: one block per iteration (four copies of its body would
            // exceed what the JIT inlines into one method, and the copies beyond would become calls, as in the map
            // driver), each still into accumulator b mod 4 for block b, so the sum is the same to the bit. The
            // accumulators rotate: at block b, s0 is accumulator b mod 4.
            nuint blocks = full / count;
            for (nuint b = 0; b < blocks; b++)
            {
                TVector next = TWidth.Accumulate(ref kernel, s0, b * count);
                s0 = s1;
                s1 = s2;
                s2 = s3;
                s3 = next;
            }

            // After B blocks s0 is accumulator B mod 4: turn them back (one Finish, whose tail holds another copy of the body).
            (s0, s1, s2, s3) = (blocks & 3) switch
            {
                1 => (s3, s0, s1, s2),
                2 => (s2, s3, s0, s1),
                3 => (s1, s2, s3, s0),
                _ => (s0, s1, s2, s3),
            };
            return Finish<T, TVector, TWidth, TKernel>(ref kernel, length, full, s0, s1, s2, s3);
        }

        // Four independent accumulators: an add or FMA has ~4 cycles of latency, and with two loads per
        // term the loads allow about one vector FMA per cycle, so four chains in flight keep the FMA unit
        // fed; one accumulator was measured 1.35x slower on 1K floats.
        while (i + (4 * count) <= full)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            s1 = TWidth.Accumulate(ref kernel, s1, i + count);
            s2 = TWidth.Accumulate(ref kernel, s2, i + (2 * count));
            s3 = TWidth.Accumulate(ref kernel, s3, i + (3 * count));
            i += 4 * count;
        }

        // Up to three whole blocks left: each to its own accumulator (block b to accumulator b mod 4).
        if (i + count <= full)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            i += count;
            if (i + count <= full)
            {
                s1 = TWidth.Accumulate(ref kernel, s1, i);
                i += count;
                if (i + count <= full)
                {
                    s2 = TWidth.Accumulate(ref kernel, s2, i);
                }
            }
        }

        return Finish<T, TVector, TWidth, TKernel>(ref kernel, length, full, s0, s1, s2, s3);
    }

    /// <summary>
    /// The fewest whole blocks for which the aligned loop is used. Undoing the shift moves the accumulators through
    /// memory (a fixed cost per call: stores reloaded at other offsets cannot be forwarded), which the split loads
    /// it saves repay only on longer inputs; below, the plain loop runs (the result is the same either way).
    /// </summary>
    private const int AlignedMinimumBlocks = 128;

    /// <summary>
    /// The same sum as the plain loop, reading the first lane at its vector boundaries. With <paramref name="peel"/>
    /// = p elements before the first boundary, lane j of the block loaded at element p + tL holds element
    /// p + tL + j: element lane (p + j) mod L of element block t + [j ≥ L − p]. So accumulator c, lane j of this
    /// loop collects exactly what accumulator (c + [j ≥ L − p]) mod 4, lane (p + j) mod L collects in the plain
    /// loop, in the same order; the first p elements are the first terms of accumulator 3's top lanes, and after
    /// the loop the lanes are rotated back and the last whole block completed in its own lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T AlignedFromElementZero<T, TVector, TWidth, TKernel>(ref TKernel source, nuint length, nuint peel)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        TKernel kernel = source;
        nuint count = TWidth.Count;
        nuint full = length / count * count;
        FiveVectors<TVector> scratch = default;
        ref T buffer = ref Unsafe.As<FiveVectors<TVector>, T>(ref scratch);

        // Elements 0 … p − 1 into lanes L − p … L − 1 of accumulator 3 (as its first terms: 0 + t is t, and the
        // plain loop's first term of a lane is 0 + t or fma(a, b, 0), the same rounded product).
        TWidth.Store(TWidth.Zero, ref buffer, 0);
        TWidth.Store(TWidth.Blend(TWidth.Compute(ref kernel, 0), TWidth.Zero, (int)peel), ref buffer, count);
        TVector s3 = TWidth.Add(TWidth.Zero, TWidth.Load(in buffer, peel));
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero;

        // Blocks at p + tL for t = 0 … B − 2 (B = n / L whole element blocks): all inside element blocks 0 … B − 1.
        nuint i = peel;
        nuint end = full - count + peel;
        while (i + (4 * count) <= end)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            s1 = TWidth.Accumulate(ref kernel, s1, i + count);
            s2 = TWidth.Accumulate(ref kernel, s2, i + (2 * count));
            s3 = TWidth.Accumulate(ref kernel, s3, i + (3 * count));
            i += 4 * count;
        }

        int next = 0;
        if (i + count <= end)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            i += count;
            next = 1;
            if (i + count <= end)
            {
                s1 = TWidth.Accumulate(ref kernel, s1, i);
                i += count;
                next = 2;
                if (i + count <= end)
                {
                    s2 = TWidth.Accumulate(ref kernel, s2, i);
                    next = 3;
                }
            }
        }

        // Back to the plain loop's lanes: its accumulator k, lane l is this loop's accumulator k, lane l − p for
        // l ≥ p, and accumulator k − 1, lane l − p + L for l < p: a window of p lanes into [s(k−1) | s(k)].
        TWidth.Store(s3, ref buffer, 0);
        TWidth.Store(s0, ref buffer, count);
        TWidth.Store(s1, ref buffer, 2 * count);
        TWidth.Store(s2, ref buffer, 3 * count);
        TWidth.Store(s3, ref buffer, 4 * count);
        TVector e0 = TWidth.Load(in buffer, count - peel);
        TVector e1 = TWidth.Load(in buffer, (2 * count) - peel);
        TVector e2 = TWidth.Load(in buffer, (3 * count) - peel);
        TVector e3 = TWidth.Load(in buffer, (4 * count) - peel);

        // Element block B − 1 has lanes 0 … p − 1 summed already; its lanes p … L − 1 are its last block, added at
        // its own accumulator ((B − 1) mod 4 = next) with the fused accumulate, the other lanes kept as they are.
        nuint last = full - count;
        switch (next)
        {
            case 0:
                e0 = TWidth.Blend(e0, TWidth.Accumulate(ref kernel, e0, last), (int)peel);
                break;
            case 1:
                e1 = TWidth.Blend(e1, TWidth.Accumulate(ref kernel, e1, last), (int)peel);
                break;
            case 2:
                e2 = TWidth.Blend(e2, TWidth.Accumulate(ref kernel, e2, last), (int)peel);
                break;
            default:
                e3 = TWidth.Blend(e3, TWidth.Accumulate(ref kernel, e3, last), (int)peel);
                break;
        }

        return Finish<T, TVector, TWidth, TKernel>(ref kernel, length, full, e0, e1, e2, e3);
    }

    /// <summary>Adds the last n mod L elements to accumulator 1 and reduces: (s0 + s1) + (s2 + s3), then its lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Finish<T, TVector, TWidth, TKernel>(ref TKernel kernel, nuint length, nuint full, TVector s0, TVector s1, TVector s2, TVector s3)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        nuint count = TWidth.Count;
        if (full < length)
        {
            // The block ending at the last element overlaps whole blocks already summed; keep only its last n − full lanes.
            TVector tail = TWidth.Compute(ref kernel, length - count);
            s1 = TWidth.Add(s1, TWidth.Blend(TWidth.Zero, tail, (int)(count - (length - full))));
        }

        return TWidth.Sum(TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3)));
    }

    /// <summary>Five vectors of scratch on the stack, to move lanes between accumulators through memory.</summary>
    [InlineArray(5)]
    private struct FiveVectors<TVector>
    {
        private TVector _element;
    }

    // Not inlined into Vectorized, for the same reason as Vectorized is not inlined into Run: its call is the first in
    // Vectorized, so the JIT inlined it (four copies of the kernel's body) before it could fold the HasSideOutputs test
    // that makes it dead code for most kernels, which used up Vectorized's inlining budget: the IsExact test and every
    // block of the loop that followed were left as calls (the double LogLossTermSum of the logistic step ran at 2.3 ns
    // per element, its Exp and Log alone at about 1).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T EachElementOnce<T, TVector, TWidth, TKernel>(ref TKernel source, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        // A local copy lets the JIT keep the kernel's lane references in registers; through the by-ref
        // parameter it reloads them on every block, since a store could alias them.
        TKernel kernel = source;
        nuint count = TWidth.Count;

        // A kernel with side outputs: every element computed exactly once, from element 0, so the order of the
        // additions (and the result) depends on the length alone.
        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        nuint i = 0;

        // Four independent accumulators: an add or FMA has ~4 cycles of latency, and with two loads per
        // term the loads allow about one vector FMA per cycle, so four chains in flight keep the FMA unit
        // fed; one accumulator was measured 1.35x slower on 1K floats.
        while (i + (4 * count) <= length)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            s1 = TWidth.Accumulate(ref kernel, s1, i + count);
            s2 = TWidth.Accumulate(ref kernel, s2, i + (2 * count));
            s3 = TWidth.Accumulate(ref kernel, s3, i + (3 * count));
            i += 4 * count;
        }

        while (i + count <= length)
        {
            s0 = TWidth.Accumulate(ref kernel, s0, i);
            i += count;
        }

        // Fewer than one vector remain: the narrower widths and the scalar method take them, each element once
        // (a kernel may store side outputs, so no block may be computed twice).
        T sum = TWidth.Sum(TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3)));
        return sum + NarrowerWidths.Sum<T, TVector, TWidth, TKernel>(ref kernel, i, length);
    }
}
