using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>The model holds no symbols or syntax, so an edit that does not change a kernel regenerates nothing.</summary>
public sealed class IncrementalTests
{
    [Fact]
    public void UnrelatedEditLeavesEveryStepCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Samples.Losses, "namespace Other; public static class Unrelated { }");
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Other; public static class Unrelated { public const int X = 1; }", GeneratorHarness.ParseOptions, unrelated.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The transform may run again on a new compilation, but its models compare equal, so nothing after it runs.
        Assert.All(second.TrackedSteps[KernelGenerator.Steps.Parse].SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
        Assert.All(second.TrackedSteps[KernelGenerator.Steps.Kernels].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        // (The diagnostics output re-runs with the compilation, to place its diagnostics in syntax trees; the
        // source output's only input is the Kernels step, which is cached, so no source is regenerated.)
    }

    [Fact]
    public void CommentInTheKernelFileKeepsTheModelUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Samples.Losses);
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("// a comment\n" + Samples.Losses, GeneratorHarness.ParseOptions, tree.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The parse step re-runs on the edited file, but produces equal models, so everything after it is cached.
        Assert.All(second.TrackedSteps[KernelGenerator.Steps.Parse].SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached }));
        Assert.All(second.TrackedSteps[KernelGenerator.Steps.Kernels].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void ChangingAKernelRegeneratesIt()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Samples.Losses);
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Samples.Losses.Replace("return d * d;", "return d * d * d;"), GeneratorHarness.ParseOptions, tree.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[KernelGenerator.Steps.Parse].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("((d * d) * d)", second.GeneratedSources.Single(s => s.HintName == "Losses.SquaredError.float_LL.g.cs").SourceText.ToString());
    }

    [Fact]
    public void EditingOneKernelLeavesTheOthersOutputsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Samples.Losses);
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(Samples.Losses.Replace("return d * d;", "return d * d * d;"), GeneratorHarness.ParseOptions, tree.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // One output per kernel model: the edited kernel's is modified, every other kernel's is unchanged or cached,
        // so only Losses.SquaredError is emitted again.
        var outputs = second.TrackedSteps[KernelGenerator.Steps.Kernels].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(4, outputs.Count);
        Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(3, outputs.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
    }
}
