namespace Simd.Cli.Training;

/// <summary>The model <c>simd train</c> fits (<c>--model</c>).</summary>
internal enum ModelKind
{
    /// <summary>Linear regression: mean squared error.</summary>
    Linear,

    /// <summary>Logistic regression: binary cross-entropy, targets 0 or 1.</summary>
    Logistic,

    /// <summary>Softmax (multinomial logistic) regression: cross-entropy over K classes, targets 0 … K − 1.</summary>
    Softmax,
}
