using System;

namespace Simd;

/// <summary>
/// Marks a <see langword="static"/> method of a <see langword="static partial"/> class as a kernel: the
/// method is the per-element specification, and the Simd source generator emits span overloads that run
/// it over whole arrays on the widest vector path the machine offers (AVX-512, AVX2+FMA, 128-bit,
/// <see cref="System.Numerics.Vector{T}"/> or scalar).
/// </summary>
/// <remarks>
/// Parameters of the element type (<see langword="float"/> or <see langword="double"/>) are <em>lanes</em> and
/// become <see cref="ReadOnlySpan{T}"/> parameters; parameters marked <see cref="UniformAttribute"/> stay
/// scalars; a <see langword="ref"/> parameter is a read-write lane updated in place (<see cref="Span{T}"/>).
/// A non-void kernel gets a map overload with a trailing <c>Span&lt;T&gt; destination</c>; each flag in
/// <see cref="Reductions"/> adds a fused overload <c>{Name}Sum</c>, <c>{Name}Min</c> or <c>{Name}Max</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class KernelAttribute : Attribute
{
    /// <summary>The fused reductions to generate in addition to the map; <see cref="Reduction.None"/> by default.</summary>
    public Reduction Reductions { get; set; }
}
