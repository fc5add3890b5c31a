using System;
using System.Globalization;

namespace Simd.Learning;

/// <summary>
/// Gradient descent stopped because the cost grew or became NaN/∞: the learning rate is too large for the
/// data (features with large ranges make the safe rate small; scaling them helps).
/// </summary>
public sealed class GradientDescentDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public GradientDescentDivergedException()
        : base("Gradient descent diverged: the learning rate is too large; try a smaller one.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    public GradientDescentDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GradientDescentDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal GradientDescentDivergedException(int iteration, double previousCost, double cost, double learningRate)
        : base(Describe(iteration, previousCost, cost, learningRate))
    {
        Iteration = iteration;
        PreviousCost = previousCost;
        Cost = cost;
        LearningRate = learningRate;
    }

    /// <summary>The update after which the cost grew or stopped being finite (1 = the first update).</summary>
    public int Iteration { get; }

    /// <summary>The cost before that update.</summary>
    public double PreviousCost { get; }

    /// <summary>The cost after it (possibly NaN or ∞).</summary>
    public double Cost { get; }

    /// <summary>The learning rate α that was used.</summary>
    public double LearningRate { get; }

    /// <summary>A learning rate to try instead: α / 10.</summary>
    public double SuggestedLearningRate => LearningRate / 10;

    private static string Describe(int iteration, double previousCost, double cost, double learningRate)
    {
        var c = CultureInfo.InvariantCulture;
        string what = double.IsFinite(cost)
            ? string.Format(c, "the cost grew from {0:G6} to {1:G6}", previousCost, cost)
            : string.Format(c, "the cost became {0} (it was {1:G6})", cost, previousCost);
        return string.Format(
            c,
            "Gradient descent diverged at iteration {0}: {1}. The learning rate α = {2:G6} is too large; try a smaller one, e.g. α = {3:G6} (scaling the features also helps).",
            iteration,
            what,
            learningRate,
            learningRate / 10);
    }
}
