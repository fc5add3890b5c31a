using System;
using System.Numerics;

namespace Simd.Cuda.Learning;

/// <summary>One-call device gradient descent: upload, train, download, free. See <see cref="CudaRegressionTrainer{T}"/>.</summary>
public static class CudaGradientDescent
{
    /// <summary>Fits a linear or logistic regression by <paramref name="iterations"/> steps of batch gradient descent on the GPU, from zero weights.</summary>
    /// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
    /// <param name="x">The m × n feature matrix.</param>
    /// <param name="y">The m targets (0 or 1 for logistic regression).</param>
    /// <param name="kind">Linear or logistic regression.</param>
    /// <param name="learningRate">The step size α, positive.</param>
    /// <param name="iterations">The number of steps, ≥ 0.</param>
    /// <param name="lambda">The L2 regularisation strength λ, ≥ 0.</param>
    /// <param name="device">The device, or <see langword="null"/> for <see cref="CudaDevice.Default"/>.</param>
    /// <returns>Weights, bias and the cost before each step.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here; the message says what is missing.</exception>
    public static CudaTrainingResult<T> Train<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> y, RegressionKind kind, T learningRate, int iterations, T lambda, CudaDevice? device = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CudaRegressionTrainer<T>.ValidateHyperparameters(learningRate, iterations, lambda);
        using var trainer = new CudaRegressionTrainer<T>(x, y, kind, device);
        return trainer.Train(learningRate, iterations, lambda);
    }
}
