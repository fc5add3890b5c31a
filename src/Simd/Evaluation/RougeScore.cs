namespace Simd.Evaluation;

/// <summary>One ROUGE measure: precision, recall and their harmonic mean, each in [0, 1].</summary>
/// <param name="Precision">Matches divided by the prediction's n-grams (or tokens, for ROUGE-L).</param>
/// <param name="Recall">Matches divided by the reference's n-grams (or tokens).</param>
/// <param name="FMeasure">2·P·R / (P + R), or 0 when P + R = 0.</param>
public readonly record struct RougeScore(double Precision, double Recall, double FMeasure)
{
    /// <summary>The score for <paramref name="matches"/> out of <paramref name="predicted"/> and <paramref name="expected"/>, as rouge-score computes it.</summary>
    internal static RougeScore FromCounts(int matches, int predicted, int expected) =>
        FromRatios((double)matches / predicted, (double)matches / expected);

    /// <summary>The score for a precision and a recall, with rouge-score's F-measure.</summary>
    internal static RougeScore FromRatios(double precision, double recall) =>
        new(precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
}
