using System;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>The ROUGE scores of every prediction of a corpus and their means.</summary>
public sealed class RougeCorpusScores
{
    internal RougeCorpusScores(RougeScores[] perText)
    {
        PerText = Array.AsReadOnly(perText);
        Mean = RougeBootstrap.Mean(perText);
    }

    /// <summary>The scores of each prediction, in input order.</summary>
    public IReadOnlyList<RougeScores> PerText { get; }

    /// <summary>
    /// The mean of each precision, recall and F-measure over the predictions (the F-measure is the mean of the
    /// per-text F-measures, not the F-measure of the mean precision and recall, as in rouge-score's aggregators).
    /// </summary>
    public RougeScores Mean { get; }

    /// <summary>Bootstrap confidence intervals of the means, as rouge-score's <c>BootstrapAggregator</c> computes them.</summary>
    /// <param name="samples">Resamples of the corpus (rouge-score: 1000), at least 1.</param>
    /// <param name="confidence">The interval's coverage, in [0, 1) (rouge-score: 0.95).</param>
    /// <param name="seed">Seed of the generator that draws the resamples, so the interval is reproducible.</param>
    /// <returns>The low, mid (median of the resampled means) and high percentiles.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1 or <paramref name="confidence"/> is outside [0, 1).</exception>
    public RougeConfidence Bootstrap(int samples = 1000, double confidence = 0.95, int seed = 0) =>
        RougeBootstrap.Estimate(PerText, samples, confidence, seed);
}
