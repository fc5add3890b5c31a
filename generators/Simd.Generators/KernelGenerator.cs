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

            /// <summary>The valid kernels, all together (hint names are disambiguated across them).</summary>
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

            IncrementalValueProvider<ImmutableArray<KernelModel>> kernels = results
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .Collect()
                .WithTrackingName(Steps.Kernels);

            context.RegisterSourceOutput(kernels, static (spc, models) =>
            {
                ILookup<string, KernelModel> byHint = models.ToLookup(m => KernelSourceEmitter.HintName(m, disambiguate: false));
                foreach (IGrouping<string, KernelModel> group in byHint)
                {
                    bool clash = group.Count() > 1;
                    foreach (KernelModel model in group)
                    {
                        spc.AddSource(KernelSourceEmitter.HintName(model, clash), KernelSourceEmitter.Emit(model));
                    }
                }
            });
        }
    }
}
