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

        /// <summary>
        /// The diagnostic at its place in <paramref name="compilation"/>'s syntax tree, so that .editorconfig
        /// severities apply to it (they are looked up by tree; an external-file location would bypass them).
        /// </summary>
        public Diagnostic ToDiagnostic(Compilation compilation)
        {
            SyntaxTree? tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
            Location location = tree is not null && Span.End <= tree.Length ? Location.Create(tree, Span) : Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(Diagnostics.ById(Id), location, Arguments.AsImmutableArray().ToArray());
        }
    }
}
