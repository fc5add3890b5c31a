using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Simd.Generators;

namespace Simd.Generators.Tests;

/// <summary>Runs <see cref="KernelGenerator"/> over source text and compiles the result against the Simd runtime.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = trusted.Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return paths.Append(typeof(Simd.KernelAttribute).Assembly.Location).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private static readonly Lazy<MetadataReference[]> CudaReferences = new(() =>
        [.. References.Value, MetadataReference.CreateFromFile(typeof(Simd.Cuda.DeviceBuffer<>).Assembly.Location)]);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview, DocumentationMode.Diagnose);

    public static CSharpCompilation Compile(params string[] sources) => Compile(References.Value, sources);

    /// <summary>Like <see cref="Compile(string[])"/>, with Simd.Cuda referenced too, so kernels get device overloads.</summary>
    public static CSharpCompilation CompileWithCuda(params string[] sources) => Compile(CudaReferences.Value, sources);

    private static CSharpCompilation Compile(MetadataReference[] references, string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Kernels{i}.cs")),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, warningLevel: 9999));

    public static GeneratorDriver Driver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new KernelGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns its diagnostics, the generated sources and the final compilation's diagnostics.</summary>
    public static Result Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Like <see cref="Run(string[])"/>, with Simd.Cuda referenced.</summary>
    public static Result RunWithCuda(params string[] sources) => Run(CompileWithCuda(sources));

    private static Result Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult run = driver.GetRunResult();
        Exception? exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        return new Result(
            generatorDiagnostics,
            run.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()),
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
            exception);
    }

    public sealed record Result(
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        Dictionary<string, string> Sources,
        ImmutableArray<Diagnostic> CompilationDiagnostics,
        Exception? Exception)
    {
        /// <summary>Compiler warnings and errors located in generated files.</summary>
        public IEnumerable<Diagnostic> GeneratedCodeProblems => CompilationDiagnostics.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }
}
