using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Simd.Generators.Model
{
    /// <summary>
    /// A diagnostic in equatable form: the descriptor's ID, the location as path and spans, the message
    /// arguments. Holding no <see cref="Location"/> keeps the model cacheable between runs.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
        {
            FileLinePositionSpan line = location.GetLineSpan();
            return new DiagnosticInfo(descriptor.Id, location.SourceTree?.FilePath ?? line.Path, location.SourceSpan, line.Span, arguments.ToEquatableArray());
        }

        public Diagnostic ToDiagnostic()
        {
            Location location = Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(Diagnostics.ById(Id), location, Arguments.AsImmutableArray().ToArray());
        }
    }
}
