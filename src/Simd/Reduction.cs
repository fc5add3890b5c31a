using System;

namespace Simd;

/// <summary>The fused reductions a <see cref="KernelAttribute"/> can request.</summary>
[Flags]
public enum Reduction
{
    /// <summary>No reduction: only the map overload is generated.</summary>
    None = 0,

    /// <summary>
    /// <c>{Name}Sum</c>: the sum of the kernel over all elements, without materialising the mapped values.
    /// The sum of no elements is 0. Summation is re-associated (several vector accumulators); the error bound
    /// is stated in docs/authoring-kernels.md.
    /// </summary>
    Sum = 1,

    /// <summary><c>{Name}Min</c>: the minimum as <see cref="Math.Min(double, double)"/> folds it (NaN wins, -0 &lt; +0).</summary>
    Min = 2,

    /// <summary><c>{Name}Max</c>: the maximum as <see cref="Math.Max(double, double)"/> folds it (NaN wins, +0 &gt; -0).</summary>
    Max = 4,
}
