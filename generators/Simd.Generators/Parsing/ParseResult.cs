using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>The outcome of parsing one [Kernel] method: a model when it is valid, and its diagnostics.</summary>
    internal sealed record ParseResult(KernelModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
