using System.Numerics;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

/// <summary>
/// A kernel that returns a value, bound to its lanes, as the reductions see it: computes the values of the block
/// starting at an index and returns them, storing the kernel's other outputs (its <c>ref</c> and <c>out</c> lanes)
/// on the way. Implemented by the <see langword="ref struct"/>s the Simd generator emits;
/// <see cref="Drivers.ExtremumDriver"/> and <see cref="Drivers.SumDriver"/> call it.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
/// <remarks>
/// Because a call may store side outputs, the drivers compute every element exactly once: no block is computed
/// twice and no overlapping last block is used.
/// </remarks>
public interface IValueKernel<T>
    where T : unmanaged
{
    /// <summary>The value at <paramref name="index"/>, computed by the scalar method itself.</summary>
    T Compute(nuint index);

    /// <summary>The values at <paramref name="index"/> … <paramref name="index"/> + 3 (float) or + 1 (double).</summary>
    Vector128<T> Compute128(nuint index);

    /// <summary>The values of the 256-bit block starting at <paramref name="index"/>.</summary>
    Vector256<T> Compute256(nuint index);

    /// <summary>The values of the 512-bit block starting at <paramref name="index"/>.</summary>
    Vector512<T> Compute512(nuint index);

    /// <summary>The values of the <see cref="Vector{T}"/>-wide block starting at <paramref name="index"/>.</summary>
    Vector<T> ComputeVector(nuint index);
}
