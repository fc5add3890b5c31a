using Simd.Optimization;

namespace Simd.Cli.Training;

/// <summary>What <c>simd train</c> asks of the learning library, already validated.</summary>
/// <param name="Model">Linear or logistic regression.</param>
/// <param name="Scaling">Feature scaling.</param>
/// <param name="Solver">Gradient descent or the normal equation.</param>
/// <param name="Precision">float or double.</param>
/// <param name="Alpha">The learning rate (&gt; 0): the optimizer's when one is set.</param>
/// <param name="Iterations">The most gradient-descent updates (&gt; 0).</param>
/// <param name="Tolerance">Stop early once an update changes the cost by at most this much (absolute; 0 = never).</param>
/// <param name="Lambda">L2 regularisation strength (≥ 0); the bias is not regularised.</param>
/// <param name="Optimizer">The update rule of gradient descent; <see langword="null"/> for plain gradient descent.</param>
internal sealed record TrainingOptions(
    ModelKind Model,
    ScalingKind Scaling,
    SolverKind Solver,
    Precision Precision,
    double Alpha,
    int Iterations,
    double Tolerance,
    double Lambda,
    OptimizerOptions? Optimizer = null);
