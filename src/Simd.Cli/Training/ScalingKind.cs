namespace Simd.Cli.Training;

/// <summary>How features are scaled before the optimiser sees them (<c>--scale</c>).</summary>
internal enum ScalingKind
{
    /// <summary>(x − mean) / standard deviation.</summary>
    ZScore,

    /// <summary>(x − min) / (max − min).</summary>
    MinMax,

    /// <summary>(x − mean) / (max − min).</summary>
    MeanNorm,

    /// <summary>The features as they are.</summary>
    None,
}
