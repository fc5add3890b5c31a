using System;

namespace Simd.Evaluation;

/// <summary>The settings of a BLEU computation; every default is sacreBLEU's.</summary>
public sealed record BleuOptions
{
    /// <summary>sacreBLEU's defaults: 13a, exp smoothing, case-sensitive, n-grams up to 4, no effective order.</summary>
    public static BleuOptions Default { get; } = new();

    /// <summary>The tokeniser (sacreBLEU <c>--tokenize</c>); default <see cref="BleuTokenizer.Mteval13a"/>.</summary>
    public BleuTokenizer Tokenizer { get; init; } = BleuTokenizer.Mteval13a;

    /// <summary>The smoothing method (<c>--smooth-method</c>); default <see cref="BleuSmoothing.Exponential"/>.</summary>
    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exponential;

    /// <summary>The value for <see cref="BleuSmoothing.Floor"/> (default 0.1) and <see cref="BleuSmoothing.AddK"/> (default 1); null for the default. Ignored by the other methods.</summary>
    public double? SmoothValue { get; init; }

    /// <summary>Whether hypotheses and references are lower-cased first (<c>--lowercase</c>, signature <c>case:lc</c>).</summary>
    public bool Lowercase { get; init; }

    /// <summary>The longest n-gram counted (<c>max_ngram_order</c>); default 4.</summary>
    public int MaxNgramOrder { get; init; } = 4;

    /// <summary>
    /// Whether orders with no n-grams at all are left out of the geometric mean (<c>effective_order</c>), which
    /// sentence BLEU needs for short sentences. Off for corpus BLEU, as in sacreBLEU.
    /// </summary>
    public bool EffectiveOrder { get; init; }

    /// <summary>The smoothing value in effect: <see cref="SmoothValue"/> or the method's default.</summary>
    internal double EffectiveSmoothValue => SmoothValue ?? (Smoothing == BleuSmoothing.AddK ? 1 : 0.1);

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        if (MaxNgramOrder < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNgramOrder), MaxNgramOrder, "BLEU counts n-grams up to MaxNgramOrder, which must be at least 1 (sacreBLEU: 4).");
        }

        if (SmoothValue is double value && !(double.IsFinite(value) && value >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SmoothValue), value, "The smoothing value must be a finite number ≥ 0.");
        }

        if (!Enum.IsDefined(Tokenizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Tokenizer), Tokenizer, "Unknown tokenizer.");
        }

        if (!Enum.IsDefined(Smoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Unknown smoothing method.");
        }
    }
}
