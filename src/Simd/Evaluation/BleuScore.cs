using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Simd.Evaluation;

/// <summary>A BLEU score with the statistics it was computed from, as sacreBLEU's <c>BLEUScore</c> reports them.</summary>
public sealed class BleuScore
{
    internal BleuScore(double score, long[] counts, long[] totals, double[] precisions, double brevityPenalty, long systemLength, long referenceLength, string signature)
    {
        Score = score;
        Counts = Array.AsReadOnly(counts);
        Totals = Array.AsReadOnly(totals);
        Precisions = Array.AsReadOnly(precisions);
        BrevityPenalty = brevityPenalty;
        SystemLength = systemLength;
        ReferenceLength = referenceLength;
        Signature = signature;
    }

    /// <summary>BLEU in [0, 100] (sacreBLEU's <c>score</c>).</summary>
    public double Score { get; }

    /// <summary>Clipped n-gram matches per order 1 … <see cref="BleuOptions.MaxNgramOrder"/>, before any smoothing.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Hypothesis n-grams per order, before any smoothing.</summary>
    public IReadOnlyList<long> Totals { get; }

    /// <summary>The (smoothed) n-gram precisions in percent, per order (sacreBLEU's <c>precisions</c>).</summary>
    public IReadOnlyList<double> Precisions { get; }

    /// <summary>min(1, e^(1 − r/c)) for hypothesis length c and reference length r (sacreBLEU's <c>bp</c>).</summary>
    public double BrevityPenalty { get; }

    /// <summary>Hypothesis words, summed over the corpus (<c>sys_len</c>).</summary>
    public long SystemLength { get; }

    /// <summary>Per segment the length of the reference closest in length to the hypothesis (the shorter on a tie), summed (<c>ref_len</c>).</summary>
    public long ReferenceLength { get; }

    /// <summary>System length over reference length, 0 when the references are empty.</summary>
    public double Ratio => ReferenceLength == 0 ? 0 : (double)SystemLength / ReferenceLength;

    /// <summary>sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0</c>.</summary>
    public string Signature { get; }

    /// <summary>The line sacreBLEU prints, e.g. <c>BLEU|nrefs:2|…|version:2.6.0 = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)</c>.</summary>
    /// <param name="width">Decimals of the score (sacreBLEU's <c>--width</c>; its command line prints 1, its <c>str()</c> 2).</param>
    /// <returns>The line, with numbers rounded as Python rounds them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is negative or above 17.</exception>
    public string Format(int width = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 17);
        string precisions = string.Join('/', Precisions.Select(p => PythonText.Fixed(p, 1)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"BLEU|{Signature} = {PythonText.Fixed(Score, width)} {precisions} (BP = {PythonText.Fixed(BrevityPenalty, 3)} ratio = {PythonText.Fixed(Ratio, 3)} hyp_len = {SystemLength} ref_len = {ReferenceLength})");
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
