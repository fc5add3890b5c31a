using System.Collections.Generic;

namespace Simd.Learning;

/// <summary>The exact least-squares fit of f(x) = w·x + b.</summary>
public sealed class LeastSquaresSolution
{
    internal LeastSquaresSolution(double[] weights, double bias, double cost)
    {
        Weights = weights;
        Bias = bias;
        Cost = cost;
    }

    /// <summary>The weights w, one per column of X.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The bias b.</summary>
    public double Bias { get; }

    /// <summary>The cost J(w, b) = (1/(2m)) Σᵢ (w·xᵢ + b − yᵢ)² at the solution: the smallest any w, b can reach.</summary>
    public double Cost { get; }
}
