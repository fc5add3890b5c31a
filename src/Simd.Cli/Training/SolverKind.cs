namespace Simd.Cli.Training;

/// <summary>How the weights are found (<c>--solver</c>).</summary>
internal enum SolverKind
{
    /// <summary>Batch gradient descent.</summary>
    GradientDescent,

    /// <summary>The normal equation (closed form; linear regression only).</summary>
    NormalEquation,
}
