using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>
    /// The outcome of parsing one [Kernel] method: its models when it is valid (one, or one per element type for a
    /// generic kernel), and its diagnostics.
    /// </summary>
    internal sealed record ParseResult(EquatableArray<KernelModel> Models, EquatableArray<DiagnosticInfo> Diagnostics);
}
