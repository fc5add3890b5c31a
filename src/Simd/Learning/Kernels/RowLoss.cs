using System.Numerics;
using System.Runtime.CompilerServices;

namespace Simd.Learning.Kernels;

/// <summary>
/// What the fused gradient step does with one row's linear score <c>z = w·x + b</c>: the error whose
/// product with the row is that row's gradient contribution, and the row's term of the cost.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the error is z − y and the cost term its square (the fused kernel then forms them a vector of rows at a time).</summary>
    static abstract bool IsSquaredError { get; }

    /// <summary>The cost is <c>CostScale / m · Σ costTerm</c>.</summary>
    static abstract double CostScale { get; }

    /// <summary>The row's error (its gradient weight) and, in <paramref name="costTerm"/>, its cost term in double.</summary>
    static abstract T Error(T z, T y, out double costTerm);
}

/// <summary>Linear regression: error <c>z − y</c>, cost term <c>(z − y)²</c>, cost scale ½.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct SquaredErrorLoss<T> : IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSquaredError => true;

    public static double CostScale => 0.5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Error(T z, T y, out double costTerm)
    {
        T error = z - y;
        double e = double.CreateTruncating(error);
        costTerm = e * e;
        return error;
    }
}

/// <summary>
/// Logistic regression: error <c>g(z) − y</c>, cost term <c>−y·log g(z) − (1 − y)·log(1 − g(z))</c> evaluated as
/// <c>softplus(z) − y·z</c>, which never takes log(0) and never overflows; cost scale 1.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct LogLoss<T> : IRowLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool IsSquaredError => false;

    public static double CostScale => 1.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Error(T z, T y, out double costTerm)
    {
        double zd = double.CreateTruncating(z);
        costTerm = StableMath.Softplus(zd) - (double.CreateTruncating(y) * zd);
        return LearningKernels.Sigmoid(z) - y;
    }
}
