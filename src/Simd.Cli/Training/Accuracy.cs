using System.Collections.Generic;
using Simd.Cli.Data;

namespace Simd.Cli.Training;

/// <summary>The training accuracy of a logistic model.</summary>
internal static class Accuracy
{
    /// <summary>
    /// The fraction of rows whose predicted class matches the target, predicting 1 when
    /// sigmoid(bias + Σ wⱼxⱼ) ≥ 0.5, i.e. when bias + Σ wⱼxⱼ ≥ 0 (no exp needed).
    /// </summary>
    /// <param name="data">The rows and 0/1 targets.</param>
    /// <param name="weights">The weights in the features' original units.</param>
    /// <param name="bias">The bias in the features' original units.</param>
    public static double Of(DataSet data, IReadOnlyList<double> weights, double bias)
    {
        int correct = 0;
        int n = data.FeatureCount;
        for (int r = 0; r < data.Rows; r++)
        {
            double z = bias;
            for (int j = 0; j < n; j++)
            {
                z += weights[j] * data.Features[(r * n) + j];
            }

            double predicted = z >= 0 ? 1.0 : 0.0;
            if (predicted == data.Target[r])
            {
                correct++;
            }
        }

        return (double)correct / data.Rows;
    }
}
