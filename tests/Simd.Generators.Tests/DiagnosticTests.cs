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
    [InlineData("SIMD0003", "public static partial class K { [Kernel] public static float F(float x, short n) => x; }", "n", "Parameter 'n' has type 'short'; kernel parameters are 'float', 'double', 'int' or 'long'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x, double y) => x; }", "y", "Parameter 'y' is 'double' in a kernel over 'float'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x) => (float)Math.Exp(x); }", "Math.Exp(x)", "'System.Math.Exp' computes in 'double' in a kernel over 'float'")]
    [InlineData("SIMD0004", "public static partial class K { [Kernel] public static float F(float x) => (float)(x * 0.5); }", "(x * 0.5)", "computes in 'double'")]
    [InlineData("SIMD0005", "public static partial class K { [Kernel] public static short F(float x) => 1; }", "short", "returns 'short'; a kernel returns 'float', 'double', 'int', 'long'")]
    [InlineData("SIMD0006", "public static partial class K { [Kernel] public static T F<T, U>(T x) => x; }", "F", "has 2 type parameters")]
    [InlineData("SIMD0006", "public static partial class K { [Kernel] public static T F<T>(T x) where T : System.Numerics.IBinaryInteger<T> => x; }", "F", "constrains 'T' to 'System.Numerics.IBinaryInteger<T>', which 'float' does not meet")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { while (x > 1) { x -= 1; } return x; } }", "while", "A 'while' loop is not supported in a kernel body; write 'for (int i = A; i < B; i++)' with bounds known at compile time")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { switch (x) { default: return x; } } }", "switch", "A 'switch' statement is not supported in a kernel body; use if / else if / else")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { for (int i = 0; i < 3; i++) { if (x > 0) break; x += 1; } return x; } }", "break", "'break' is not supported")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static float F(float x) { if (x > 0) throw new System.Exception(); return x; } }", "throw", "Throwing is not supported in a kernel body")]
    [InlineData("SIMD0008", "public static partial class K { static float[] t = new float[1]; [Kernel] public static float F(float x) => x * t[0]; }", "t[0]", "Indexing is not supported")]
    [InlineData("SIMD0008", "public static partial class K { static float s = 2; [Kernel] public static float F(float x) => x * s; }", "s", "pass the value as a [Uniform] parameter")]
    [InlineData("SIMD0009", "public static class H { public static float G(float x) => x; } public static partial class K { [Kernel] public static float F(float x) => H.G(x); }", "H.G", "Call to 'H.G' is not supported in a kernel; call Abs, Min, Max")]
    [InlineData("SIMD0009", "public static partial class K { [Kernel] public static float F(float x) => MathF.Asin(x); }", "MathF.Asin", "Call to 'System.MathF.Asin'")]
    [InlineData("SIMD0010", "public static partial class K { [Kernel] public static float F([Uniform] float x) => x; }", "F", "has no lane parameter")]
    [InlineData("SIMD0011", "public static partial class K { [Kernel] public static void F(float x) { } }", "F", "is 'void' and has no 'ref' or 'out' parameter to write")]
    [InlineData("SIMD0012", "public static partial class K { [Kernel] public static float F(float x, in float y) => x + y; }", "y", "declared 'in'")]
    [InlineData("SIMD0012", "public static partial class K { [Kernel] public static void F(float x, [Uniform] out float y) { y = x; } }", "y", "declared 'out [Uniform]'")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static float F(float x, float y) => x % y; }", "%", "The remainder operator '%' is not supported in a kernel body; '%' has no vector instruction")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a, int b) => a / b; }", "/", "The integer division 'a / b' is not supported in a kernel body; vectors have no integer division instruction; divide before calling the kernel")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a, int b) { a /= b; return a; } }", "/=", "The integer division 'a /= b' is not supported")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static long F(long a, long b) => a % b; }", "%", "The integer remainder 'a % b' is not supported in a kernel body; vectors have no integer division instruction; compute the remainder before calling the kernel, or mask with '& (n - 1)'")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a) => checked(a * 2); }", "checked", "'checked(a * 2)' is not supported in a kernel body; the vector paths wrap on overflow as unchecked C# does")]
    [InlineData("SIMD0007", "public static partial class K { [Kernel] public static int F(int a) { checked { a *= 2; } return a; } }", "checked", "A 'checked' block is not supported in a kernel body; the vector paths wrap on overflow")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a) => Math.Abs(a); }", "Math.Abs(a)", "'System.Math.Abs' of an 'int' is not supported in a kernel body; it throws OverflowException for int.MinValue in the scalar method, which the vector paths cannot; write 'x < 0 ? -x : x'")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a) => Math.Sign(a); }", "Math.Sign(a)", "on integers a kernel has Min, Max and Clamp")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a, int b) => a << b; }", "b", "The shift count 'b', which is neither a constant nor a [Uniform] parameter is not supported in a kernel body; every lane of a vector shifts by the same count")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a, [Uniform] int n) { n = a; return a << n; } }", "n", "The shift count 'n', a [Uniform] parameter that the body assigns, is not supported in a kernel body; every lane of a vector shifts by the same count: shift by a constant or by an integer [Uniform] parameter of the kernel that the body does not assign")]
    [InlineData("SIMD0008", "public static partial class K { [Kernel] public static int F(int a, [Uniform] int b) => a + (short)b; }", "(short)b", "An expression of type 'short' is not supported in a kernel body; kernels compute with 'float' and 'int' values")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static float F(float x, long n) => x; }", "n", "Parameter 'n' is 'long' in a kernel over 'float'; every vector of a kernel holds as many elements, so its values have one width: a 32-bit kernel computes with 'float' and 'int'")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static double F(double x, int i) => x + i; }", "i", "Parameter 'i' is 'int' in a kernel over 'double'; every vector of a kernel holds as many elements, so its values have one width: a 64-bit kernel computes with 'double' and 'long' (and takes 'int' uniforms as shift counts only)")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static double F(double x, [Uniform] int i) => x + i; }", "i", "'i' computes in 'int' in a kernel over 'double'")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static int F(int i) { long l = i; return i; } }", "long", "The local 'l' of type 'long' in a kernel over 'int'")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static float F(float x) => (float)(long)x; }", "(long)x", "'(long)x' computes in 'long' in a kernel over 'float'")]
    [InlineData("SIMD0020", "public static partial class K { [Kernel] public static float F(int i) => (float)(double)i; }", "(double)i", "'(double)i' computes in 'double' in a kernel over 'float'")]
    [InlineData("SIMD0018", "public static partial class K { [Kernel] public static float F(float x) { for (int i = 0; i < 100; i++) { x += 1; } return x; } }", "for", "This 'for' loop runs more than 64 times")]
    [InlineData("SIMD0018", "public static partial class K { [Kernel] public static float F(float x, [Uniform] float n) { for (int i = 0; i < n; i++) { x += 1; } return x; } }", "for", "whose condition is not 'i < N'")]
    [InlineData("SIMD0018", "public static partial class K { [Kernel] public static float F(float x) { for (int i = 0; i < 4; i++) { i += 1; x += 1; } return x; } }", "for", "whose body changes its counter 'i'")]
    [InlineData("SIMD0019", "public static partial class K { [Kernel] public static float F(float x) { float G(float y) => y * x; return G(2f); } }", "G(2f)", "'G' cannot be inlined into the kernel: the local function is not static")]
    [InlineData("SIMD0019", "public static partial class K { static float G(float y) => G(y); [Kernel] public static float F(float x) => G(x); }", "G(y)", "it calls itself")]
    [InlineData("SIMD0019", "public static partial class K { static float G(ref float y) => y; [Kernel] public static float F(float x) => G(ref x); }", "G(ref x)", "it has a 'ref', 'out' or 'in' parameter")]
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
        for (int i = 1; i <= 20; i++)
        {
            string id = $"SIMD{i:0000}";
            Assert.Contains($"## {id}", docs);
            Assert.Contains(id + " |", releases);
        }
    }
}
