namespace Simd.Learning;

/// <summary>
/// What <see cref="GradientDescent"/> minimises: a cost of weights and biases (each a flat array) and its gradient.
/// One loop — update, history, progress, tolerance, divergence — serves every model through this.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
internal interface IDescentObjective<T>
{
    /// <summary>
    /// J at (<paramref name="weights"/>, <paramref name="bias"/>), with ∂J/∂w into <paramref name="weightGradient"/> and
    /// ∂J/∂b into <paramref name="biasGradient"/>; NaN or ∞ (and the gradients unspecified) when J is not finite.
    /// </summary>
    double Evaluate(T[] weights, T[] bias, T[] weightGradient, T[] biasGradient);
}
