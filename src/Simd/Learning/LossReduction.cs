namespace Simd.Learning;

/// <summary>How a loss over the rows of a batch is reduced to one number, and so how its gradient is scaled.</summary>
public enum LossReduction
{
    /// <summary>The mean over the m rows; the gradient is scaled by 1/m.</summary>
    Mean,

    /// <summary>The sum over the rows; the gradient is not scaled.</summary>
    Sum,
}
