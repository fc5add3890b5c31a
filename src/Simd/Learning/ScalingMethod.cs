namespace Simd.Learning;

/// <summary>How <see cref="FeatureScaler"/> maps each feature column: z = (x − offset) / scale.</summary>
public enum ScalingMethod
{
    /// <summary>Z-score: offset μ (the mean), scale σ (the population standard deviation, ddof = 0); scaled columns have mean 0 and σ 1.</summary>
    ZScore,

    /// <summary>Min-max: offset min, scale max − min; scaled training columns lie in [0, 1].</summary>
    MinMax,

    /// <summary>Mean normalisation: offset μ, scale max − min; scaled training columns have mean 0 and lie within [−1, 1].</summary>
    MeanNormalization,
}
