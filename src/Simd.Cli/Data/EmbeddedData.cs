using System.IO;
using System.Reflection;
using System.Text;

namespace Simd.Cli.Data;

/// <summary>The diabetes data set compiled into <c>simd</c> (provenance in Data/README.md), used when no <c>--data</c> is given.</summary>
internal static class EmbeddedData
{
    /// <summary>The name the data set goes by in messages and JSON.</summary>
    public const string DiabetesName = "diabetes.csv (embedded)";

    private const string ResourceName = "Simd.Cli.Data.diabetes.csv";

    /// <summary>One line saying what the data is and where it comes from.</summary>
    public const string DiabetesDescription =
        "diabetes data: 442 patients, 10 baseline measurements, target = disease progression after one year " +
        "(Efron, Hastie, Johnstone, Tibshirani, \"Least Angle Regression\", Annals of Statistics 32(2), 2004)";

    /// <summary>Opens the embedded CSV text.</summary>
    /// <returns>A reader over the CSV; the caller disposes it.</returns>
    public static TextReader OpenDiabetes()
    {
        Stream stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FileNotFoundException($"resource {ResourceName} is missing from {typeof(EmbeddedData).Assembly.GetName().Name}");
        return new StreamReader(stream, Encoding.UTF8);
    }
}
