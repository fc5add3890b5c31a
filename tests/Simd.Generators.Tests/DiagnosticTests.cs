using Simd.Tests.Shared;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>
/// Every diagnostic is reported at the construct it is about, with a message that says what to write
/// instead; and an invalid kernel produces no generated code that could fail to compile.
/// </summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("SIMD0001", "public static partial class K { [Kernel] public float F(float x) => x; }", "F", "Kernel 'F' must be static")]
    [InlineData("SIMD0002", "public class K { [Kernel] public static float F(float x) => x; }", "K", "must be a 'static partial class'")]
    [InlineData("SIMD0002", "public static class K { [Kernel] public static float F(float x) => x; }", "K", "must be a 'static partial class'")]
    [InlineData("SIMD0003", "public static partial class K { [Kernel] public static float F(float x, int n) => x; }", "n", "Parameter 'n' has type 'int'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x, double y) => x; }", "y", "Parameter 'y' is 'double' in a kernel over 'float'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x) => (float)Math.Exp(x); }", "Math.Exp(x)", "'System.Math.Exp' computes in 'double' in a kernel over 'float'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x) => (float)(x * 0.5); }", "(x * 0.5)", "computes in 'double'")]
    [InlineData("SIMD0005", "public static partial class K { [Kernel] public static int F(float x) => 1; }", "int", "returns 'int'")]
    [InlineData("SIMD0006", "public static partial class K { [Kernel] public static float F<T>(float x) => x; }", "F", "is generic")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { for (int i = 0; i < 3; i++) { x += 1; } return x; } }", "for", "loops run in the generated drivers")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { if (x > 0) x = 0; return x; } }", "if", "use the conditional operator ?:")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { return x; return x; } }", "return", "An early 'return'")]
    [InlineData("SIMD0008", "public static partial class K { static float[] t = new float[1]; [Kernel] public static float F(float x) => x * t[0]; }", "t[0]", "Indexing is not supported")]
    [InlineData("SIMD0008", "public static partial class K { static float s = 2; [Kernel] public static float F(float x) => x * s; }", "s", "pass the value as a [Uniform] parameter")]
    [InlineData("SIMD0009", "public static partial class K { static float G(float x) => x; [Kernel] public static float F(float x) => G(x); }", "G", "Call to 'K.G' is not supported")]
    [InlineData("SIMD0009", "public static partial class K { [Kernel] public static float F(float x) => MathF.Sin(x); }", "MathF.Sin", "Call to 'System.MathF.Sin'")]
    [InlineData("SIMD0010", "public static partial class K { [Kernel] public static float F([Uniform] float x) => x; }", "F", "has no lane parameter")]
    [InlineData("SIMD0011", "public static partial class K { [Kernel] public static void F(float x) { } }", "F", "is 'void' and has no 'ref' parameter")]
    [InlineData("SIMD0011", "public static partial class K { [Kernel] public static float F(ref float x) => x; }", "F", "returns a value and also has a 'ref' parameter")]
    [InlineData("SIMD0012", "public static partial class K { [Kernel] public static float F(float x, out float y) { y = x; return x; } }", "y", "declared 'out'")]
    [InlineData("SIMD0013", "public static partial class K { [Kernel(Reductions = Reduction.Sum)] public static void F(ref float x) => x = 1; }", "F", "is void, so it has no values to reduce")]
    [InlineData("SIMD0014", "public static partial class K { [Kernel] public static partial float F(float x); }", "F", "has no body")]
    [InlineData("SIMD0015", "public static partial class K { [Kernel] public static void G(ref float x) => x = 1; [Kernel] public static float F(float x) => G(ref x); }", "G(ref x)", "Kernel 'G' cannot be called here")]
    [InlineData("SIMD0017", "public static partial class K { [Kernel] public static float F(float destination) => destination; }", "destination", "is reserved")]
    public void ErrorIsReportedAtTheConstruct(string id, string body, string locatedText, string messagePart)
    {
        string source = "using System; using Simd; " + body;
        GeneratorHarness.Result result = GeneratorHarness.Run(source);

        Assert.Null(result.Exception);
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(locatedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(result.GeneratedCodeProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void UnusedParameterIsAWarningAndCodeIsStillGenerated()
    {
        const string source = "using Simd; /// <summary>k</summary>\npublic static partial class K { /// <summary>f</summary>\n[Kernel] public static float F(float x, float unused) => x; }";
        GeneratorHarness.Result result = GeneratorHarness.Run(source);

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SIMD0016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("unused", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal("Parameter 'unused' of kernel 'F' is never used; the generated overloads still require it (remove it, or use it)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(result.Sources);
        Assert.Empty(result.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void EveryDescriptorIsDocumentedAndTracked()
    {
        string root = RepositoryRoot.Find();
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "docs", "diagnostics.md"));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "generators", "Simd.Generators", "AnalyzerReleases.Unshipped.md"));
        for (int i = 1; i <= 17; i++)
        {
            string id = $"SIMD{i:0000}";
            Assert.Contains($"## {id}", docs);
            Assert.Contains(id + " |", releases);
        }
    }
}
