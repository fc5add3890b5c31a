using System.Linq;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>The generated code compiles without a single warning, documentation included.</summary>
public sealed class CompilationTests
{
    [Fact]
    public void GeneratedCodeCompilesWithoutWarnings()
    {
        GeneratorHarness.Result result = GeneratorHarness.Run(Samples.Losses);

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(["Losses.Calls.float_LLLL.g.cs", "Losses.Huber.double_LU.g.cs", "Losses.SquaredError.float_LL.g.cs", "Losses.Step.float_RLU.g.cs"], result.Sources.Keys.Order());
        Assert.Empty(result.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void OverloadsWithTheSameNameGetDistinctFiles()
    {
        GeneratorHarness.Result result = GeneratorHarness.Run("""
            namespace N;
            /// <summary>k</summary>
            public static partial class K
            {
                /// <summary>f</summary>
                [Simd.Kernel] public static float F(float x) => x + 1;
                /// <summary>f</summary>
                [Simd.Kernel] public static double F(double x) => x + 1;
            }
            """);

        Assert.Equal(["K.F.double_L.g.cs", "K.F.float_L.g.cs"], result.Sources.Keys.Order());
        Assert.Empty(result.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void NestedAndGlobalNamespaceKernels()
    {
        GeneratorHarness.Result result = GeneratorHarness.Run("""
            /// <summary>o</summary>
            public static partial class Outer
            {
                /// <summary>i</summary>
                public static partial class Inner
                {
                    /// <summary>g</summary>
                    [Simd.Kernel(Reductions = Simd.Reduction.Max)] public static float G(float x, [Simd.Uniform] float y) => x * y;
                }
            }
            """);

        Assert.Equal(["Outer.Inner.G.float_LU.g.cs"], result.Sources.Keys);
        Assert.Empty(result.CompilationDiagnostics.Select(d => d.ToString()));
    }
}
