using System.Numerics;

namespace Simd.Operators;

/// <summary>
/// A kernel bound to its lanes and outputs: computes the elements of one block starting at an index and stores
/// every output of the kernel there (its <c>ref</c> and <c>out</c> lanes and, for a kernel that returns a value,
/// the destination), at every width. Implemented by the <see langword="ref struct"/>s the Simd generator emits for
/// each <see cref="KernelAttribute"/> method; <see cref="Drivers.MapDriver"/> owns the loop that calls it.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
/// <remarks>
/// The kernel holds references to its lanes and outputs and reads and writes them itself, so one loop serves
/// every arity and every number of outputs. A block reads all its inputs before it stores anything, and the driver
/// steps over every element exactly once, which is what makes exact aliasing of an output with an input safe
/// (an update in place, or a destination that is one of the lanes).
/// </remarks>
public interface IMapKernel<T>
    where T : unmanaged
{
    /// <summary>
    /// Whether every vector form gives the scalar method's bits (the kernel calls no function whose vector form may differ
    /// in the last place, such as <c>Exp</c>): then which width computes an element cannot change a result, and the driver
    /// may start its main loop where the first output is vector-aligned. A constant, folded by the JIT.
    /// </summary>
    bool IsExact { get; }

    /// <summary>
    /// The first element of the kernel's first output, on which the driver aligns its main loop when
    /// <see cref="IsExact"/> (unaligned 512-bit stores that split cache lines cost more than unaligned loads).
    /// </summary>
    ref readonly T FirstOutput { get; }

    /// <summary>
    /// Whether the kernel's only output is the value it returns (no <c>ref</c> or <c>out</c> lanes) and no input lane is
    /// that destination (not in place): then the driver may compute a block twice, and store the value with the
    /// <c>Stream</c> methods. Read once per call (it compares the destination with each lane).
    /// </summary>
    bool IsStreamable { get; }

    /// <summary>Computes element <paramref name="index"/> with the scalar method itself and stores its outputs.</summary>
    void Step(nuint index);

    /// <summary>Computes and stores the 128-bit block at <paramref name="index"/>.</summary>
    void Step128(nuint index);

    /// <summary>Computes and stores the 256-bit block at <paramref name="index"/>.</summary>
    void Step256(nuint index);

    /// <summary>Computes and stores the 512-bit block at <paramref name="index"/>.</summary>
    void Step512(nuint index);

    /// <summary>Computes and stores the <see cref="Vector{T}"/>-wide block at <paramref name="index"/>.</summary>
    void StepVector(nuint index);

    /// <summary>
    /// Computes the 128-bit block at <paramref name="index"/> and stores it past the caches
    /// (<see cref="NonTemporal"/>); the destination there is aligned to 16 bytes and pinned. Only called when
    /// <see cref="IsStreamable"/>.
    /// </summary>
    void Stream128(nuint index);

    /// <summary>As <see cref="Stream128"/>, for the 256-bit block (destination aligned to 32 bytes).</summary>
    void Stream256(nuint index);

    /// <summary>As <see cref="Stream128"/>, for the 512-bit block (destination aligned to 64 bytes).</summary>
    void Stream512(nuint index);

    /// <summary>As <see cref="Stream128"/>, for the <see cref="Vector{T}"/>-wide block (destination aligned to its size).</summary>
    void StreamVector(nuint index);
}
