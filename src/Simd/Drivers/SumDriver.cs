using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Drivers.Widths;
using Simd.Operators;

namespace Simd.Drivers;

/// <summary>
/// The one loop that sums a kernel's values without storing them: behind every generated <c>{Name}Sum</c>
/// overload and the Blas dot products.
/// </summary>
/// <remarks>
/// Error bound (docs/authoring-kernels.md): with <c>L</c> lanes per vector and 4 accumulators, each element
/// passes through at most <c>k = ⌈n / (4L)⌉ + log2(4L) + 1</c> roundings, so
/// <c>|computed − Σ tᵢ| ≤ γ(k)·Σ|tᵢ|</c> with <c>γ(k) = k·u / (1 − k·u)</c> and <c>u</c> the unit roundoff, where
/// <c>tᵢ</c> are the exact values of the kernel's final expression. The order of the additions depends only on
/// the vector path and the length, not on the lanes' addresses, so equal values give bit-identical sums wherever
/// they are stored.
/// </remarks>
public static class SumDriver
{
    /// <summary>The sum of the kernel's values at indices 0 … <paramref name="length"/> − 1; 0 when empty.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <typeparam name="TKernel">The generated kernel, bound to lanes at least <paramref name="length"/> long.</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="length">How many elements to sum.</param>
    /// <returns>The sum, re-associated within the bound stated on <see cref="SumDriver"/>.</returns>
    public static T Run<T, TKernel>(ref TKernel kernel, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Vectorized<T, TVector, TWidth, TKernel>(ref TKernel source, nuint length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        where TKernel : ISumKernel<T>, allows ref struct
    {
        // A local copy lets the JIT keep the kernel's lane references in registers; through the by-ref
        // parameter it reloads them on every block, since a store could alias them.
        TKernel kernel = source;
        nuint count = TWidth.Count;

        TVector s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        nuint i = 0;

        // The accumulator layout is fixed from element 0 — element e goes to accumulator (e / L) mod 4, lane
        // e mod L, until the loops below change over at points set by the length alone — so the order of the
        // additions depends on the path and the length, never on where the values sit in memory: the same
        // values give the same sum at any address. (Starting the loop at the first vector boundary instead
        // would save split loads but shift the layout with the address.)
        //
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

        if (i < length)
        {
            // The last block overlaps what was summed already; drop the lanes counted before.
            TVector tail = TWidth.Compute(ref kernel, length - count);
            s1 = TWidth.Add(s1, TWidth.KeepFrom(tail, count - (length - i)));
        }

        return TWidth.Sum(TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3)));
    }
}
