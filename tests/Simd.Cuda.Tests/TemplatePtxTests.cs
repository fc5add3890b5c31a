using System.Text.RegularExpressions;
using Simd.Cuda.Learning;
using Simd.Cuda.Templates;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// Every template, instantiated for float and double around sample device functions, compiles to PTX with
/// the same clang-14 command CI runs, so the CUDA C that NVRTC will see is checked on machines without a GPU.
/// </summary>
public sealed class TemplatePtxTests
{
    public static TheoryData<string, bool> Kernels => new()
    {
        { "squared_difference", false },
        { "squared_difference", true },
        { "scaled_update", false },
        { "scaled_update", true },
        { "clamp_min_max", false },
        { "clamp_min_max", true },
    };

    [SkippableTheory]
    [MemberData(nameof(Kernels))]
    public void Kernel_module_compiles_to_ptx_with_every_entry_point(string sample, bool isDouble)
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        CudaKernelDefinition kernel = SampleKernels.Create(sample, isDouble);

        string ptx = ClangCuda.CompileToPtx(KernelModuleSource.Build(kernel), $"{sample}_{(isDouble ? "f64" : "f32")}");

        foreach (string entry in new[] { "simd_map", "simd_sum_partial", "simd_sum_combine", "simd_min_partial", "simd_min_combine", "simd_max_partial", "simd_max_combine" })
        {
            Assert.Matches(new Regex($@"\.visible \.entry {entry}\("), ptx);
        }

        // The element type reached the device code: element loads are 32- or 64-bit floating point
        // (generic "ld.f32" without optimisation, "ld.global.f32" with it).
        Assert.Matches(new Regex(isDouble ? @"\bld(\.global)?(\.nc)?\.f64\b" : @"\bld(\.global)?(\.nc)?\.f32\b"), ptx);
        Assert.DoesNotMatch(new Regex(isDouble ? @"\bld(\.global)?(\.nc)?\.f32\b" : @"\bld(\.global)?(\.nc)?\.f64\b"), ptx);

        // The reductions use warp shuffles and a barrier, and no atomics (the combine is deterministic).
        Assert.Contains("shfl.sync.down.b32", ptx, System.StringComparison.Ordinal);
        Assert.Contains("bar.sync", ptx, System.StringComparison.Ordinal);
        Assert.DoesNotContain("atom.", ptx, System.StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("momentum", false)]
    [InlineData("momentum", true)]
    [InlineData("halves", false)]
    [InlineData("halves", true)]
    public void A_module_of_a_kernel_with_several_outputs_has_the_map_only_and_compiles_to_ptx(string sample, bool isDouble)
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        CudaKernelDefinition kernel = SampleKernels.Create(sample, isDouble);

        string source = KernelModuleSource.Build(kernel);
        string ptx = ClangCuda.CompileToPtx(source, $"{sample}_{(isDouble ? "f64" : "f32")}");

        Assert.Matches(new Regex(@"\.visible \.entry simd_map\("), ptx);
        Assert.DoesNotContain("simd_sum_partial", source, System.StringComparison.Ordinal);

        // Both written lanes (or the out lane and the destination) are stored: two global stores per element.
        string store = isDouble ? @"\bst(\.global)?\.f64\b" : @"\bst(\.global)?\.f32\b";
        Assert.True(new Regex(store).Matches(ptx).Count >= 2 * KernelSignature.Unroll, ptx);
    }

    [Fact]
    public void The_map_of_a_kernel_with_ref_lanes_loads_them_calls_by_reference_and_stores_them()
    {
        string map = MapTemplate.Instantiate(SampleKernels.Create("momentum", isDouble: false));

        Assert.Contains("simd_map(simd_t* lane0, simd_t* lane1, const simd_t* lane2, simd_t uniform0, simd_t uniform1, simd_u64 n)", map, System.StringComparison.Ordinal);
        Assert.Contains("simd_t w0_1 = lane0[i + stride];", map, System.StringComparison.Ordinal);
        Assert.Contains("momentum_f32(w0_3, w1_3, lane2[i + 3 * stride], uniform0, uniform1);", map, System.StringComparison.Ordinal);
        Assert.Contains("lane1[i + 2 * stride] = w1_2;", map, System.StringComparison.Ordinal);
        Assert.DoesNotContain("destination", map, System.StringComparison.Ordinal);

        // Every element of a step is computed before any is stored (in-place safety).
        Assert.True(map.IndexOf("momentum_f32(w0_3", System.StringComparison.Ordinal) < map.IndexOf("lane0[i] = w0_0;", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_map_of_a_kernel_with_an_out_lane_and_a_value_stores_both()
    {
        string map = MapTemplate.Instantiate(SampleKernels.Create("halves", isDouble: true));

        Assert.Contains("simd_map(const simd_t* lane0, simd_t* lane1, simd_u64 n, simd_t* destination)", map, System.StringComparison.Ordinal);
        Assert.Contains("simd_t w1_0 = (simd_t)0;", map, System.StringComparison.Ordinal);
        Assert.Contains("simd_t v0 = halves_f64(lane0[i], w1_0);", map, System.StringComparison.Ordinal);
        Assert.Contains("lane1[i] = w1_0;", map, System.StringComparison.Ordinal);
        Assert.Contains("destination[i] = v0;", map, System.StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(1, false, RegressionKind.Linear)]
    [InlineData(32, false, RegressionKind.Linear)]
    [InlineData(40, true, RegressionKind.Linear)]
    [InlineData(7, false, RegressionKind.Logistic)]
    [InlineData(100, true, RegressionKind.Logistic)]
    public void Gradient_descent_module_compiles_to_ptx(int columns, bool isDouble, RegressionKind kind)
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);

        string ptx = ClangCuda.CompileToPtx(GradientDescentTemplate.Build(columns, isDouble, kind), $"gd_{kind}_{columns}_{(isDouble ? "f64" : "f32")}");

        Assert.Matches(new Regex(@"\.visible \.entry simd_gd_partial\("), ptx);
        Assert.Matches(new Regex(@"\.visible \.entry simd_gd_combine\("), ptx);
        Assert.DoesNotContain("atom.", ptx, System.StringComparison.Ordinal);

        // Logistic regression needs exp and log1p (libdevice, linked by NVRTC); linear regression needs neither.
        string exp = isDouble ? "__nv_exp" : "__nv_expf";
        if (kind == RegressionKind.Logistic)
        {
            Assert.Contains(exp, ptx, System.StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(exp, ptx, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_map_calls_the_device_function_with_lanes_and_uniforms_in_parameter_order()
    {
        CudaKernelDefinition kernel = SampleKernels.Create("clamp_min_max", isDouble: false);

        string map = MapTemplate.Instantiate(kernel);

        Assert.Contains("simd_map(simd_t uniform0, const simd_t* lane0, simd_t uniform1, simd_u64 n, simd_t* destination)", map, System.StringComparison.Ordinal);
        Assert.Contains("destination[i] = clamp_min_max_f32(uniform0, lane0[i], uniform1);", map, System.StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_source_with_an_error_fails_to_compile_so_the_check_can_fail()
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        var kernel = new CudaKernelDefinition("broken", "__device__ float broken(float a) { return a + undefined_name; }", false, [true]);

        var error = Assert.Throws<System.InvalidOperationException>(() => ClangCuda.CompileToPtx(KernelModuleSource.Build(kernel), "broken"));

        Assert.Contains("undefined_name", error.Message, System.StringComparison.Ordinal);
    }
}
