using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Simd.CodeFixes;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>
/// The code fix for SIMD0004 applied the way an IDE applies it: the generator reports the diagnostic on a document of a
/// workspace, the provider registers its fix for it, and the fixed document compiles and generates without errors.
/// </summary>
public sealed class CodeFixTests
{
    [Theory]
    [InlineData("[Kernel] public static float F(float x) => (float)Math.Exp(x);", "[Kernel] public static float F(float x) => (float)MathF.Exp(x);", "Use MathF.Exp")]
    [InlineData("[Kernel] public static float F(float x) => (float)System.Math.Tanh(x) + 1f;", "[Kernel] public static float F(float x) => (float)System.MathF.Tanh(x) + 1f;", "Use MathF.Tanh")]
    [InlineData("[Kernel] public static double F(double x) => MathF.Sqrt(2f) * x;", "[Kernel] public static double F(double x) => Math.Sqrt(2f) * x;", "Use Math.Sqrt")]
    public void The_call_in_the_other_precision_is_rewritten(string kernel, string fixedKernel, string title)
    {
        string source = "using System; using Simd; public static partial class K { " + kernel + " }";
        (string text, string action) = ApplyFix(source);
        Assert.Equal(title, action);
        Assert.Equal("using System; using Simd; public static partial class K { " + fixedKernel + " }", text);

        GeneratorHarness.Result after = GeneratorHarness.Run(text);
        Assert.DoesNotContain(after.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(after.Sources);
    }

    [Fact]
    public void A_mixed_parameter_gets_no_fix()
    {
        // SIMD0004 on a parameter's type has no mechanical rewrite: nothing is offered.
        const string source = "using System; using Simd; public static partial class K { [Kernel] public static float F(float x, double y) => x; }";
        Assert.Empty(Actions(source));
    }

    private static (string Text, string Title) ApplyFix(string source)
    {
        (Document document, List<CodeAction> actions) = ActionsFor(source);
        CodeAction action = Assert.Single(actions);
        ImmutableArray<CodeActionOperation> operations = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Solution changed = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations)).ChangedSolution;
        return (changed.GetDocument(document.Id)!.GetTextAsync().GetAwaiter().GetResult().ToString(), action.Title);
    }

    private static List<CodeAction> Actions(string source) => ActionsFor(source).Actions;

    private static (Document Document, List<CodeAction> Actions) ActionsFor(string source)
    {
        var workspace = new AdhocWorkspace();
        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: compilation.References));
        Document document = workspace.AddDocument(project.Id, "Kernels0.cs", SourceText.From(source));

        // The generator's diagnostics, located in the document's own tree.
        Compilation documentCompilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(documentCompilation, out _, out ImmutableArray<Diagnostic> diagnostics);
        var provider = new PrecisionCodeFix();
        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        }

        return (document, actions);
    }
}
