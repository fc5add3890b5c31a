namespace Simd.Evaluation;

/// <summary>How BLEU treats an n-gram order with no matches: sacreBLEU's <c>--smooth-method</c> (Chen and Cherry, WMT 2014).</summary>
public enum BleuSmoothing
{
    /// <summary>sacreBLEU's default <c>exp</c> (mteval-v13a, Chen and Cherry's method 3): the k-th order without matches counts as 1/2^k matches.</summary>
    Exponential,

    /// <summary><c>floor</c> (method 1): an order without matches counts as <see cref="BleuOptions.SmoothValue"/> matches (default 0.1).</summary>
    Floor,

    /// <summary><c>add-k</c> (method 2): <see cref="BleuOptions.SmoothValue"/> (default 1) is added to the matches and totals of every order above 1.</summary>
    AddK,

    /// <summary><c>none</c>: an order without matches makes the score 0.</summary>
    None,
}
