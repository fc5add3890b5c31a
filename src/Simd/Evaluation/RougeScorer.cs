using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Simd.Evaluation;

/// <summary>
/// ROUGE-N, ROUGE-L and ROUGE-Lsum as Google's <c>rouge-score</c> package computes them
/// (<c>rouge_scorer.RougeScorer([...], use_stemmer=...)</c>), so the numbers equal the ones papers report.
/// </summary>
/// <remarks>
/// <para>
/// Tokenisation is rouge-score's: lower-case (Python's rules), every character other than a–z and 0–9 becomes
/// a space, the text is split on spaces, and with <see cref="UseStemmer"/> every token longer than three
/// characters is replaced by its <see cref="PorterStemmer"/> stem. Non-Latin scripts therefore produce no tokens,
/// exactly as in rouge-score.
/// </para>
/// <para>
/// As in rouge-score, single-text methods take the reference first and the prediction second. The scorer is
/// thread-safe; it caches stems, so reuse one instance for a corpus.
/// </para>
/// </remarks>
public sealed class RougeScorer
{
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    /// <summary>Creates a scorer.</summary>
    /// <param name="useStemmer">Whether tokens longer than three characters are Porter-stemmed (rouge-score's <c>use_stemmer</c>; default off, as there).</param>
    public RougeScorer(bool useStemmer = false) => UseStemmer = useStemmer;

    /// <summary>Whether tokens longer than three characters are replaced by their Porter stem.</summary>
    public bool UseStemmer { get; }

    /// <summary>The tokens rouge-score's default tokenizer produces for <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>Lower-case alphanumeric tokens, stemmed when <see cref="UseStemmer"/> is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        string lower = PythonText.Lower(text);
        int i = 0;
        while (i < lower.Length)
        {
            while (i < lower.Length && !IsTokenChar(lower[i]))
            {
                i++;
            }

            int start = i;
            while (i < lower.Length && IsTokenChar(lower[i]))
            {
                i++;
            }

            if (i > start)
            {
                string token = lower[start..i];
                tokens.Add(UseStemmer && token.Length > 3 ? _stems.GetOrAdd(token, PorterStemmer.Stem) : token);
            }
        }

        return tokens;
    }

    /// <summary>ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of <paramref name="prediction"/> against one reference.</summary>
    /// <param name="reference">The reference (target) text; for ROUGE-Lsum its sentences are separated by <c>\n</c>.</param>
    /// <param name="prediction">The predicted text, likewise.</param>
    /// <returns>The four scores; 0 where either side has no tokens.</returns>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    public RougeScores Score(string reference, string prediction)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(prediction);
        var vocabulary = new TokenVocabulary();
        return Score(Prepare(reference, vocabulary), Prepare(prediction, vocabulary));
    }

    /// <summary>
    /// The scores against the best of several references, as rouge-score's <c>score_multi</c>: for each measure
    /// separately, the reference with the highest F-measure (the first of equal ones).
    /// </summary>
    /// <param name="references">One or more reference texts.</param>
    /// <param name="prediction">The predicted text.</param>
    /// <returns>Per measure, the scores against its best reference.</returns>
    /// <exception cref="ArgumentNullException">An argument or a reference is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="references"/> is empty.</exception>
    public RougeScores ScoreMulti(IReadOnlyList<string> references, string prediction)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(prediction);
        if (references.Count == 0)
        {
            throw new ArgumentException("Give at least one reference.", nameof(references));
        }

        var vocabulary = new TokenVocabulary();
        PreparedText predicted = Prepare(prediction, vocabulary);
        RougeScores? best = null;
        for (int k = 0; k < references.Count; k++)
        {
            string reference = references[k] ?? throw new ArgumentNullException(nameof(references), $"references[{k}] is null.");
            RougeScores scores = Score(Prepare(reference, vocabulary), predicted);
            best = best is null ? scores : new RougeScores(
                Better(best.Rouge1, scores.Rouge1), Better(best.Rouge2, scores.Rouge2), Better(best.RougeL, scores.RougeL), Better(best.RougeLsum, scores.RougeLsum));
        }

        return best!;
    }

    /// <summary>ROUGE-N for any n ≥ 1 (rouge-score's <c>rouge1</c> … <c>rouge9</c>): clipped n-gram matches.</summary>
    /// <param name="reference">The reference text.</param>
    /// <param name="prediction">The predicted text.</param>
    /// <param name="n">The n-gram length, at least 1.</param>
    /// <returns>The score; 0 where either side has fewer than n tokens.</returns>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public RougeScore RougeN(string reference, string prediction, int n)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(prediction);
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "ROUGE-N needs n ≥ 1 (rouge-score: 'rougen requires positive n').");
        }

        var vocabulary = new TokenVocabulary();
        return NGramScore(Prepare(reference, vocabulary).Tokens, Prepare(prediction, vocabulary).Tokens, n);
    }

    /// <summary>
    /// Scores a corpus: each prediction against its references (the best one per measure when there are several
    /// streams), and the mean of each precision, recall and F-measure over the predictions.
    /// </summary>
    /// <param name="predictions">The predicted texts, at least one.</param>
    /// <param name="referenceStreams">One or more streams of references, each with one text per prediction, in the same order.</param>
    /// <returns>The per-text scores and their means.</returns>
    /// <exception cref="ArgumentNullException">An argument, a stream or a text is null.</exception>
    /// <exception cref="ArgumentException">There are no predictions or no streams, or a stream's length differs from the predictions'.</exception>
    public RougeCorpusScores ScoreCorpus(IReadOnlyList<string> predictions, IReadOnlyList<IReadOnlyList<string>> referenceStreams)
    {
        CorpusArguments.Check(predictions, referenceStreams, nameof(predictions));
        var perText = new RougeScores[predictions.Count];
        var references = new string[referenceStreams.Count];
        for (int i = 0; i < perText.Length; i++)
        {
            for (int k = 0; k < references.Length; k++)
            {
                references[k] = referenceStreams[k][i];
            }

            perText[i] = references.Length == 1 ? Score(references[0], predictions[i]) : ScoreMulti(references, predictions[i]);
        }

        return new RougeCorpusScores(perText);
    }

    private static bool IsTokenChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static RougeScore Better(RougeScore best, RougeScore candidate) => candidate.FMeasure > best.FMeasure ? candidate : best;

    private static RougeScores Score(PreparedText reference, PreparedText prediction) => new(
        NGramScore(reference.Tokens, prediction.Tokens, 1),
        NGramScore(reference.Tokens, prediction.Tokens, 2),
        LcsScore(reference.Tokens, prediction.Tokens),
        SummaryLevelLcsScore(reference.Sentences, prediction.Sentences));

    private static RougeScore NGramScore(int[] reference, int[] prediction, int n)
    {
        var expected = new NGramCounts();
        expected.Add(reference, n, n);
        var predicted = new NGramCounts();
        predicted.Add(prediction, n, n);
        int matches = predicted.Overlap(expected);
        return RougeScore.FromCounts(matches, Math.Max(prediction.Length - n + 1, 1), Math.Max(reference.Length - n + 1, 1));
    }

    private static RougeScore LcsScore(int[] reference, int[] prediction)
    {
        if (reference.Length == 0 || prediction.Length == 0)
        {
            return default;
        }

        int lcs = LongestCommonSubsequence.Length(reference, prediction);
        return RougeScore.FromCounts(lcs, prediction.Length, reference.Length);
    }

    /// <summary>ROUGE-Lsum: union LCS per reference sentence, each token counted at most as often as both sides hold it (ROUGE-1.5.5).</summary>
    private static RougeScore SummaryLevelLcsScore(int[][] reference, int[][] prediction)
    {
        int m = 0, n = 0;
        var referenceCounts = new Dictionary<int, int>();
        var predictionCounts = new Dictionary<int, int>();
        Count(reference, referenceCounts, ref m);
        Count(prediction, predictionCounts, ref n);
        if (m == 0 || n == 0)
        {
            return default;
        }

        int hits = 0;
        var union = new SortedSet<int>();
        foreach (int[] sentence in reference)
        {
            union.Clear();
            foreach (int[] candidate in prediction)
            {
                LongestCommonSubsequence.AddIndices(sentence, candidate, union);
            }

            foreach (int index in union)
            {
                int token = sentence[index];
                if (predictionCounts.GetValueOrDefault(token) > 0 && referenceCounts.GetValueOrDefault(token) > 0)
                {
                    hits++;
                    predictionCounts[token]--;
                    referenceCounts[token]--;
                }
            }
        }

        return RougeScore.FromCounts(hits, n, m);
    }

    private static void Count(int[][] sentences, Dictionary<int, int> counts, ref int total)
    {
        foreach (int[] sentence in sentences)
        {
            total += sentence.Length;
            foreach (int token in sentence)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }
    }

    private PreparedText Prepare(string text, TokenVocabulary vocabulary)
    {
        int[] tokens = Ids(text, vocabulary);
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            // One sentence: the whole text (none when it is empty), already tokenised.
            return new PreparedText(tokens, text.Length == 0 ? [] : [tokens]);
        }

        // rouge-score's rougeLsum: split on "\n" only, drop empty strings, tokenise each sentence.
        var sentences = new List<int[]>();
        foreach (string sentence in text.Split('\n'))
        {
            if (sentence.Length > 0)
            {
                sentences.Add(Ids(sentence, vocabulary));
            }
        }

        return new PreparedText(tokens, sentences.ToArray());
    }

    private int[] Ids(string text, TokenVocabulary vocabulary)
    {
        IReadOnlyList<string> tokens = Tokenize(text);
        int[] ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = vocabulary.Id(tokens[i]);
        }

        return ids;
    }

    private readonly record struct PreparedText(int[] Tokens, int[][] Sentences);
}
