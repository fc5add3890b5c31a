namespace Simd.Cli.Training;

/// <summary>The command-line spelling of each option value, used in output and JSON.</summary>
internal static class OptionNames
{
    /// <summary>linear, logistic or softmax.</summary>
    public static string Of(ModelKind model) => model switch
    {
        ModelKind.Linear => "linear",
        ModelKind.Logistic => "logistic",
        _ => "softmax",
    };

    /// <summary>zscore, minmax, meannorm or none.</summary>
    public static string Of(ScalingKind scaling) => scaling switch
    {
        ScalingKind.ZScore => "zscore",
        ScalingKind.MinMax => "minmax",
        ScalingKind.MeanNorm => "meannorm",
        _ => "none",
    };

    /// <summary>gd or normal.</summary>
    public static string Of(SolverKind solver) => solver == SolverKind.GradientDescent ? "gd" : "normal";

    /// <summary>float or double.</summary>
    public static string Of(Precision precision) => precision == Precision.Float ? "float" : "double";
}
