using System.Runtime.Intrinsics;

namespace Simd.Learning.Kernels;

/// <summary>
/// The running sums of <c>FusedGradientStep</c>'s grouped rows across the blocks of a chunk: the four gradient
/// accumulators of rows of four vectors, and the squared errors and errors in double, two vectors each (the low and
/// high halves of a float group).
/// </summary>
/// <typeparam name="TVector">The vector type of the width in use.</typeparam>
internal struct GroupAccumulators<TVector>
{
    /// <summary>Gradient accumulator of the row's first vector.</summary>
    public TVector G0;

    /// <summary>Gradient accumulator of the row's second vector.</summary>
    public TVector G1;

    /// <summary>Gradient accumulator of the row's third vector.</summary>
    public TVector G2;

    /// <summary>Gradient accumulator of the row's fourth vector.</summary>
    public TVector G3;

    /// <summary>Σ error², first half of each group.</summary>
    public Vector128<double> Cost0;

    /// <summary>Σ error², second half of each group (float groups only).</summary>
    public Vector128<double> Cost1;

    /// <summary>Σ error, first half of each group.</summary>
    public Vector128<double> Errors0;

    /// <summary>Σ error, second half of each group (float groups only).</summary>
    public Vector128<double> Errors1;
}
