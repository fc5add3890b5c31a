using System;
using System.Collections.Generic;
using System.Globalization;

namespace Simd.Evaluation;

/// <summary>
/// BLEU (Papineni et al., ACL 2002) exactly as sacreBLEU 2.x computes it (Post, WMT 2018): corpus and sentence
/// scores, its 13a, none and intl tokenisers, its four smoothing methods and its signature.
/// </summary>
/// <remarks>
/// As in sacreBLEU, hypotheses come first and references are given as streams: <c>referenceStreams[k][i]</c> is
/// the k-th reference of hypothesis i. Matches are clipped by the largest count of each n-gram in any one
/// reference, and the reference length of a segment is the one closest to the hypothesis (the shorter on a tie).
/// Each text is right-stripped and, with <see cref="BleuOptions.Lowercase"/>, lower-cased (Python's rules) before tokenising.
/// </remarks>
public static class Bleu
{
    /// <summary>The sacreBLEU release whose scores and signature this implementation reproduces (the signature's <c>version</c>).</summary>
    public const string SacreBleuVersion = "2.6.0";

    /// <summary>Corpus BLEU: n-gram statistics summed over all segments, then one score (sacreBLEU's <c>corpus_score</c>).</summary>
    /// <param name="hypotheses">The system outputs, at least one; empty strings count as empty segments.</param>
    /// <param name="referenceStreams">One or more streams, each with one reference per hypothesis. A null entry means that stream has no reference for that segment (the signature then says <c>nrefs:var</c> if the count varies).</param>
    /// <param name="options">The settings; null for sacreBLEU's defaults.</param>
    /// <returns>The score and its statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument, a hypothesis or a stream is null.</exception>
    /// <exception cref="ArgumentException">There are no hypotheses or no streams, a stream's length differs, or a segment has no reference at all.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static BleuScore Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> referenceStreams, BleuOptions? options = null)
    {
        options ??= BleuOptions.Default;
        options.Validate();
        CorpusArguments.Check(hypotheses, referenceStreams, nameof(hypotheses), referencesMayBeNull: true);

        int order = options.MaxNgramOrder;
        long[] correct = new long[order];
        long[] total = new long[order];
        long systemLength = 0, referenceLength = 0;
        var vocabulary = new TokenVocabulary();
        var referenceMax = new NGramCounts();
        var oneReference = new NGramCounts();
        var hypothesis = new NGramCounts();
        var referenceLengths = new List<int>();
        int? referencesPerSegment = null;
        bool variable = false;

        for (int i = 0; i < hypotheses.Count; i++)
        {
            referenceMax.Clear();
            referenceLengths.Clear();
            for (int k = 0; k < referenceStreams.Count; k++)
            {
                if (referenceStreams[k][i] is not string reference)
                {
                    continue;
                }

                int[] ids = vocabulary.IdsOfWords(Preprocess(reference, options));
                referenceLengths.Add(ids.Length);
                oneReference.Clear();
                oneReference.Add(ids, 1, order);
                referenceMax.MaxWith(oneReference);
            }

            if (referenceLengths.Count == 0)
            {
                throw new ArgumentException($"Segment {i} has no reference: every stream holds null there. Give at least one reference per hypothesis.", nameof(referenceStreams));
            }

            variable |= referencesPerSegment is int previous && previous != referenceLengths.Count;
            referencesPerSegment = referenceLengths.Count;

            int[] hypothesisIds = vocabulary.IdsOfWords(Preprocess(hypotheses[i], options));
            hypothesis.Clear();
            hypothesis.Add(hypothesisIds, 1, order);
            foreach (KeyValuePair<NGram, int> entry in hypothesis.Counts)
            {
                int n = entry.Key.Length - 1;
                total[n] += entry.Value;
                correct[n] += Math.Min(entry.Value, referenceMax[entry.Key]);
            }

            systemLength += hypothesisIds.Length;
            referenceLength += ClosestLength(hypothesisIds.Length, referenceLengths);
        }

        string signature = Signature(variable ? "var" : referencesPerSegment!.Value.ToString(CultureInfo.InvariantCulture), options);
        return FromStatistics(correct, total, systemLength, referenceLength, options, signature);
    }

    /// <summary>
    /// Sentence BLEU of one hypothesis (sacreBLEU's <c>sentence_bleu</c>). With no options, sacreBLEU's defaults
    /// with <see cref="BleuOptions.EffectiveOrder"/> on, as sacreBLEU's <c>sentence_bleu</c> and <c>--sentence-level</c> use.
    /// </summary>
    /// <param name="hypothesis">The system output.</param>
    /// <param name="references">Its references, at least one.</param>
    /// <param name="options">The settings; null for the defaults with effective order.</param>
    /// <returns>The score and its statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument or a reference is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="references"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static BleuScore Sentence(string hypothesis, IReadOnlyList<string> references, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new ArgumentException("Give at least one reference.", nameof(references));
        }

        var streams = new IReadOnlyList<string>[references.Count];
        for (int k = 0; k < streams.Length; k++)
        {
            streams[k] = [references[k] ?? throw new ArgumentNullException(nameof(references), $"references[{k}] is null.")];
        }

        return Corpus([hypothesis], streams, options ?? BleuOptions.Default with { EffectiveOrder = true });
    }

    /// <summary>BLEU from its sufficient statistics (sacreBLEU's <c>compute_bleu</c>), e.g. to combine counts gathered elsewhere.</summary>
    /// <param name="correct">Clipped matches per order 1 … n.</param>
    /// <param name="total">Hypothesis n-grams per order; the same length as <paramref name="correct"/>, which sets the maximum order.</param>
    /// <param name="systemLength">Hypothesis words.</param>
    /// <param name="referenceLength">Closest reference words.</param>
    /// <param name="options">Smoothing and effective order; null for the defaults. Its <see cref="BleuOptions.MaxNgramOrder"/> is ignored.</param>
    /// <returns>The score; its signature says <c>nrefs:?</c> since the references are not known here.</returns>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The arrays are empty or differ in length, or a count is negative or a match count exceeds its total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length is negative or an option is out of range.</exception>
    public static BleuScore FromStatistics(IReadOnlyList<long> correct, IReadOnlyList<long> total, long systemLength, long referenceLength, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(total);
        ArgumentOutOfRangeException.ThrowIfNegative(systemLength);
        ArgumentOutOfRangeException.ThrowIfNegative(referenceLength);
        if (correct.Count == 0 || correct.Count != total.Count)
        {
            throw new ArgumentException($"correct has {correct.Count} orders and total {total.Count}: give one count per n-gram order, at least one, in both.", nameof(total));
        }

        for (int n = 0; n < correct.Count; n++)
        {
            if (correct[n] < 0 || correct[n] > total[n])
            {
                throw new ArgumentException($"Order {n + 1}: {correct[n]} matches of {total[n]} n-grams; matches must lie between 0 and the total.", nameof(correct));
            }
        }

        options = (options ?? BleuOptions.Default) with { MaxNgramOrder = correct.Count };
        options.Validate();
        return FromStatistics([.. correct], [.. total], systemLength, referenceLength, options, Signature("?", options));
    }

    /// <summary>The words <paramref name="text"/> is split into for counting, space-separated, after right-stripping, optional lower-casing and tokenising.</summary>
    /// <param name="text">A hypothesis or reference.</param>
    /// <param name="options">The tokeniser and case setting; null for the defaults.</param>
    /// <returns>The tokenised text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Tokenize(string text, BleuOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Preprocess(text, options ?? BleuOptions.Default);
    }

    private static string Preprocess(string text, BleuOptions options)
    {
        string line = options.Lowercase ? PythonText.Lower(text) : text;
        return BleuTokenization.Tokenize(PythonText.TrimEnd(line), options.Tokenizer);
    }

    private static int ClosestLength(int hypothesisLength, List<int> referenceLengths)
    {
        int closest = referenceLengths[0];
        foreach (int length in referenceLengths)
        {
            int difference = Math.Abs(hypothesisLength - length), best = Math.Abs(hypothesisLength - closest);
            if (difference < best || (difference == best && length < closest))
            {
                closest = length;
            }
        }

        return closest;
    }

    private static string Signature(string references, BleuOptions options)
    {
        string smoothing = options.Smoothing switch
        {
            BleuSmoothing.Floor => $"floor[{PythonText.Fixed(options.EffectiveSmoothValue, 2)}]",
            BleuSmoothing.AddK => $"add-k[{PythonText.Fixed(options.EffectiveSmoothValue, 2)}]",
            BleuSmoothing.None => "none",
            _ => "exp",
        };
        string lowercase = options.Lowercase ? "lc" : "mixed";
        string effective = options.EffectiveOrder ? "yes" : "no";
        return $"nrefs:{references}|case:{lowercase}|eff:{effective}|tok:{BleuTokenization.Name(options.Tokenizer)}|smooth:{smoothing}|version:{SacreBleuVersion}";
    }

    /// <summary>sacreBLEU's <c>compute_bleu</c>.</summary>
    private static BleuScore FromStatistics(long[] correct, long[] total, long systemLength, long referenceLength, BleuOptions options, string signature)
    {
        int order = correct.Length;
        double brevityPenalty = systemLength >= referenceLength ? 1.0 : systemLength > 0 ? Math.Exp(1 - ((double)referenceLength / systemLength)) : 0.0;
        double[] precisions = new double[order];
        if (Array.TrueForAll(correct, c => c == 0))
        {
            return new BleuScore(0.0, correct, total, precisions, brevityPenalty, systemLength, referenceLength, signature);
        }

        double k = options.EffectiveSmoothValue;
        double smoothMteval = 1.0;
        int effectiveOrder = order;
        for (int n = 1; n <= order; n++)
        {
            double matches = correct[n - 1], count = total[n - 1];
            if (options.Smoothing == BleuSmoothing.AddK && n > 1)
            {
                matches += k;
                count += k;
            }

            if (count == 0)
            {
                break;
            }

            if (options.EffectiveOrder)
            {
                effectiveOrder = n;
            }

            if (matches == 0)
            {
                if (options.Smoothing == BleuSmoothing.Exponential)
                {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * count);
                }
                else if (options.Smoothing == BleuSmoothing.Floor)
                {
                    precisions[n - 1] = 100.0 * k / count;
                }
            }
            else
            {
                precisions[n - 1] = 100.0 * matches / count;
            }
        }

        double logSum = 0;
        for (int n = 0; n < effectiveOrder; n++)
        {
            logSum += precisions[n] == 0.0 ? -9999999999.0 : Math.Log(precisions[n]); // sacreBLEU's my_log
        }

        double score = brevityPenalty * Math.Exp(logSum / effectiveOrder);
        return new BleuScore(score, correct, total, precisions, brevityPenalty, systemLength, referenceLength, signature);
    }
}
