using System.Numerics;
using System.Runtime.Intrinsics;

namespace Simd.Learning.Kernels;

/// <summary>
/// One vector width seen through static members, so the fused learning loops are written once and the JIT
/// specialises them per width. The implementations are one-line forwards, all inlined.
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">The element type, <see langword="float"/> or <see langword="double"/>.</typeparam>
internal interface ILearningVector<TVector, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref readonly T source, nuint index);

    static abstract void Store(TVector value, ref T destination, nuint index);

    static abstract TVector Broadcast(T value);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>All bits set in the lanes where <paramref name="left"/> &lt; <paramref name="right"/>, none elsewhere.</summary>
    static abstract TVector LessThan(TVector left, TVector right);

    /// <summary>The lanes of <paramref name="whereSet"/> where <paramref name="mask"/> is set, of <paramref name="otherwise"/> elsewhere.</summary>
    static abstract TVector ConditionalSelect(TVector mask, TVector whereSet, TVector otherwise);

    /// <summary><c>a · b + c</c>, fused where the hardware has FMA, two roundings otherwise (never emulated in software).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>Lanes at or above <paramref name="firstLane"/> from <paramref name="high"/>, the others from <paramref name="low"/>.</summary>
    static abstract TVector Blend(TVector low, TVector high, int firstLane);

    /// <summary>Adds the 128-bit pieces of <paramref name="value"/> together, halving the width at each step.</summary>
    static abstract Vector128<T> Fold128(TVector value);

    /// <summary>The sum of the lanes, halving the width at each step (a fixed order).</summary>
    static abstract T Sum(TVector value);

    /// <summary>The larger of each pair of lanes (the native instruction: NaN lanes are not propagated reliably, so callers screen for them).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>The largest lane (callers pass vectors without NaN lanes).</summary>
    static abstract T MaxAcross(TVector value);

    /// <summary>eˣ per lane from <see cref="Operators.KernelMath"/> (within 1 ulp, computed in the element type).</summary>
    static abstract TVector Exp(TVector x);
}
