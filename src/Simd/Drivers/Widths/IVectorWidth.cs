using System.Numerics;
using Simd.Operators;

namespace Simd.Drivers.Widths;

/// <summary>
/// One vector width seen through static members, so that each loop over memory is written once and the
/// JIT specialises it per width (the implementations are one-line forwards, all inlined).
/// </summary>
/// <typeparam name="TVector">The vector type: <c>Vector128&lt;T&gt;</c>, <c>Vector256&lt;T&gt;</c>, <c>Vector512&lt;T&gt;</c> or <c>Vector&lt;T&gt;</c>.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IVectorWidth<TVector, T>
    where T : unmanaged, INumber<T>
{
    /// <summary>Elements per vector.</summary>
    static abstract nuint Count { get; }

    /// <summary>
    /// Whether the drivers may use this width in this process (a JIT-time constant): on hardware, or in software
    /// under a forced path (<see cref="Hardware.SimdHardware.IsForced"/>).
    /// </summary>
    static abstract bool IsUsable { get; }

    static abstract TVector Zero { get; }

    /// <summary>Computes and stores the kernel's block at <paramref name="index"/>.</summary>
    static abstract void Step<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IMapKernel<T>, allows ref struct;

    /// <summary>The kernel's values of the block at <paramref name="index"/> (its side outputs are stored).</summary>
    static abstract TVector Compute<TKernel>(ref TKernel kernel, nuint index)
        where TKernel : IValueKernel<T>, allows ref struct;

    static abstract TVector Accumulate<TKernel>(ref TKernel kernel, TVector sum, nuint index)
        where TKernel : ISumKernel<T>, allows ref struct;

    static abstract TVector Load(ref readonly T source, nuint index);

    static abstract void Store(TVector value, ref T destination, nuint index);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Min(TVector left, TVector right);

    static abstract TVector Max(TVector left, TVector right);

    /// <summary>Lanes <paramref name="firstLane"/> and above of <paramref name="value"/>; lanes below it become zero.</summary>
    static abstract TVector KeepFrom(TVector value, nuint firstLane);

    /// <summary>Lanes below <paramref name="end"/> of <paramref name="value"/>; lanes from it on become zero.</summary>
    static abstract TVector KeepBelow(TVector value, nuint end);

    /// <summary>The sum of the lanes, added pairwise in a fixed order.</summary>
    static abstract T Sum(TVector value);

    /// <summary>Lane <paramref name="lane"/> of <paramref name="value"/>.</summary>
    static abstract T GetElement(TVector value, int lane);
}
