namespace Simd.Generators.Model
{
    /// <summary>One enclosing type of a kernel (outermost first), enough to re-open it as a partial declaration.</summary>
    internal sealed record ContainingType(string Keyword, string Name, string Modifiers);
}
