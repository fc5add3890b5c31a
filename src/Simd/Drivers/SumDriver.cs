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
/// passes through at most <c>k = ⌈n / (4L)⌉ + L + 3</c> roundings (the bound the tests check; the loop
/// order gives fewer), so
/// <c>|computed − Σ tᵢ| ≤ γ(k)·Σ|tᵢ|</c> with <c>γ(k) = k·u / (1 − k·u)</c> and <c>u</c> the unit roundoff, where
/// <c>tᵢ</c> are the exact values of the kernel's final expression.
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

        // The blocks start at element 0 whatever the address, so the order of the additions (and the result)
        // depends on the length alone: the same values give the same sum wherever they sit in memory.
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
