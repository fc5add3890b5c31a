using System.Numerics;
using Simd.Operators;

namespace Simd.Widths;

/// <summary>
/// A vector width that can also call a generated kernel's block at that width: what the drivers loop over. The
/// one-lane <see cref="Width1{T}"/> is not one (the drivers call a kernel's scalar method directly).
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IKernelWidth<TVector, T> : IVectorWidth<TVector, T>
    where T : unmanaged, INumber<T>
{
    /// <summary>Computes and stores the kernel's block at <paramref name="index"/>.</summary>
    static abstract void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct;

    /// <summary>
    /// Computes the kernel's block at <paramref name="index"/> and stores it past the caches; the destination there is
    /// aligned to the width and pinned.
    /// </summary>
    static abstract void Stream<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct;

    /// <summary>The kernel's values of the block at <paramref name="index"/> (its side outputs are stored).</summary>
    static abstract TVector Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct;

    /// <summary><paramref name="sum"/> plus the kernel's values of the block at <paramref name="index"/>.</summary>
    static abstract TVector Accumulate<TKernel>(ref TKernel kernel, TVector sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct;
}
