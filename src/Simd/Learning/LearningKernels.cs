using System.Numerics;
using System.Runtime.CompilerServices;

namespace Simd.Learning;

/// <summary>
/// The elementwise formulas of the learning layer as scalar [Kernel] methods; the generator turns each into
/// span overloads for <see langword="float"/> and <see langword="double"/> that run at every vector width (see
/// docs/authoring-kernels.md).
/// </summary>
internal static partial class LearningKernels
{
    /// <summary>z = (x − offset) / scale, per feature (offset and scale are lanes: one per column of a row).</summary>
    [Kernel]
    internal static T Scaled<T>(T x, T offset, T scale)
        where T : IFloatingPointIeee754<T> => (x - offset) / scale;

    /// <summary>x = z · scale + offset (two roundings, as written: no FMA contraction).</summary>
    [Kernel]
    internal static T Unscaled<T>(T z, T offset, T scale)
        where T : IFloatingPointIeee754<T> => (z * scale) + offset;

    /// <summary>
    /// g(z) = 1 / (1 + e^−z) with t = e^−|z| ∈ (0, 1]: 1 / (1 + t) for z ≥ 0, t / (1 + t) for z &lt; 0. Exp never sees a
    /// positive argument, so nothing overflows, and very negative z keep their relative accuracy (instead of flushing
    /// to 1 − 1 = 0). The scalar method is also what the scalar code of the learning layer calls.
    /// </summary>
    [Kernel]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Sigmoid<T>(T z)
        where T : IFloatingPointIeee754<T>
    {
        T t = T.Exp(-T.Abs(z));
        return z >= T.Zero ? T.One / (T.One + t) : t / (T.One + t);
    }
}
