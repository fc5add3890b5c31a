using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Simd.Widths;
using Simd.Operators;

namespace Simd.Drivers;

/// <summary>
/// The loops behind generated <c>{Name}Min</c> and <c>{Name}Max</c> overloads. Min and max are associative and
/// commutative under <see cref="Math.Min(double, double)"/> semantics (NaN wins, −0 &lt; +0), so the vector
/// result equals the scalar fold exactly, whatever the order.
/// </summary>
public static class ExtremumDriver
{
    /// <summary>The minimum of the kernel's values at indices 0 … <paramref name="length"/> − 1.</summary>
    /// <typeparam name="T"><see langword="float"/>, <see langword="double"/>, <see langword="int"/> or <see langword="long"/>: the kernel's element type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel.</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="length">How many elements; at least one.</param>
    /// <returns>The minimum, NaN if any value is NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static T Min<T, TKernel>(ref TKernel kernel, int length)
        where T : unmanaged, INumber<T>
        where TKernel : IValueKernel<T>, allows ref struct
        => Run<T, TKernel, Minimum<T>>(ref kernel, length);

    /// <summary>The maximum of the kernel's values at indices 0 … <paramref name="length"/> − 1.</summary>
    /// <typeparam name="T"><see langword="float"/>, <see langword="double"/>, <see langword="int"/> or <see langword="long"/>: the kernel's element type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel.</typeparam>
    /// <param name="kernel">The kernel.</param>
    /// <param name="length">How many elements; at least one.</param>
    /// <returns>The maximum, NaN if any value is NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static T Max<T, TKernel>(ref TKernel kernel, int length)
        where T : unmanaged, INumber<T>
        where TKernel : IValueKernel<T>, allows ref struct
        => Run<T, TKernel, Maximum<T>>(ref kernel, length);

    private static T Run<T, TKernel, TChoice>(ref TKernel kernel, int length)
        where T : unmanaged, INumber<T>
        where TKernel : IValueKernel<T>, allows ref struct
        where TChoice : IExtremum<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        nuint n = (nuint)length;
        switch (WidthChoice.For<T>(n))
        {
            case Width.VectorT:
                return Vectorized<T, Vector<T>, WidthVector<T>, TKernel, TChoice>(ref kernel, n);
            case Width.V512:
                return Vectorized<T, Vector512<T>, Width512<T>, TKernel, TChoice>(ref kernel, n);
            case Width.V256:
                return Vectorized<T, Vector256<T>, Width256<T>, TKernel, TChoice>(ref kernel, n);
            case Width.V128:
                return Vectorized<T, Vector128<T>, Width128<T>, TKernel, TChoice>(ref kernel, n);
        }

        T result = kernel.Compute(0);
        for (nuint i = 1; i < n; i++)
        {
            result = TChoice.Choose(result, kernel.Compute(i));
        }

        return result;
    }

    // Not inlined into Run: the JIT's inlining budget is per compiled method, and Run holds one of these loops per
    // width. Inlined there, the kernel bodies of the first widths used it up, so the width this machine runs could
    // get its kernel's function as an out-of-line call per vector (seen for the 512- and 256-bit double Exp map:
    // 15–20 % slower than a plain loop). Each width's loop is a method of its own, with a budget of its own.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Vectorized<T, TVector, TWidth, TKernel, TChoice>(ref TKernel source, nuint length)
        where T : unmanaged, INumber<T>
        where TWidth : IKernelWidth<TVector, T>
        where TKernel : IValueKernel<T>, allows ref struct
        where TChoice : IExtremum<T>
    {
        // A local copy lets the JIT keep the kernel's lane references in registers; through the by-ref
        // parameter it reloads them on every block, since a store could alias them.
        TKernel kernel = source;
        nuint count = TWidth.Count;

        // Seeding every accumulator with the first block is harmless (min and max are idempotent) and spares
        // an identity value, which for min over NaN-propagating semantics does not exist.
        TVector m0 = TWidth.Compute(ref kernel, 0);
        TVector m1 = m0, m2 = m0, m3 = m0;
        nuint i = count;
        while (i + (4 * count) <= length)
        {
            m0 = TChoice.Choose<TVector, TWidth>(m0, TWidth.Compute(ref kernel, i));
            m1 = TChoice.Choose<TVector, TWidth>(m1, TWidth.Compute(ref kernel, i + count));
            m2 = TChoice.Choose<TVector, TWidth>(m2, TWidth.Compute(ref kernel, i + (2 * count)));
            m3 = TChoice.Choose<TVector, TWidth>(m3, TWidth.Compute(ref kernel, i + (3 * count)));
            i += 4 * count;
        }

        while (i + count <= length)
        {
            m0 = TChoice.Choose<TVector, TWidth>(m0, TWidth.Compute(ref kernel, i));
            i += count;
        }

        TVector m = TChoice.Choose<TVector, TWidth>(TChoice.Choose<TVector, TWidth>(m0, m1), TChoice.Choose<TVector, TWidth>(m2, m3));
        T result = Extremum.Lanes<T, TVector, TWidth, TChoice>(TWidth.GetElement(m, 0), m);

        // Fewer than one vector remain: computed once each (a kernel may store side outputs).
        return NarrowerWidths.Fold<T, TVector, TWidth, TKernel, TChoice>(ref kernel, i, length, result);
    }
}
