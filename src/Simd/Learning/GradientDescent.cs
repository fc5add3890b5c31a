using System;
using System.Numerics;
using System.Threading;
using Simd.Learning.Kernels;
using Simd.Optimization;

namespace Simd.Learning;

/// <summary>
/// A batch gradient-descent trainer for linear, logistic and softmax regression. Each iteration evaluates J(w, b),
/// ∂J/∂w and ∂J/∂b (for linear and logistic in one fused pass over X; for softmax with two GEMMs), then updates w and
/// b simultaneously.
/// </summary>
/// <remarks>
/// <para>Stopping: after <see cref="GradientDescentOptions.Iterations"/> updates, or earlier when
/// <see cref="GradientDescentOptions.Tolerance"/> &gt; 0 and an update changes the cost by at most it.</para>
/// <para>Divergence: if an update makes the cost NaN/∞, or raises it by more than both √ε·J and 4ε·√(J₀·J) (ε the
/// machine epsilon of T, J₀ the starting cost: the rounding of evaluating J stays below this, a real divergence
/// grows geometrically past it) — or, with <see cref="GradientDescentOptions.Optimizer"/>, whose steps may raise the cost
/// on the way down, if the cost exceeds 1000·J₀ — a <see cref="GradientDescentDivergedException"/> says the learning rate is too
/// large and suggests a smaller one. A cost at or below ε·J₀ is at the rounding floor and never counts as
/// divergence, so a model that fits (noise-free data) is returned, not thrown away.</para>
/// <para>Cancellation: the token is checked before every update; <see cref="OperationCanceledException"/> is thrown.</para>
/// <para>X and y are checked once for NaN/∞ before descending; the caller's arrays are never modified.</para>
/// </remarks>
/// <param name="options">The settings; validated here.</param>
public sealed class GradientDescent(GradientDescentOptions options)
{
    /// <summary>The settings this trainer uses.</summary>
    public GradientDescentOptions Options { get; } = Validated(options);

    /// <summary>Fits f(x) = w·x + b to <paramref name="y"/> by minimising J = (1/(2m)) Σ (f(xᵢ) − yᵢ)² (+ (λ/(2m))·‖w‖²).</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m targets.</param>
    /// <param name="initialWeights">Starting w (n values); empty for zeros.</param>
    /// <param name="initialBias">Starting b.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>w, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X has no rows, or X, y or the start hold NaN/∞ (the message names the row and column).</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public GradientDescentResult<T> FitLinear<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<T> y,
        ReadOnlySpan<T> initialWeights = default,
        T initialBias = default,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        ValidateData(x, y, initialWeights, initialBias);
        return Descend<T, SquaredErrorLoss<T>>(x, y, initialWeights, initialBias, cancellationToken);
    }

    /// <summary>
    /// Fits f(x) = g(w·x + b), g the sigmoid, to 0/1 labels <paramref name="y"/> by minimising the log-loss
    /// J = −(1/m) Σ [yᵢ log f(xᵢ) + (1 − yᵢ) log(1 − f(xᵢ))] (+ (λ/(2m))·‖w‖²).
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="y">The m labels, each 0 or 1.</param>
    /// <param name="initialWeights">Starting w (n values); empty for zeros.</param>
    /// <param name="initialBias">Starting b.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>w, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X has no rows, data hold NaN/∞, or a label is not 0 or 1.</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public GradientDescentResult<T> FitLogistic<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<T> y,
        ReadOnlySpan<T> initialWeights = default,
        T initialBias = default,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        ValidateData(x, y, initialWeights, initialBias);
        LearningArguments.RequireBinaryLabels(y, nameof(y));
        return Descend<T, LogLoss<T>>(x, y, initialWeights, initialBias, cancellationToken);
    }

    /// <summary>
    /// Fits softmax regression, P = softmax(X·W + b), to class labels by minimising the mean cross-entropy
    /// J = −(1/m) Σ log Pᵢ,yᵢ (+ (λ/(2m))·‖W‖²); see <see cref="SoftmaxRegression"/>. The m×K logits are one workspace
    /// reused by every update.
    /// </summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m×n feature matrix, m ≥ 1.</param>
    /// <param name="labels">The m class indices, each in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">The number of classes K ≥ 2.</param>
    /// <param name="initialWeights">Starting W (n×K); an empty view for zeros.</param>
    /// <param name="initialBias">Starting b (K values); empty for zeros.</param>
    /// <param name="cancellationToken">Stops the descent between updates.</param>
    /// <returns>W, b and the cost history.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, X has no rows, data hold NaN/∞, or a label is out of range (the message names the row).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2.</exception>
    /// <exception cref="GradientDescentDivergedException">The learning rate is too large.</exception>
    public SoftmaxRegressionResult<T> FitSoftmax<T>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<int> labels,
        int classes,
        ReadOnlyMatrixView<T> initialWeights = default,
        ReadOnlySpan<T> initialBias = default,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireFloatOrDouble<T>();
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"'{nameof(classes)}' must be at least 2 (softmax regression tells classes apart); it is {classes}.");
        }

        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireLength(labels.Length, x.Rows, nameof(labels), "one label per row of x");
        SoftmaxRegression.RequireLabels(labels, classes);
        int n = x.Columns;
        var w = new T[n * classes];
        if (!initialWeights.IsEmpty || initialWeights.Rows != 0)
        {
            if (initialWeights.Rows != n || initialWeights.Columns != classes)
            {
                throw new ArgumentException(
                    $"'{nameof(initialWeights)}' is {initialWeights} but must be {n}×{classes} (one row per column of x, one column per class).", nameof(initialWeights));
            }

            LearningArguments.RequireFinite(initialWeights, nameof(initialWeights));
            for (int j = 0; j < n; j++)
            {
                initialWeights.Row(j).CopyTo(w.AsSpan(j * classes, classes));
            }
        }

        var b = new T[classes];
        if (!initialBias.IsEmpty)
        {
            LearningArguments.RequireLength(initialBias.Length, classes, nameof(initialBias), "one per class");
            LearningArguments.RequireFinite(initialBias, nameof(initialBias), "index");
            initialBias.CopyTo(b);
        }

        LearningArguments.RequireFinite(x, nameof(x));
        var objective = new SoftmaxObjective<T>(x, labels, classes, Options.L2, Options.MaxDegreeOfParallelism);
        (T[] weights, T[] bias, double[] history, bool converged) = Descend(ref objective, w, b, cancellationToken);
        return new SoftmaxRegressionResult<T>(weights, n, bias, history, converged);
    }

    private static GradientDescentOptions Validated(GradientDescentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private static void ValidateData<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> initialWeights, T initialBias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        LearningArguments.RequireRows(x, nameof(x));
        LearningArguments.RequireLength(y.Length, x.Rows, nameof(y), "one target per row of x");
        if (!initialWeights.IsEmpty)
        {
            LearningArguments.RequireLength(initialWeights.Length, x.Columns, nameof(initialWeights), "one weight per column of x");
            LearningArguments.RequireFinite(initialWeights, nameof(initialWeights), "index");
        }

        LearningArguments.RequireFinite(initialBias, nameof(initialBias));
        LearningArguments.RequireFinite(x, nameof(x));
        LearningArguments.RequireFinite(y, nameof(y), "row");
    }

    private GradientDescentResult<T> Descend<T, TLoss>(
        ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> initialWeights, T initialBias, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        var w = new T[x.Columns];
        initialWeights.CopyTo(w);
        var objective = new RegressionObjective<T, TLoss>(x, y, Options.L2, Options.MaxDegreeOfParallelism);
        (T[] weights, T[] bias, double[] history, bool converged) = Descend(ref objective, w, [initialBias], cancellationToken);
        return new GradientDescentResult<T>(weights, bias[0], history, converged);
    }

    /// <summary>
    /// The descent loop of every model: from (<paramref name="w"/>, <paramref name="b"/>), updated in place, minimise
    /// the objective's cost by plain gradient descent or the options' optimizer (w and b as two parameter groups).
    /// </summary>
    internal (T[] Weights, T[] Bias, double[] History, bool Converged) Descend<T, TObjective>(
        ref TObjective objective, T[] w, T[] b, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IDescentObjective<T>, allows ref struct
    {
        GradientDescentOptions o = Options;
        var gradient = new T[w.Length];
        var biasGradient = new T[b.Length];
        // The history grows as updates run (doubling), so a large iteration limit that tolerance stops early
        // costs nothing up front.
        var history = new double[(int)Math.Min(o.Iterations + 1L, 1024)];
        T alpha = T.CreateTruncating(o.LearningRate);
        double epsilon = MachineEpsilon<T>();
        double noise = Math.Sqrt(epsilon);
        Optimizer<T>? optimizer = o.Optimizer?.Create<T>();
        ParameterGroup<T>[] groups = [new(w, gradient), new(b, biasGradient)];

        double cost = objective.Evaluate(w, b, gradient, biasGradient);
        history[0] = cost;
        o.Progress?.Report(new GradientDescentProgress(0, cost));
        if (!double.IsFinite(cost))
        {
            throw new GradientDescentDivergedException(0, cost, cost, o.EffectiveLearningRate);
        }

        double start = cost;
        int done = 0;
        bool converged = false;
        while (done < o.Iterations)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Simultaneous update: the gradient was evaluated at the old (w, b) for both.
            if (optimizer is null)
            {
                for (int j = 0; j < w.Length; j++)
                {
                    w[j] -= alpha * gradient[j];
                }

                for (int k = 0; k < b.Length; k++)
                {
                    b[k] -= alpha * biasGradient[k];
                }
            }
            else
            {
                optimizer.Step(groups);
            }

            done++;

            double previous = cost;
            cost = objective.Evaluate(w, b, gradient, biasGradient);
            if (done == history.Length)
            {
                Array.Resize(ref history, (int)Math.Min(2L * history.Length, o.Iterations + 1L));
            }

            history[done] = cost;
            o.Progress?.Report(new GradientDescentProgress(done, cost));
            bool diverged = optimizer is null ? IsDivergentRise(start, previous, cost, epsilon, noise) : cost > OptimizerDivergence * Math.Abs(start);
            if (!double.IsFinite(cost) || diverged)
            {
                throw new GradientDescentDivergedException(done, previous, cost, o.EffectiveLearningRate);
            }

            if (o.Tolerance > 0 && Math.Abs(previous - cost) <= o.Tolerance)
            {
                converged = true;
                break;
            }
        }

        return (w, b, history.AsSpan(0, done + 1).ToArray(), converged);
    }

    /// <summary>
    /// With an optimizer the cost may rise between updates (momentum and adaptive steps overshoot), so only a cost
    /// this many times the starting cost counts as divergence (besides NaN/∞).
    /// </summary>
    internal const double OptimizerDivergence = 1000;

    /// <summary>
    /// Whether the cost rising from <paramref name="previous"/> to <paramref name="cost"/> is divergence rather than
    /// rounding. A cost at or below ε·J₀ (J₀ the starting cost) is at the floor where J cannot be resolved any
    /// better, so it never counts; above it a rise counts only when it exceeds both √ε·J and the rounding of
    /// evaluating J, 4ε·√(J₀·J) (each residual is computed with an absolute error of about ε times the size of
    /// the predictions, which J₀ measures, and J sums residual times error).
    /// </summary>
    internal static bool IsDivergentRise(double start, double previous, double cost, double epsilon, double noise)
    {
        double rise = cost - previous;
        if (rise <= 0 || cost <= epsilon * Math.Abs(start))
        {
            return false;
        }

        double rounding = 4 * epsilon * Math.Sqrt(Math.Abs(start) * Math.Abs(previous));
        return rise > Math.Max(noise * Math.Abs(previous), rounding);
    }

    private static double MachineEpsilon<T>()
        where T : IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);
}
