using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Simd.Cuda.Templates;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The CUDA C the generator emits, checked without a GPU: every kernel's module compiles to PTX with
/// clang, and the same device functions compiled as host C++ compute exactly what the C# scalar method
/// computes, on random and special inputs.
/// </summary>
public sealed class GeneratedCudaTests
{
    // The optimizers' kernels as Simd.Cuda compiles them for DeviceOptimizer, and its finiteness check, too.
    private static readonly IReadOnlyList<GeneratedCudaKernel> Kernels =
    [
        .. GeneratedCudaKernel.Of(typeof(GeneratedKernels)),
        .. GeneratedCudaKernel.Of(typeof(Größen)),
        .. GeneratedCudaKernel.Of(typeof(Simd.Cuda.Optimization.OptimizerKernels)),
        .. GeneratedCudaKernel.Of(typeof(Simd.Cuda.Optimization.FiniteCheckKernels)),
    ];

    [Fact]
    public void EveryTranslatableKernelHasDeviceOverloads()
    {
        Assert.Equal(23, GeneratedCudaKernel.Of(typeof(GeneratedKernels)).Count);
        Assert.DoesNotContain(Kernels, k => k.Scalar.Name == nameof(GeneratedKernels.CallsKernel));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.SquaredErrorSum), [typeof(DeviceBuffer<float>), typeof(DeviceBuffer<float>)]));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.Step), [typeof(DeviceBuffer<float>), typeof(DeviceBuffer<float>), typeof(float)]));
    }

    [Fact]
    public void KernelsWithSeveralOutputsGetDeviceOverloadsInTheSpanOverloadsOrder()
    {
        Type f = typeof(DeviceBuffer<float>), d = typeof(DeviceBuffer<double>);
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.SgdMomentum), [f, f, f, typeof(float), typeof(float)]));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.AdamStep), [f, f, f, f, typeof(float), typeof(float), typeof(float), typeof(float)]));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.SigmoidWithGrad), [f, f, f]));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.SplitSign), [d, d, d]));
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.StepWithLoss), [d, d, typeof(double), d]));

        // The device reductions reduce kernels without side outputs only: StepWithLoss sums on the CPU alone.
        Assert.NotNull(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.StepWithLossSum), [typeof(Span<double>), typeof(ReadOnlySpan<double>), typeof(double)]));
        Assert.Null(typeof(GeneratedKernels).GetMethod(nameof(GeneratedKernels.StepWithLossSum), [d, d, typeof(double)]));

        CudaKernelDefinition adam = Kernels.Single(k => k.Scalar.DeclaringType == typeof(GeneratedKernels) && k.Scalar.Name == nameof(GeneratedKernels.AdamStep)).Definition;
        Assert.False(adam.ReturnsValue);
        Assert.Equal(
            [new("weight", CudaParameterKind.RefLane), new("m", CudaParameterKind.RefLane), new("v", CudaParameterKind.RefLane), new("gradient", CudaParameterKind.Lane), new("learningRate", CudaParameterKind.Uniform), new("beta1", CudaParameterKind.Uniform), new("beta2", CudaParameterKind.Uniform), new CudaKernelParameter("epsilon", CudaParameterKind.Uniform)],
            adam.Parameters);
        Assert.StartsWith("__device__ void k_GeneratedKernels_AdamStep_float_RRRLUUUU(float& v_weight, float& v_m, float& v_v, float v_gradient,", adam.DeviceSource, StringComparison.Ordinal);
        CudaKernelDefinition sigmoid = Kernels.Single(k => k.Scalar.Name == nameof(GeneratedKernels.SigmoidWithGrad)).Definition;
        Assert.True(sigmoid.ReturnsValue);
        Assert.StartsWith("__device__ float k_GeneratedKernels_SigmoidWithGrad_float_LO(float v_x, float& v_grad)\n{\n    v_grad = 0.0f;\n", sigmoid.DeviceSource, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOptimizerKernelHasDeviceOverloadsForFloatAndDouble()
    {
        // Nine kernels (SGD, SGD with momentum, Adam, Adam with AMSGrad, four RMSprop forms, Adagrad), each generic.
        IReadOnlyList<GeneratedCudaKernel> kernels = GeneratedCudaKernel.Of(typeof(Simd.Cuda.Optimization.OptimizerKernels));
        Assert.Equal(18, kernels.Count);
        Assert.All(kernels, k => Assert.False(k.Definition.ReturnsValue));
        Assert.Equal(2, GeneratedCudaKernel.Of(typeof(Simd.Cuda.Optimization.FiniteCheckKernels)).Count);
    }

    [Fact]
    public void NonAsciiNamesGetAsciiDeviceNamesTheDefinitionAccepts()
    {
        // Reading the definitions runs Größen's static initialiser, which constructs them: it must not throw.
        IReadOnlyList<GeneratedCudaKernel> kernels = GeneratedCudaKernel.Of(typeof(Größen));

        Assert.Equal(["k_Gr_u00F6_u00DFen_Ma_u00DF_float_LU", "k_Gr_u00F6_u00DFen_Unterschied_float_LL"], kernels.Select(k => k.Definition.Name).Order(StringComparer.Ordinal));
        CudaKernelDefinition difference = kernels.Single(k => k.Scalar.Name == nameof(Größen.Unterschied)).Definition;
        Assert.Contains("float v_a_u005Fu, float v_a_u00FC", difference.DeviceSource, StringComparison.Ordinal);
        Assert.All(kernels, k => Assert.True(k.Definition.DeviceSource.All(char.IsAscii), k.Definition.DeviceSource));

        // And the CPU overloads of the class work.
        float[] lengths = [1, 2, 3];
        Assert.Equal(12f, Größen.MaßSum(lengths, 2f));
    }

    [SkippableFact]
    public void EveryGeneratedModuleCompilesToPtx()
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        foreach (GeneratedCudaKernel kernel in Kernels)
        {
            string ptx = ClangCuda.CompileToPtx(KernelModuleSource.Build(kernel.Definition), kernel.Definition.Name);
            Assert.Contains(".entry", ptx);
        }
    }

    [SkippableFact]
    public void DeviceFunctionsOnTheHostMatchTheScalarMethods()
    {
        Skip.If(HostCompiler.UnavailableReason is not null, HostCompiler.UnavailableReason);
        const int samples = 400;
        var random = new Random(20261129);
        double[] specialsSingle = [float.NaN, 0, -0.0, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue, -float.MaxValue, 1, -1, 0.5, 2.5];
        double[] specialsDouble = [double.NaN, 0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, -double.MaxValue, 1, -1, 0.5, 2.5];

        var program = new StringBuilder(HostPrelude());
        var expected = new List<string>();
        var inputs = new Dictionary<GeneratedCudaKernel, double[][]>();
        foreach (GeneratedCudaKernel kernel in Kernels)
        {
            int arity = kernel.Definition.ParameterIsLane.Count;
            double[] specials = kernel.Definition.IsDouble ? specialsDouble : specialsSingle;
            double[][] rows = Enumerable.Range(0, samples).Select(i => Enumerable.Range(0, arity).Select(_ =>
                random.NextDouble() < 0.2 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7))).Select(v => kernel.Definition.IsDouble ? v : (float)v).ToArray()).ToArray();
            inputs[kernel] = rows;
            program.Append(kernel.Definition.DeviceSource).Append('\n');
            foreach (double[] row in rows)
            {
                expected.AddRange(kernel.Invoke(row).Select(output => Bits(output, kernel.Definition.IsDouble)));
            }
        }

        program.Append("int main() {\n");
        foreach (GeneratedCudaKernel kernel in Kernels)
        {
            bool isDouble = kernel.Definition.IsDouble;
            string type = isDouble ? "double" : "float";
            string print = isDouble ? "print_d" : "print_f";
            foreach (double[] row in inputs[kernel])
            {
                // Every argument in a local (a ref or out lane is passed by reference), then each written lane and the
                // returned value printed: the order of GeneratedCudaKernel.Invoke.
                program.Append("  {\n");
                for (int p = 0; p < row.Length; p++)
                {
                    string bits = isDouble ? $"from_bits_d(0x{BitConverter.DoubleToInt64Bits(row[p]):x16}ull)" : $"from_bits_f(0x{BitConverter.SingleToInt32Bits((float)row[p]):x8}u)";
                    program.Append($"    {type} a{p} = {bits};\n");
                }

                string call = $"{kernel.Definition.Name}({string.Join(", ", Enumerable.Range(0, row.Length).Select(p => $"a{p}"))})";
                program.Append(kernel.Definition.ReturnsValue ? $"    {type} r = {call};\n" : $"    {call};\n");
                for (int p = 0; p < row.Length; p++)
                {
                    if (kernel.Definition.Parameters[p].IsWritten)
                    {
                        program.Append($"    {print}(a{p});\n");
                    }
                }

                if (kernel.Definition.ReturnsValue)
                {
                    program.Append($"    {print}(r);\n");
                }

                program.Append("  }\n");
            }
        }

        program.Append("  return 0;\n}\n");
        string[] actual = HostCompiler.Run(program.ToString());

        Assert.Equal(expected.Count, actual.Length);
        int index = 0;
        foreach (GeneratedCudaKernel kernel in Kernels)
        {
            int outputs = kernel.Definition.Parameters.Count(p => p.IsWritten) + (kernel.Definition.ReturnsValue ? 1 : 0);
            foreach (double[] row in inputs[kernel])
            {
                for (int output = 0; output < outputs; output++)
                {
                    Assert.True(
                        SameOrBothNaN(expected[index], actual[index], kernel.Definition.IsDouble),
                        $"{kernel.Scalar.Name}({string.Join(", ", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}) output {output}: C# {expected[index]}, CUDA C on the host {actual[index]}");
                    index++;
                }
            }
        }
    }

    /// <summary>
    /// The prelude's pure-C helpers verbatim (min, max, clamp), and host stand-ins for the ones written as
    /// inline PTX or libdevice calls (bit casts, exp, log, sqrt…), so the generated text compiles unchanged.
    /// </summary>
    internal static string HostPrelude()
    {
        var text = new StringBuilder("""
            #include <cmath>
            #include <cstdint>
            #include <cstdio>
            #include <cstring>
            #define __device__
            #define __forceinline__ inline
            typedef unsigned long long simd_u64;
            static inline unsigned int simd_bits(float x) { unsigned int r; std::memcpy(&r, &x, 4); return r; }
            static inline simd_u64 simd_bits(double x) { simd_u64 r; std::memcpy(&r, &x, 8); return r; }
            static inline float simd_float_from_bits(unsigned int b) { float r; std::memcpy(&r, &b, 4); return r; }
            static inline double simd_double_from_bits(simd_u64 b) { double r; std::memcpy(&r, &b, 8); return r; }
            static inline bool simd_is_negative(float x) { return std::signbit(x); }
            static inline bool simd_is_negative(double x) { return std::signbit(x); }
            static inline float simd_positive_infinity(float) { return INFINITY; }
            static inline double simd_positive_infinity(double) { return INFINITY; }
            static inline float simd_negative_infinity(float) { return -INFINITY; }
            static inline double simd_negative_infinity(double) { return -INFINITY; }
            static inline float simd_exp(float x) { return expf(x); }
            static inline double simd_exp(double x) { return exp(x); }
            static inline float simd_log(float x) { return logf(x); }
            static inline double simd_log(double x) { return log(x); }
            static inline float simd_tanh(float x) { return tanhf(x); }
            static inline double simd_tanh(double x) { return tanh(x); }
            static inline float simd_sqrt(float x) { return sqrtf(x); }
            static inline double simd_sqrt(double x) { return sqrt(x); }
            static inline float simd_fabs(float x) { return fabsf(x); }
            static inline double simd_fabs(double x) { return fabs(x); }
            static inline float simd_fma(float a, float b, float c) { return fmaf(a, b, c); }
            static inline double simd_fma(double a, double b, double c) { return fma(a, b, c); }
            static inline float simd_round(float x) { return rintf(x); }
            static inline double simd_round(double x) { return rint(x); }
            static inline float simd_round_away(float x) { return roundf(x); }
            static inline double simd_round_away(double x) { return round(x); }
            static inline float simd_floor(float x) { return floorf(x); }
            static inline double simd_floor(double x) { return floor(x); }
            static inline float simd_ceiling(float x) { return ceilf(x); }
            static inline double simd_ceiling(double x) { return ceil(x); }
            static inline float simd_trunc(float x) { return truncf(x); }
            static inline double simd_trunc(double x) { return trunc(x); }
            static inline float simd_copysign(float x, float y) { return copysignf(x, y); }
            static inline double simd_copysign(double x, double y) { return copysign(x, y); }
            static inline float from_bits_f(unsigned int b) { return simd_float_from_bits(b); }
            static inline double from_bits_d(simd_u64 b) { return simd_double_from_bits(b); }
            static void print_f(float v) { std::printf("%08x\n", simd_bits(v)); }
            static void print_d(double v) { std::printf("%016llx\n", simd_bits(v)); }

            """);
        foreach (string line in CudaPrelude.Text.Split('\n'))
        {
            if (line.Contains("simd_min(", StringComparison.Ordinal) || line.Contains("simd_max(", StringComparison.Ordinal) || line.Contains("simd_clamp(", StringComparison.Ordinal) || line.Contains("simd_sign(", StringComparison.Ordinal)
                || line.Contains("simd_f2i(", StringComparison.Ordinal) || line.Contains("simd_d2l(", StringComparison.Ordinal))
            {
                if (line.TrimStart().StartsWith("static", StringComparison.Ordinal))
                {
                    text.Append(line.Trim()).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Bits(double value, bool isDouble)
        => isDouble ? BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture) : BitConverter.SingleToInt32Bits((float)value).ToString("x8", CultureInfo.InvariantCulture);

    private static bool SameOrBothNaN(string expected, string actual, bool isDouble)
        => isDouble
            ? Simd.Cuda.Tests.Bits.SameOrBothNaN(BitConverter.Int64BitsToDouble(long.Parse(expected, NumberStyles.HexNumber, CultureInfo.InvariantCulture)), BitConverter.Int64BitsToDouble(long.Parse(actual, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            : Simd.Cuda.Tests.Bits.SameOrBothNaN(BitConverter.Int32BitsToSingle(int.Parse(expected, NumberStyles.HexNumber, CultureInfo.InvariantCulture)), BitConverter.Int32BitsToSingle(int.Parse(actual, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
}
