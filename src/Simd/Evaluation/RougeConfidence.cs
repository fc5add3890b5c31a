namespace Simd.Evaluation;

/// <summary>A bootstrap confidence interval of corpus ROUGE: per measure and per precision, recall and F-measure.</summary>
/// <param name="Low">The (1 − confidence)/2 percentile of the resampled means.</param>
/// <param name="Mid">The median of the resampled means (what rouge-score reports as <c>mid</c>).</param>
/// <param name="High">The (1 + confidence)/2 percentile.</param>
/// <param name="Samples">The number of resamples.</param>
/// <param name="Confidence">The coverage, e.g. 0.95.</param>
/// <param name="Seed">The seed the resamples were drawn with.</param>
public sealed record RougeConfidence(RougeScores Low, RougeScores Mid, RougeScores High, int Samples, double Confidence, int Seed);
