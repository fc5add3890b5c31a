namespace Simd.Cli.Training;

/// <summary>What <c>simd train</c> asks of the learning library, already validated.</summary>
/// <param name="Model">Linear or logistic regression.</param>
/// <param name="Scaling">Feature scaling.</param>
/// <param name="Solver">Gradient descent or the normal equation.</param>
/// <param name="Precision">float or double.</param>
/// <param name="Alpha">The gradient-descent learning rate (&gt; 0).</param>
/// <param name="Iterations">The most gradient-descent updates (&gt; 0).</param>
/// <param name="Tolerance">Stop early once an update changes the cost by at most this much (absolute; 0 = never).</param>
/// <param name="Lambda">L2 regularisation strength (≥ 0); the bias is not regularised.</param>
internal sealed record TrainingOptions(
    ModelKind Model,
    ScalingKind Scaling,
    SolverKind Solver,
    Precision Precision,
    double Alpha,
    int Iterations,
    double Tolerance,
    double Lambda);
