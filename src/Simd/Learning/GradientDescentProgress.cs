namespace Simd.Learning;

/// <summary>One report of gradient descent: the cost after <paramref name="Iteration"/> updates (0 = the starting point).</summary>
/// <param name="Iteration">Updates done so far.</param>
/// <param name="Cost">The cost J(w, b) after them, L2 term included.</param>
public readonly record struct GradientDescentProgress(int Iteration, double Cost);
