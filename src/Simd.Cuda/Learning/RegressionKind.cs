namespace Simd.Cuda.Learning;

/// <summary>The model a <see cref="CudaRegressionTrainer{T}"/> fits.</summary>
public enum RegressionKind
{
    /// <summary>Linear regression: prediction x·w + b, cost (1/2m) Σ (prediction − y)² + (λ/2m) Σ w².</summary>
    Linear,

    /// <summary>
    /// Logistic regression: prediction σ(x·w + b), cost −(1/m) Σ [y log p + (1 − y) log(1 − p)] + (λ/2m) Σ w²,
    /// labels y in {0, 1}.
    /// </summary>
    Logistic,
}
