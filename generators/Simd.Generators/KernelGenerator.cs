using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Simd.Generators.Emit;
using Simd.Generators.Model;
using Simd.Generators.Parsing;

namespace Simd.Generators
{
    /// <summary>
    /// The pipeline only: find [Kernel] methods, parse each into an equatable model (or diagnostics), emit
    /// one source file per kernel. Diagnostics are reported from their own step so they never invalidate
    /// the cached sources.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class KernelGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps, asserted by the incrementality tests.</summary>
        public static class Steps
        {
            /// <summary>The parse step: one result per [Kernel] method.</summary>
            public const string Parse = "Parse";

            /// <summary>The valid kernels, one model each (a generic kernel has one per element type).</summary>
            public const string Kernels = "Kernels";
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KernelParser.KernelAttributeName,
                    predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                    transform: static (ctx, ct) => KernelParser.Parse(ctx, ct))
                .WithTrackingName(Steps.Parse);

            // Only this step sees the compilation (to place diagnostics in their syntax trees); the sources never do.
            context.RegisterSourceOutput(results.Select(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider), static (spc, pair) =>
            {
                foreach (DiagnosticInfo diagnostic in pair.Left)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
                }
            });

            // One output per kernel model, so an edit to one kernel re-emits that kernel only. Hint names are unique per
            // element type and parameter kinds, so no output needs to see the others.
            IncrementalValuesProvider<KernelModel> kernels = results
                .SelectMany(static (r, _) => r.Models)
                .WithTrackingName(Steps.Kernels);

            context.RegisterSourceOutput(kernels, static (spc, model) => spc.AddSource(KernelSourceEmitter.HintName(model), KernelSourceEmitter.Emit(model)));
        }
    }
}
