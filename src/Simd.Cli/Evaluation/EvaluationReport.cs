using System.Collections.Generic;
using Simd.Evaluation;

namespace Simd.Cli.Evaluation;

/// <summary>What <c>simd eval</c> computed: the inputs it read and the ROUGE or BLEU result.</summary>
/// <param name="Metric"><c>rouge</c> or <c>bleu</c>.</param>
/// <param name="Predictions">The predictions file as given.</param>
/// <param name="References">The reference files as given.</param>
/// <param name="Lines">Texts scored (lines of the predictions file).</param>
/// <param name="Rouge">The ROUGE means, for <c>rouge</c>.</param>
/// <param name="Confidence">The bootstrap intervals, when <c>--bootstrap</c> was given.</param>
/// <param name="UseStemmer">Whether ROUGE stemmed tokens.</param>
/// <param name="Bleu">The BLEU score, for <c>bleu</c>.</param>
internal sealed record EvaluationReport(
    string Metric,
    string Predictions,
    IReadOnlyList<string> References,
    int Lines,
    RougeScores? Rouge,
    RougeConfidence? Confidence,
    bool UseStemmer,
    BleuScore? Bleu);
