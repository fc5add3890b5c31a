using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// Bound on the error of the <see langword="float"/> <c>Sigmoid</c> overloads against the exact
    /// σ(x) = 1/(1 + e⁻ˣ), in float ulps of the result, for x ≥ −87.3 (where e⁻ˣ is finite);
    /// docs/kernel-math.md gives the measurement.
    /// </summary>
    public const double SigmoidSingleMaxUlpError = 2.0;

    /// <summary>
    /// Bound on the error of the <see langword="double"/> <c>Sigmoid</c> overloads against the exact
    /// σ(x) = 1/(1 + e⁻ˣ), in double ulps of the result, for x ≥ −708.3 (where e⁻ˣ is finite).
    /// </summary>
    public const double SigmoidDoubleMaxUlpError = 2.0;

    /// <summary>
    /// The logistic function σ(x) = 1/(1 + e⁻ˣ) for each lane, within <see cref="SigmoidSingleMaxUlpError"/>
    /// ulp: what a kernel means by <c>1 / (1 + MathF.Exp(-x))</c>, computed from the float exponential with
    /// the sum s = 1 + e⁻ˣ carried as s plus its rounding error δ and 1/(s + δ) taken by one Newton step on
    /// the unrounded sum (from <c>vrcp14ps</c> under AVX-512, from the quotient 1/s otherwise); the plain
    /// quotient loses up to an ulp in that sum next to σ = ½.
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <returns>
    /// σ(x) per lane: 1 for +∞ and for x ≥ 16.7 (where it rounds to 1), 0.5 for ±0, NaN for NaN, and +0
    /// where e⁻ˣ overflows (x &lt; −88.72, as the scalar expression gives; the exact value is below 2⁻¹²⁸ there).
    /// </returns>
    public static Vector128<float> Sigmoid(Vector128<float> x) => SigmoidSingle<SingleLanes128, Vector128<float>, Vector128<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{float})"/>
    public static Vector256<float> Sigmoid(Vector256<float> x) => SigmoidSingle<SingleLanes256, Vector256<float>, Vector256<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{float})"/>
    public static Vector512<float> Sigmoid(Vector512<float> x) => SigmoidSingle<SingleLanes512, Vector512<float>, Vector512<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{float})"/>
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.Count switch
    {
        // The fixed width of the same size, so that a Vector<T> of any size gives those bits (the fixed widths
        // use instructions, such as the AVX-512 reciprocal estimate at 128 and 256 bits, that the general form does not).
        16 => Sigmoid(x.AsVector512()).AsVector(),
        8 => Sigmoid(x.AsVector256()).AsVector(),
        4 => Sigmoid(x.AsVector128()).AsVector(),
        _ => SigmoidSingle<SingleLanesVector, Vector<float>, Vector<double>>(x),
    };

    /// <summary>
    /// The logistic function σ(x) = 1/(1 + e⁻ˣ) for each lane, within <see cref="SigmoidDoubleMaxUlpError"/>
    /// ulp: what a kernel means by <c>1 / (1 + Math.Exp(-x))</c>, with the double <c>Exp</c> and the sum 1 + e⁻ˣ
    /// carried with its rounding error (see the float overload).
    /// </summary>
    /// <param name="x">The arguments.</param>
    /// <returns>σ(x) per lane: 1 for +∞, 0.5 for ±0, NaN for NaN, +0 where e⁻ˣ overflows (x &lt; −709.78).</returns>
    public static Vector128<double> Sigmoid(Vector128<double> x) => SigmoidDouble<DoubleLanes128, Vector128<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{double})"/>
    public static Vector256<double> Sigmoid(Vector256<double> x) => SigmoidDouble<DoubleLanes256, Vector256<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{double})"/>
    public static Vector512<double> Sigmoid(Vector512<double> x) => SigmoidDouble<DoubleLanes512, Vector512<double>>(x);

    /// <inheritdoc cref="Sigmoid(Vector128{double})"/>
    public static Vector<double> Sigmoid(Vector<double> x) => SigmoidDouble<DoubleLanesVector, Vector<double>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SigmoidSingle<TLanes, TVector, TDouble>(TVector x)
        where TLanes : ISingleLanes<TVector, TDouble>
    {
        TVector one = TLanes.Create(1f);
        // e⁻ˣ, whose error reaches σ scaled by e/(1 + e) < 1: the shorter form (within 1 ulp) where the
        // reciprocal below is within 0.5 + 2⁻⁴ ulp (fused multiply-add), the exact one (0.75) where it is
        // within 1 ulp (no FMA), so that either way the sum stays below 2.
        TVector minusX = TLanes.Subtract(TLanes.Create(0f), x);
        TVector e = Simd.Hardware.SimdHardware.HasFusedMultiplyAdd
            ? ExpSingleShort<TLanes, TVector, TDouble>(ExpSingleClamp<TLanes, TVector, TDouble>(minusX))
            : ExpSingle<TLanes, TVector, TDouble>(minusX);

        // s + δ = 1 + e exactly (Fast2Sum on the larger and the smaller of 1 and e), then 1/(s + δ) by the
        // lanes' reciprocal of a sum.
        TVector s = TLanes.Add(one, e);
        TVector delta = TLanes.Add(TLanes.Subtract(TLanes.Max(one, e), s), TLanes.Min(one, e));
        TVector result = TLanes.ReciprocalOfSum(s, delta);

        // e = +∞ (x < −88.72) gives NaN above: σ is +0 there. A NaN x gives e = NaN and stays NaN.
        return TLanes.Select(TLanes.Equal(e, TLanes.Create(float.PositiveInfinity)), TLanes.Create(0f), result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SigmoidDouble<TLanes, TVector>(TVector x)
        where TLanes : IDoubleLanes<TVector>
    {
        TVector one = TLanes.Create(1.0);
        TVector e = ExpDouble<TLanes, TVector>(TLanes.Subtract(TLanes.Create(0.0), x), carried: true);
        TVector s = TLanes.Add(one, e);
        TVector sb = TLanes.Subtract(s, one);
        TVector delta = TLanes.Add(TLanes.Subtract(one, TLanes.Subtract(s, sb)), TLanes.Subtract(e, sb));
        TVector q = TLanes.Divide(one, s);
        TVector result = TLanes.Subtract(q, TLanes.Multiply(q, TLanes.Multiply(q, delta)));
        result = TLanes.Select(TLanes.Equal(e, TLanes.Create(double.PositiveInfinity)), TLanes.Create(0.0), result);
        return TLanes.Select(TLanes.Equal(x, x), result, x);
    }
}
