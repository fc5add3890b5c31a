namespace Simd.Evaluation;

/// <summary>How BLEU splits text into words before counting n-grams: sacreBLEU's <c>--tokenize</c>.</summary>
public enum BleuTokenizer
{
    /// <summary>
    /// sacreBLEU's default <c>13a</c> (mteval-v13a.pl, as WMT uses): unescapes <c>&amp;quot; &amp;amp; &amp;lt; &amp;gt;</c>,
    /// drops <c>&lt;skipped&gt;</c>, and splits off ASCII punctuation and symbols, keeping <c>.</c> and <c>,</c> between digits and <c>-</c> after a letter.
    /// </summary>
    Mteval13a,

    /// <summary>sacreBLEU's <c>none</c>: the text is already tokenised; only white space separates words.</summary>
    None,

    /// <summary>
    /// sacreBLEU's <c>intl</c> (mteval-v14.pl international): splits off every Unicode punctuation mark not between
    /// digits and every Unicode symbol.
    /// </summary>
    International,
}
