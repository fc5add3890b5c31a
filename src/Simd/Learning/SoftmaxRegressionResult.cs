using System;
using System.Collections.Generic;

namespace Simd.Learning;

/// <summary>The outcome of fitting softmax regression: the weights and biases reached and the cost along the way.</summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class SoftmaxRegressionResult<T>
    where T : unmanaged
{
    internal SoftmaxRegressionResult(T[] weights, int features, T[] bias, double[] costHistory, bool converged)
    {
        Weights = new ReadOnlyMatrixView<T>(weights, features, bias.Length);
        Bias = bias;
        CostHistory = costHistory;
        Converged = converged;
    }

    /// <summary>W, n×K: row j holds feature j's weight for each class, column k class k's weights. Pass it to <see cref="SoftmaxRegression.Predict{T}"/>.</summary>
    public ReadOnlyMatrixView<T> Weights { get; }

    /// <summary>b, one bias per class (K values); <c>Bias.Span</c> goes to <see cref="SoftmaxRegression.Predict{T}"/>.</summary>
    public ReadOnlyMemory<T> Bias { get; }

    /// <summary>The number of classes K.</summary>
    public int Classes => Bias.Length;

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
