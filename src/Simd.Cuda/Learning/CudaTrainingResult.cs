using System;
using System.Collections.Generic;

namespace Simd.Cuda.Learning;

/// <summary>What a device gradient-descent run produced.</summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class CudaTrainingResult<T>
    where T : unmanaged
{
    /// <summary>Records a run's outcome.</summary>
    /// <param name="weights">The weights after the last iteration, one per column of X.</param>
    /// <param name="bias">The bias after the last iteration.</param>
    /// <param name="costHistory">The cost before each iteration's update, one per iteration.</param>
    public CudaTrainingResult(T[] weights, T bias, T[] costHistory)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(costHistory);
        Weights = weights;
        Bias = bias;
        CostHistory = costHistory;
    }

    /// <summary>The weights after the last iteration, one per column of X.</summary>
    public IReadOnlyList<T> Weights { get; }

    /// <summary>The bias (intercept) after the last iteration.</summary>
    public T Bias { get; }

    /// <summary>
    /// <c>CostHistory[k]</c> is the regularised cost of the weights iteration k started from (computed in the same
    /// pass as its gradient), so the first entry is the cost of the initial weights.
    /// </summary>
    public IReadOnlyList<T> CostHistory { get; }
}
