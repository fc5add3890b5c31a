using System.Numerics;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

/// <summary>
/// A kernel that can add its values into a running sum. When the kernel's result is a product
/// (<c>a * b</c>, such as a dot-product term or a squared error), the generator fuses the final multiply
/// with the addition (one FMA, one rounding fewer than multiply-then-add); otherwise it adds. Like
/// <see cref="IValueKernel{T}.Compute128"/>, each call also stores the kernel's <c>ref</c> and <c>out</c> lanes.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public interface ISumKernel<T> : IValueKernel<T>
    where T : unmanaged
{
    /// <summary>
    /// Whether the kernel stores anything besides its value (<c>ref</c> or <c>out</c> lanes). A kernel without side outputs
    /// may have blocks computed more than once, which lets the driver read its first lane at vector boundaries (a
    /// constant, folded by the JIT).
    /// </summary>
    bool HasSideOutputs { get; }

    /// <summary>
    /// Whether every width computes the scalar method's bits (no <c>KernelMath</c> function with a vector form of its
    /// own): the same property as <see cref="IMapKernel{T}.IsExact"/>. A kernel that is not exact has a long body per
    /// block, and the sum takes it one block per iteration so that the JIT keeps that body inlined.
    /// </summary>
    bool IsExact { get; }

    /// <summary>The first element of the kernel's first input lane: the stream whose vector boundaries the sum loads at.</summary>
    ref readonly T FirstLane { get; }

    /// <summary><paramref name="sum"/> plus the 128-bit block of values at <paramref name="index"/>.</summary>
    Vector128<T> Accumulate128(Vector128<T> sum, nuint index);

    /// <summary><paramref name="sum"/> plus the 256-bit block of values at <paramref name="index"/>.</summary>
    Vector256<T> Accumulate256(Vector256<T> sum, nuint index);

    /// <summary><paramref name="sum"/> plus the 512-bit block of values at <paramref name="index"/>.</summary>
    Vector512<T> Accumulate512(Vector512<T> sum, nuint index);

    /// <summary><paramref name="sum"/> plus the <see cref="Vector{T}"/>-wide block of values at <paramref name="index"/>.</summary>
    Vector<T> AccumulateVector(Vector<T> sum, nuint index);
}
