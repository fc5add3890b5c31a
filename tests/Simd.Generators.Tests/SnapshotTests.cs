using Simd.Tests.Shared;
using System;
using System.IO;
using Xunit;

namespace Simd.Generators.Tests;

/// <summary>
/// The generated code of a few kernels, compared with reviewed snapshots in Snapshots/. After a deliberate
/// change to the emitters, run the tests with SIMD_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Losses.SquaredError.float_LL.g.cs")]
    [InlineData("Losses.Step.float_RLU.g.cs")]
    [InlineData("Losses.Calls.float_LLLL.g.cs")]
    public void GeneratedSourceMatchesTheSnapshot(string hintName) => Check(Samples.Losses, hintName);

    [Fact]
    public void MixedFloatAndIntKernelMatchesTheSnapshot() => Check(Samples.Integers, "Codes.Quantize.int_LfUfU.g.cs");

    private static void Check(string sample, string hintName)
    {
        string actual = GeneratorHarness.Run(sample).Sources[hintName].ReplaceLineEndings("\n");
        string path = Path.Combine(RepositoryRoot.Find(), "tests", "Simd.Generators.Tests", "Snapshots", hintName + ".txt");
        if (Environment.GetEnvironmentVariable("SIMD_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing snapshot {path}; run with SIMD_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>With Simd.Cuda referenced: the device function, its definition and the device overloads of kernels with several outputs.</summary>
    [Theory]
    [InlineData("Steps.Momentum.float_RRLUU.g.cs")]
    [InlineData("Steps.SigmoidWithGrad.float_LO.g.cs")]
    [InlineData("Steps.SquaredError.float_LL.g.cs")]
    public void GeneratedDeviceSourceMatchesTheSnapshot(string hintName)
    {
        GeneratorHarness.Result result = GeneratorHarness.RunWithCuda(Samples.DeviceOptimizers);
        Assert.Empty(result.GeneratedCodeProblems);
        string actual = result.Sources[hintName].ReplaceLineEndings("\n");
        string path = Path.Combine(RepositoryRoot.Find(), "tests", "Simd.Generators.Tests", "Snapshots", hintName + ".txt");
        if (Environment.GetEnvironmentVariable("SIMD_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing snapshot {path}; run with SIMD_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
