using System;

namespace Simd.Learning;

/// <summary>
/// The elementwise formulas of the learning layer as scalar [Kernel] methods; the generator turns each into
/// span overloads that run at every vector width (see docs/authoring-kernels.md).
/// </summary>
internal static partial class LearningKernels
{
    /// <summary>z = (x − offset) / scale, per feature (offset and scale are lanes: one per column of a row).</summary>
    [Kernel]
    internal static float Scaled(float x, float offset, float scale) => (x - offset) / scale;

    /// <summary>z = (x − offset) / scale.</summary>
    [Kernel]
    internal static double Scaled(double x, double offset, double scale) => (x - offset) / scale;

    /// <summary>x = z · scale + offset (two roundings, as written: no FMA contraction).</summary>
    [Kernel]
    internal static float Unscaled(float z, float offset, float scale) => (z * scale) + offset;

    /// <summary>x = z · scale + offset.</summary>
    [Kernel]
    internal static double Unscaled(double z, double offset, double scale) => (z * scale) + offset;

    /// <summary>
    /// g(z) = 1 / (1 + e^−z) with t = e^−|z| ∈ (0, 1]: 1 / (1 + t) for z ≥ 0, t / (1 + t) for z &lt; 0. Exp never sees a
    /// positive argument, so nothing overflows, and very negative z keep their relative accuracy.
    /// </summary>
    [Kernel]
    internal static float Sigmoid(float z)
    {
        float t = MathF.Exp(-MathF.Abs(z));
        return z >= 0 ? 1 / (1 + t) : t / (1 + t);
    }

    /// <summary>g(z), as the float overload.</summary>
    [Kernel]
    internal static double Sigmoid(double z)
    {
        double t = Math.Exp(-Math.Abs(z));
        return z >= 0 ? 1 / (1 + t) : t / (1 + t);
    }
}
