using System.Collections.Generic;

namespace Simd.Learning;

/// <summary>The outcome of gradient descent: the parameters reached and the cost along the way.</summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class GradientDescentResult<T>
{
    internal GradientDescentResult(T[] weights, T bias, double[] costHistory, bool converged)
    {
        Weights = weights;
        Bias = bias;
        CostHistory = costHistory;
        Converged = converged;
    }

    /// <summary>The weights w, one per column of X.</summary>
    public IReadOnlyList<T> Weights { get; }

    /// <summary>The bias b.</summary>
    public T Bias { get; }

    /// <summary>
    /// The cost J before the first update, then after each update: <see cref="Iterations"/> + 1 values,
    /// L2 term included.
    /// </summary>
    public IReadOnlyList<double> CostHistory { get; }

    /// <summary>The number of updates performed.</summary>
    public int Iterations => CostHistory.Count - 1;

    /// <summary>The cost at the returned parameters (the last entry of <see cref="CostHistory"/>).</summary>
    public double FinalCost => CostHistory[^1];

    /// <summary>Whether descent stopped early because the cost changed by at most the tolerance.</summary>
    public bool Converged { get; }
}
