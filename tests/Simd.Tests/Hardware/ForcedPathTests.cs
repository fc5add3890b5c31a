using System;
using System.Runtime.Intrinsics;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Hardware;

/// <summary>
/// <c>SIMD_FORCE_PATH</c>: how its value is read, and what a process that set it reports. CI runs the whole suite once
/// with <c>SIMD_FORCE_PATH=Avx512</c> on machines without AVX-512, so there these facts are checked in the forced run.
/// </summary>
public sealed class ForcedPathTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_unset_or_empty_value_forces_nothing(string? value) => Assert.Null(SimdHardware.ParseForcedPath(value));

    [Theory]
    [InlineData("Avx512", SimdPath.Avx512)]
    [InlineData("avx512", SimdPath.Avx512)]
    [InlineData(" AVX2 ", SimdPath.Avx2)]
    [InlineData("Vector128", SimdPath.Vector128)]
    [InlineData("scalar", SimdPath.Scalar)]
    public void Each_forcible_path_is_accepted_in_any_case(string value, SimdPath expected)
        => Assert.Equal(expected, SimdHardware.ParseForcedPath(value));

    [Theory]
    [InlineData("VectorT")]
    [InlineData("Avx1024")]
    [InlineData("3")]
    public void Any_other_value_is_an_error_naming_the_accepted_values(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SimdHardware.ParseForcedPath(value));
        Assert.Equal(
            $"SIMD_FORCE_PATH='{value}' is not a path that can be forced. Accepted values: Avx512, Avx2, Vector128, Scalar "
            + "(or leave it unset to take the path this processor has).",
            error.Message);
    }

    [Fact]
    public void The_process_reports_whether_its_path_was_forced_and_whether_it_is_accelerated()
    {
        string? forced = Environment.GetEnvironmentVariable(SimdHardware.ForcePathVariable);
        Assert.Equal(!string.IsNullOrWhiteSpace(forced), SimdHardware.IsForced);
        if (!SimdHardware.IsForced)
        {
            Assert.Equal(SimdHardware.NaturalPath, SimdHardware.Path);
            Assert.True(SimdHardware.IsAccelerated);
            return;
        }

        Assert.Contains($"{SimdHardware.ForcePathVariable}={forced}", SimdHardware.RuntimeKnobs);
        bool hardware = SimdHardware.Path switch
        {
            SimdPath.Avx512 => Vector512.IsHardwareAccelerated,
            SimdPath.Avx2 => Vector256.IsHardwareAccelerated,
            SimdPath.Vector128 => Vector128.IsHardwareAccelerated,
            _ => true,
        };
        Assert.Equal(hardware, SimdHardware.IsAccelerated);
    }

    [Fact]
    public void A_forced_512_bit_run_on_a_processor_without_it_runs_the_512_bit_code_in_software()
    {
        // CI sets SIMD_EXPECTED_ACCELERATED=false for the forced run on a machine without AVX-512: that run must really
        // be the software one, not a run that quietly took the hardware path.
        string? expected = Environment.GetEnvironmentVariable("SIMD_EXPECTED_ACCELERATED");
        if (expected is null)
        {
            return;
        }

        Assert.Equal(bool.Parse(expected), SimdHardware.IsAccelerated);
        Assert.Equal(bool.Parse(expected), Vector512.IsHardwareAccelerated);
    }
}
