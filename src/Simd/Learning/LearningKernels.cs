using System;
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
        where T : IFloatingPointIeee754<T> => Logistic(z);

    /// <summary>The logistic row error g(z) − y, the log-loss's derivative in z (g as in <see cref="Sigmoid{T}"/>).</summary>
    [Kernel]
    internal static T LogisticError<T>(T z, T y)
        where T : IFloatingPointIeee754<T> => Logistic(z) - y;

    /// <summary>
    /// g(z) for <see cref="Sigmoid{T}"/> and <see cref="LogisticError{T}"/> (a kernel cannot call a generic kernel; the
    /// generator inlines this helper into both). The numerator is chosen before the one division: the same quotient, to
    /// the bit, as dividing on each side of the branch, but the vector forms, which compute every branch, divide once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Logistic<T>(T z)
        where T : IFloatingPointIeee754<T>
    {
        T t = T.Exp(-T.Abs(z));
        T numerator = z >= T.Zero ? T.One : t;
        return numerator / (T.One + t);
    }

    /// <summary>
    /// The log-loss term −y·log g(z) − (1 − y)·log(1 − g(z)) as softplus(z) − y·z = max(z, 0) + log1p(e^−|z|) − y·z:
    /// no overflow for large z, no log(0). With u = 1 + t rounded, 1 + t = u + c exactly for c = t − (u − 1) (both
    /// differences exact, t ≤ 1), so log1p(t) = log u + c/u + O(c²): the term c·(2 − u) for c/u keeps the digits of small
    /// t that log(1 + t) loses, without a division (and gives t where u is 1). Its error c·(u − 1)²/u is below 0.75 ulp of
    /// log1p(t) for every t in (0, 1], so log1p is within about 2.5 ulp (log's bound, that and the last addition). The scalar
    /// method is the per-row cost term of the learning layer; the fused <c>LogLossTermSum</c> sums a block of them.
    /// </summary>
    [Kernel(Reductions = Reduction.Sum)]
    internal static double LogLossTerm(double z, double y)
    {
        double t = Math.Exp(-Math.Abs(z));
        double u = 1.0 + t;
        double log1p = Math.Log(u) + ((t - (u - 1.0)) * (2.0 - u));
        // max(z, 0) − y·z first: exact for labels 0 and 1 (0, z or −z), so a small term keeps log1p's digits.
        return (Math.Max(z, 0.0) - (y * z)) + log1p;
    }

    /// <summary>1 where a label is neither 0 nor 1, else 0: summed by the fused <c>NotBinarySum</c>, the labels check of logistic regression.</summary>
    [Kernel(Reductions = Reduction.Sum)]
    internal static T NotBinary<T>(T y)
        where T : IFloatingPointIeee754<T> => y == T.Zero || y == T.One ? T.Zero : T.One;
}
