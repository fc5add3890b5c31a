namespace Simd.Cuda.Templates;

/// <summary>The reductions the templates instantiate; each names its combine function and identity.</summary>
internal enum ReductionKind
{
    /// <summary>Sum, identity 0.</summary>
    Sum,

    /// <summary>Math.Min semantics, identity +∞ (min(+∞, x) = x for every x, NaN and −0 included).</summary>
    Min,

    /// <summary>Math.Max semantics, identity −∞.</summary>
    Max,
}
