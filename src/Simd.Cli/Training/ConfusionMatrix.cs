using System.Collections.Generic;

namespace Simd.Cli.Training;

/// <summary>
/// Counts of (true class, predicted class) over the training rows, as scikit-learn's <c>confusion_matrix</c>: row i is
/// true class i, column j predicted class j, so the diagonal holds the rows classified correctly.
/// </summary>
internal sealed class ConfusionMatrix
{
    private ConfusionMatrix(int[][] counts, int correct, int total)
    {
        Counts = counts;
        Accuracy = (double)correct / total;
    }

    /// <summary>Counts[i][j]: rows of true class i predicted as class j.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Counts { get; }

    /// <summary>The fraction of rows on the diagonal.</summary>
    public double Accuracy { get; }

    /// <summary>The matrix of a softmax fit's predictions on its training rows.</summary>
    public static ConfusionMatrix Of(SoftmaxFit fit)
    {
        var counts = new int[fit.Classes][];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = new int[fit.Classes];
        }

        int correct = 0;
        for (int r = 0; r < fit.Labels.Count; r++)
        {
            counts[fit.Labels[r]][fit.Predictions[r]]++;
            correct += fit.Labels[r] == fit.Predictions[r] ? 1 : 0;
        }

        return new ConfusionMatrix(counts, correct, fit.Labels.Count);
    }
}
