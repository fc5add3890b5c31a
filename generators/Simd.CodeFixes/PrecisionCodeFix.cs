using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Simd.CodeFixes
{
    /// <summary>
    /// Fixes SIMD0004 where a call computes in the other precision: <c>Math.Exp(x)</c> in a <see langword="float"/> kernel
    /// becomes <c>MathF.Exp(x)</c>, and <c>MathF.Exp(x)</c> in a <see langword="double"/> kernel becomes <c>Math.Exp(x)</c>.
    /// Offered only where the other class has the same function, so the fix always compiles.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrecisionCodeFix))]
    [Shared]
    public sealed class PrecisionCodeFix : CodeFixProvider
    {
        /// <summary>The diagnostic fixed: SIMD0004, a kernel mixes float and double.</summary>
        public const string DiagnosticId = "SIMD0004";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                    || node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { Expression: MemberAccessExpressionSyntax member } invocation
                    || Replacement(model, invocation, member, context.CancellationToken) is not { } other)
                {
                    continue;
                }

                string title = $"Use {other}.{member.Name.Identifier.Text}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Replace(context.Document, member, other, ct), equivalenceKey: title),
                    diagnostic);
            }
        }

        /// <summary>MathF for a Math call and Math for a MathF call, when the other class has the method; null otherwise.</summary>
        private static string? Replacement(SemanticModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol callee)
            {
                return null;
            }

            string? other = callee.ContainingType?.ToDisplayString() switch
            {
                "System.Math" => "MathF",
                "System.MathF" => "Math",
                _ => null,
            };

            INamedTypeSymbol? target = other is null ? null : model.Compilation.GetTypeByMetadataName("System." + other);
            return target is not null && target.GetMembers(callee.Name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == callee.Parameters.Length) ? other : null;
        }

        private static async Task<Document> Replace(Document document, MemberAccessExpressionSyntax member, string other, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            ExpressionSyntax receiver = member.Expression is MemberAccessExpressionSyntax qualified
                ? qualified.WithName(SyntaxFactory.IdentifierName(other))
                : SyntaxFactory.IdentifierName(other);
            MemberAccessExpressionSyntax replaced = member.WithExpression(receiver.WithTriviaFrom(member.Expression));
            return document.WithSyntaxRoot(root.ReplaceNode(member, replaced));
        }
    }
}
