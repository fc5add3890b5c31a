using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>
/// Malformed and random kernel bodies never crash the generator and never make it emit code that fails
/// to compile: it either generates a kernel that compiles or reports a diagnostic.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "x", "y", "u", "1", "2.5f", "-0f", "float.NaN", "MathF.PI", "(", ")", "+", "-", "*", "/", "?", ":", "<", ">=", "==", "!=",
        "&&", "||", "!", ",", ";", "{", "}", "=", "+=", "return", "var", "float", "double", "int", "bool", "t", "if", "for", "while",
        "new", "[", "]", "\"s\"", "Math.Abs", "MathF.Sqrt", "Math.Max", "MathF.Exp", "Math.Exp", "MathF.Sin", "G", "K.F", "x++",
        "=>", "ref", "out", "null", "default", "typeof(float)", "this", "throw", "switch", "is", "as", "checked", "0x10", "1e40f",
        "for (int i = 0; i < 3; i++)", "if (x > y)", "else", "%", "float.IsNaN(x)", "float.Exp", "float.Max", "static float L(float a) => a * a;",
        "L(x)", "out y", "i", "break", "continue", "MathF.FusedMultiplyAdd",
    ];

    // Roslyn's names for syntax (IdentifierName, InvocationExpression, ModuloExpression, ForStatement…) are not C# words.
    private static readonly System.Text.RegularExpressions.Regex RoslynWords = new(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Expression|Statement|Syntax|Clause|IdentifierName)\b");

    private static readonly Arbitrary<string> Bodies =
        (from count in Gen.Choose(0, 25)
         from parts in Gen.ArrayOf(Gen.Elements(Fragments), count)
         select string.Join(" ", parts)).ToArbitrary();

    [Fact]
    public void RandomBodiesNeverCrashOrEmitBrokenCode()
        => Prop.ForAll(Bodies, body => Check($"[Kernel] public static float F(float x, float y, [Uniform] float u) {{ {body} }}"))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void RandomExpressionBodiesNeverCrashOrEmitBrokenCode()
        => Prop.ForAll(Bodies, body => Check($"[Kernel] public static float F(float x, float y, [Uniform] float u) => {body};"))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void RandomVoidBodiesNeverCrashOrEmitBrokenCode()
        => Prop.ForAll(Bodies, body => Check($"[Kernel] public static void F(ref float x, float y, [Uniform] float u) {{ {body} }}"))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Fact]
    public void TruncatedDeclarationsNeverCrash()
    {
        string full = Samples.Losses;
        for (int length = 0; length <= full.Length; length += 23)
        {
            GeneratorHarness.Result result = GeneratorHarness.Run(full[..length]);
            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratedCodeProblems.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
        }
    }

    private static void Check(string kernel)
    {
        string source = "using System; using Simd; /// <summary>k</summary>\npublic static partial class K { static float G(float v) => v; /// <summary>f</summary>\n" + kernel + " }";
        GeneratorHarness.Result result = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        string[] broken = result.GeneratedCodeProblems.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(broken.Length == 0, $"generated code does not compile for: {kernel}\n{string.Join("\n", broken)}");
        foreach (Microsoft.CodeAnalysis.Diagnostic diagnostic in result.GeneratorDiagnostics)
        {
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(RoslynWords.IsMatch(message), $"a diagnostic speaks Roslyn's words for: {kernel}\n{message}");
        }
    }
}
