using System.Numerics;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

/// <summary>
/// A kernel bound to its input lanes: computes the mapped value of the elements starting at an index, at
/// every width. Implemented by the <see langword="ref struct"/>s the Simd generator emits for each
/// <see cref="KernelAttribute"/> method; the drivers in <see cref="Drivers"/> own the loops that call it.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
/// <remarks>
/// The kernel holds references to its lanes and reads them itself, so one loop per shape serves every
/// arity (1–4 lanes, uniforms, a <see langword="ref"/> lane). Every method must be pure: the drivers compute
/// some blocks twice (an overlapping last vector) and before storing others, which is what makes exact
/// in-place aliasing safe.
/// </remarks>
public interface IMapKernel<T>
    where T : unmanaged
{
    /// <summary>
    /// The first element of the kernel's first lane: the drivers align their main loop on this stream
    /// (unaligned 512-bit loads split cache lines, which costs up to a third of the bandwidth of a large sum).
    /// </summary>
    ref readonly T FirstLane { get; }

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
