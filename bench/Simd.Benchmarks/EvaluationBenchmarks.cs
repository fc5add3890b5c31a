using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Simd.Evaluation;

namespace Simd.Benchmarks;

/// <summary>
/// Scoring a 10,000-line corpus (about 20 words a line, one reference each): corpus BLEU with sacreBLEU's 13a
/// tokeniser and with <c>none</c> (pre-tokenised text, so nearly all the time is n-gram counting), and corpus
/// ROUGE-1/2/L/Lsum with and without the Porter stemmer.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 6)]
[MedianColumn]
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Lines = 10_000;
    private string[] _hypotheses = [];
    private string[][] _references = [];
    private static readonly BleuOptions Pretokenized = new() { Tokenizer = BleuTokenizer.None };

    /// <summary>A seeded corpus: references from a 5,000-word vocabulary with punctuation, hypotheses that drop, swap and replace words.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        string[] vocabulary = new string[5000];
        for (int i = 0; i < vocabulary.Length; i++)
        {
            var word = new StringBuilder();
            int length = 2 + random.Next(9);
            for (int c = 0; c < length; c++)
            {
                word.Append((char)('a' + random.Next(26)));
            }

            vocabulary[i] = word.ToString();
        }

        _hypotheses = new string[Lines];
        var references = new string[Lines];
        for (int line = 0; line < Lines; line++)
        {
            var reference = new StringBuilder();
            var hypothesis = new StringBuilder();
            int words = 10 + random.Next(21);
            for (int w = 0; w < words; w++)
            {
                // Squaring the uniform draw skews towards frequent words, as text does.
                double u = random.NextDouble();
                string word = vocabulary[(int)(u * u * vocabulary.Length)];
                reference.Append(word).Append(w % 7 == 6 ? ", " : " ");
                double r = random.NextDouble();
                if (r >= 0.1)
                {
                    hypothesis.Append(r < 0.25 ? vocabulary[random.Next(vocabulary.Length)] : word).Append(' ');
                }
            }

            references[line] = reference.Append('.').ToString();
            _hypotheses[line] = hypothesis.Append('.').ToString();
        }

        _references = [references];
    }

    /// <summary>Corpus BLEU, 13a tokeniser (sacreBLEU's default).</summary>
    [Benchmark(Baseline = true)]
    public double Bleu13a() => Bleu.Corpus(_hypotheses, _references).Score;

    /// <summary>Corpus BLEU on whitespace-split text: the n-gram counting alone.</summary>
    [Benchmark]
    public double BleuPretokenized() => Bleu.Corpus(_hypotheses, _references, Pretokenized).Score;

    /// <summary>Corpus ROUGE-1, -2, -L and -Lsum.</summary>
    [Benchmark]
    public double Rouge() => new RougeScorer().ScoreCorpus(_hypotheses, _references).Mean.Rouge1.FMeasure;

    /// <summary>Corpus ROUGE with the Porter stemmer (a fresh scorer, so its stem cache starts empty).</summary>
    [Benchmark]
    public double RougeStemmed() => new RougeScorer(useStemmer: true).ScoreCorpus(_hypotheses, _references).Mean.Rouge1.FMeasure;
}
