using System.Numerics;
using System.Runtime.Intrinsics;

namespace Simd.Widths;

/// <summary>
/// One vector width seen through static members: the single vector layer that the drivers, the fused learning
/// loops, GEMM, GEMV and LoRA are written over, so that each loop is written once and the JIT specialises it per
/// width. The implementations are one-line forwards, all inlined: <see cref="Width128{T}"/>, <see cref="Width256{T}"/>,
/// <see cref="Width512{T}"/>, <see cref="WidthVector{T}"/> and the one-lane <see cref="Width1{T}"/>.
/// </summary>
/// <remarks>
/// Two multiply-adds with different promises, named so a caller says which it needs:
/// <see cref="MultiplyAdd"/> is the fast one (fused where the hardware has FMA, a multiply and an add otherwise; never
/// emulated) for every loop the library owns; <see cref="FusedMultiplyAdd"/> rounds exactly once on every machine
/// (emulated in software without FMA, many times slower) and serves only a user's explicit <c>FusedMultiplyAdd</c>.
/// </remarks>
/// <typeparam name="TVector">The vector type: <c>Vector128&lt;T&gt;</c>, <c>Vector256&lt;T&gt;</c>, <c>Vector512&lt;T&gt;</c>, <c>Vector&lt;T&gt;</c> or <typeparamref name="T"/> itself.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IVectorWidth<TVector, T>
    where T : unmanaged, INumber<T>
{
    /// <summary>Elements per vector.</summary>
    static abstract nuint Count { get; }

    /// <summary>
    /// Whether this width may run in this process (a JIT-time constant): on hardware, or in software under a forced
    /// path (<see cref="Hardware.SimdHardware.IsForced"/>).
    /// </summary>
    static abstract bool IsUsable { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref readonly T source, nuint index);

    static abstract void Store(TVector value, ref T destination, nuint index);

    static abstract unsafe TVector Load(T* source);

    static abstract unsafe void Store(TVector value, T* destination);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary><c>a · b + c</c>: fused where the hardware has FMA, two roundings otherwise (never emulated in software).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary><c>a · b + c</c> with exactly one rounding on every machine (emulated in software where there is no FMA).</summary>
    static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>The smaller of each pair of lanes, as <c>T.Min</c> (NaN and −0 handled as the scalar method does).</summary>
    static abstract TVector Min(TVector left, TVector right);

    /// <summary>The larger of each pair of lanes, as <c>T.Max</c>.</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>The larger of each pair of lanes by the native instruction: NaN lanes are not propagated reliably, so callers screen for them.</summary>
    static abstract TVector MaxNative(TVector left, TVector right);

    /// <summary>All bits set in the lanes where <paramref name="left"/> &lt; <paramref name="right"/>, none elsewhere.</summary>
    static abstract TVector LessThan(TVector left, TVector right);

    /// <summary>The lanes of <paramref name="whereSet"/> where <paramref name="mask"/> is set, of <paramref name="otherwise"/> elsewhere.</summary>
    static abstract TVector ConditionalSelect(TVector mask, TVector whereSet, TVector otherwise);

    /// <summary>
    /// Lanes at or above <paramref name="firstLane"/> from <paramref name="high"/>, the others from <paramref name="low"/>
    /// (with a zero vector for one of them: the lanes from or below an index).
    /// </summary>
    static abstract TVector Blend(TVector low, TVector high, int firstLane);

    /// <summary>Adds the 128-bit pieces of <paramref name="value"/> together, halving the width at each step.</summary>
    static abstract Vector128<T> Fold128(TVector value);

    /// <summary>The sum of the lanes: halving the width down to 128 bits, then the 128-bit sum (a fixed order).</summary>
    static abstract T Sum(TVector value);

    /// <summary>The largest lane (callers pass vectors without NaN lanes).</summary>
    static abstract T MaxAcross(TVector value);

    /// <summary>Lane <paramref name="lane"/> of <paramref name="value"/>.</summary>
    static abstract T GetElement(TVector value, int lane);

    /// <summary>eˣ per lane from <see cref="Operators.KernelMath"/> (float or double lanes only).</summary>
    static abstract TVector Exp(TVector x);
}
