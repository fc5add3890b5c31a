using System;

namespace Simd.LowRank;

/// <summary>
/// Trains a <see cref="LoraAdapter"/> on a frozen W by full-batch gradient descent on the mean squared error
/// <c>L = (1 / 2n)·Σ_i ‖ŷ_i − y_i‖²</c>, where <c>ŷ_i = W·x_i + s·B·(A·x_i)</c>. Only A and B change.
/// </summary>
/// <remarks>
/// One <see cref="Step"/>: forward pass for the batch, residual <c>R = Ŷ − Y</c>, upstream gradient <c>G = R / n</c>,
/// <see cref="LoraAdapter.ComputeGradients"/>, then <c>A ← A − η·∂L/∂A</c> and <c>B ← B − η·∂L/∂B</c> (both gradients
/// are computed before either factor changes).
/// </remarks>
public sealed class LoraTrainer
{
    private readonly LoraAdapter _adapter;
    private readonly ReadOnlyMatrixView<float> _weights;
    private readonly float[] _gradientA;
    private readonly float[] _gradientB;

    /// <summary>Prepares to train <paramref name="adapter"/> on the frozen <paramref name="weights"/>.</summary>
    /// <param name="adapter">The adapter to train (its A and B are updated in place).</param>
    /// <param name="weights">The frozen W, d × k; never written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="adapter"/> is null.</exception>
    /// <exception cref="ArgumentException">W is not d × k.</exception>
    public LoraTrainer(LoraAdapter adapter, ReadOnlyMatrixView<float> weights)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        if (weights.Rows != adapter.OutputSize || weights.Columns != adapter.InputSize)
        {
            throw new ArgumentException($"weights is {weights} but the adapter is for a {adapter.OutputSize}×{adapter.InputSize} layer.", nameof(weights));
        }

        _adapter = adapter;
        _weights = weights;
        _gradientA = new float[adapter.Rank * adapter.InputSize];
        _gradientB = new float[adapter.OutputSize * adapter.Rank];
    }

    /// <summary>The mean squared error <c>(1 / 2n)·Σ‖ŷ_i − y_i‖²</c> of the adapted layer on a batch.</summary>
    /// <param name="inputs">X, n × k.</param>
    /// <param name="targets">Y, n × d.</param>
    /// <returns>The loss (0 for an empty batch).</returns>
    /// <exception cref="ArgumentException">A shape does not match (the message names both), or the data hold NaN/∞ (row and column are named).</exception>
    /// <exception cref="InvalidOperationException">The loss overflows on finite data (α too large).</exception>
    public float Loss(ReadOnlyMatrixView<float> inputs, ReadOnlyMatrixView<float> targets)
    {
        _ = Residual(inputs, targets, out float loss);
        return loss;
    }

    /// <summary>One gradient-descent step on a batch; returns the loss before the step.</summary>
    /// <param name="inputs">X, n × k.</param>
    /// <param name="targets">Y, n × d.</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <returns>The loss before the step.</returns>
    /// <exception cref="ArgumentException">A shape does not match (the message names both), or the data hold NaN/∞ (row and column are named).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number.</exception>
    /// <exception cref="InvalidOperationException">The loss overflows, or the step would make A or B non-finite (α or η too large); A and B are left unchanged.</exception>
    public float Step(ReadOnlyMatrixView<float> inputs, ReadOnlyMatrixView<float> targets, float learningRate)
    {
        if (!(learningRate > 0) || !float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive finite number.");
        }

        float[] residual = Residual(inputs, targets, out float loss);
        int n = inputs.Rows;
        if (n == 0)
        {
            return loss;
        }

        float inverse = 1f / n;
        for (int i = 0; i < residual.Length; i++)
        {
            residual[i] *= inverse;
        }

        var gradientA = new MatrixView<float>(_gradientA, _adapter.Rank, _adapter.InputSize);
        var gradientB = new MatrixView<float>(_gradientB, _adapter.OutputSize, _adapter.Rank);
        _adapter.ComputeGradients(inputs, new ReadOnlyMatrixView<float>(residual, n, _adapter.OutputSize), gradientA, gradientB);

        // Both factors are checked before either changes: a step that would make a parameter NaN/∞ throws and
        // leaves the adapter as it was.
        if (!StaysFinite(_adapter.A.Memory.Span, _gradientA, learningRate) || !StaysFinite(_adapter.B.Memory.Span, _gradientB, learningRate))
        {
            throw new InvalidOperationException(
                $"The step would make A or B non-finite (the loss before it is {loss}): the update s·B·A with s = α/r = {_adapter.Scale} "
                + $"or the learning rate η = {learningRate} is too large; the adapter was left unchanged. Use a smaller α or η.");
        }

        Descend(_adapter.A.Memory.Span, _gradientA, learningRate);
        Descend(_adapter.B.Memory.Span, _gradientB, learningRate);
        return loss;
    }

    private static bool StaysFinite(ReadOnlySpan<float> parameters, ReadOnlySpan<float> gradient, float learningRate)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            if (!float.IsFinite(parameters[i] - (learningRate * gradient[i])))
            {
                return false;
            }
        }

        return true;
    }

    private float[] Residual(ReadOnlyMatrixView<float> inputs, ReadOnlyMatrixView<float> targets, out float loss)
    {
        if (targets.Rows != inputs.Rows || targets.Columns != _adapter.OutputSize)
        {
            throw new ArgumentException($"targets is {targets} but inputs is {inputs}; it must be {inputs.Rows}×{_adapter.OutputSize}.", nameof(targets));
        }

        int n = inputs.Rows, d = _adapter.OutputSize;
        float[] residual = new float[n * d];
        _adapter.Forward(_weights, inputs, new MatrixView<float>(residual, n, d));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> target = targets.Row(i);
            Span<float> row = residual.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] -= target[j];
                sum += (double)row[j] * row[j];
            }
        }

        loss = n == 0 ? 0 : (float)(sum / (2.0 * n));
        if (!float.IsFinite(loss))
        {
            // A NaN/∞ in the data always reaches the loss, so the data are only scanned when it is not finite.
            Learning.LearningArguments.RequireFinite(inputs, nameof(inputs));
            Learning.LearningArguments.RequireFinite(targets, nameof(targets));
            throw new InvalidOperationException(
                $"The loss is {loss} on finite data: the adapted layer overflows float (s = α/r = {_adapter.Scale}); use a smaller α or smaller inputs.");
        }

        return residual;
    }

    private static void Descend(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= learningRate * gradient[i];
        }
    }
}
