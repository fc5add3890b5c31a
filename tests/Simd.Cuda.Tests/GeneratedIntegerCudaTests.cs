using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Simd.Cuda.Templates;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The CUDA C of integer and mixed-type kernels (<see cref="IntegerCudaKernels"/>), checked without a GPU: each device
/// function compiles to PTX with clang, and compiled as host C++ it computes exactly what the C# scalar method computes:
/// wrap-around where C leaves signed overflow undefined, shift counts masked as C# masks them, and .NET's saturating
/// float-to-int conversions (NaN to 0) where a C cast is undefined.
/// </summary>
public sealed class GeneratedIntegerCudaTests
{
    private static readonly IReadOnlyList<(MethodInfo Scalar, string Name, string Source)> Kernels = Find();

    [Fact]
    public void IntegerKernelsGetTheirSourceButNoDeviceOverloads()
    {
        Assert.Equal(6, Kernels.Count);
        Assert.Equal([nameof(IntegerCudaKernels.FloatWithIntLocal)], GeneratedCudaKernel.Of(typeof(IntegerCudaKernels)).Select(k => k.Scalar.Name));
        Assert.Null(typeof(IntegerCudaKernels).GetMethod(nameof(IntegerCudaKernels.IntMix), [typeof(DeviceBuffer<int>), typeof(DeviceBuffer<int>), typeof(int), typeof(DeviceBuffer<int>)]));
        (_, _, string mix) = Kernels.Single(k => k.Scalar.Name == nameof(IntegerCudaKernels.LongMix));
        Assert.Contains("__device__ long long k_IntegerCudaKernels_LongMix_long_LLUi(long long v_a, long long v_b, int v_n)", mix, StringComparison.Ordinal);
        Assert.Contains("(unsigned long long)", mix, StringComparison.Ordinal);
        Assert.Contains("simd_f2i(", Kernels.Single(k => k.Scalar.Name == nameof(IntegerCudaKernels.FloatInt)).Source, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryIntegerKernelCompilesToPtx()
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        foreach ((MethodInfo scalar, string name, string source) in Kernels)
        {
            ParameterInfo[] parameters = scalar.GetParameters();
            int refIndex = Array.FindIndex(parameters, p => p.ParameterType.IsByRef);
            string arguments = string.Join(", ", parameters.Select((p, i) => i == refIndex ? "output[0]" : $"input{i}[0]"));
            string inputs = string.Join(", ", parameters.Select((p, i) => $"const {CudaType(Element(p.ParameterType))}* input{i}"));
            string result = CudaType(Result(scalar));

            // A 'ref' lane is a reference in the device function: the output starts as the input and is updated in place.
            string body = refIndex >= 0 ? $"output[0] = input{refIndex}[0]; {name}({arguments});" : $"output[0] = {name}({arguments});";
            string module = $"{CudaPrelude.Text}\n{source}\nextern \"C\" __global__ void entry({inputs}, {result}* output) {{ {body} }}\n";
            string ptx = ClangCuda.CompileToPtx(module, name);
            Assert.Contains(".entry", ptx);
        }
    }

    [SkippableFact]
    public void IntegerDeviceFunctionsOnTheHostMatchTheScalarMethods()
    {
        Skip.If(HostCompiler.UnavailableReason is not null, HostCompiler.UnavailableReason);
        var random = new Random(20261201);
        var program = new StringBuilder(GeneratedCudaTests.HostPrelude());
        program.Append("static void print_i(int v) { std::printf(\"%08x\\n\", (unsigned int)v); }\n");
        program.Append("static void print_l(long long v) { std::printf(\"%016llx\\n\", (unsigned long long)v); }\n");
        var expected = new List<(object Value, string Call)>();
        var main = new StringBuilder("int main() {\n");
        foreach ((MethodInfo scalar, string name, string source) in Kernels)
        {
            program.Append(source).Append('\n');
            ParameterInfo[] parameters = scalar.GetParameters();
            for (int row = 0; row < 300; row++)
            {
                object[] values = parameters.Select(p => Sample(random, Element(p.ParameterType), p.Name == "n")).ToArray();
                object[] boxed = (object[])values.Clone();
                object? returned = scalar.Invoke(null, boxed);
                int refIndex = Array.FindIndex(parameters, p => p.ParameterType.IsByRef);
                object value = refIndex >= 0 ? boxed[refIndex] : returned!;
                // A 'ref' lane is a reference in the device function: pass a local holding the input, print it after.
                string call = $"{name}({string.Join(", ", values.Select((v, i) => i == refIndex ? "r" : CLiteral(v)))})";
                expected.Add((value, $"{scalar.Name}({string.Join(", ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))})"));
                string print = Result(scalar) switch
                {
                    Type t when t == typeof(int) => "print_i",
                    Type t when t == typeof(long) => "print_l",
                    Type t when t == typeof(float) => "print_f",
                    _ => "print_d",
                };
                main.Append(refIndex >= 0
                    ? $"  {{ {CudaType(Result(scalar))} r = {CLiteral(values[refIndex])}; {call}; {print}(r); }}\n"
                    : $"  {print}({call});\n");
            }
        }

        main.Append("  return 0;\n}\n");
        string[] actual = HostCompiler.Run(program.Append(main).ToString());
        Assert.Equal(expected.Count, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.True(Same(expected[i].Value, actual[i]), $"{expected[i].Call}: C# {Bits(expected[i].Value)}, CUDA C on the host {actual[i]}");
        }
    }

    private static IReadOnlyList<(MethodInfo, string, string)> Find()
    {
        const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        var found = new List<(MethodInfo, string, string)>();
        foreach (MethodInfo method in typeof(IntegerCudaKernels).GetMethods(all).Where(m => m.GetCustomAttribute<KernelAttribute>() is not null))
        {
            FieldInfo field = typeof(IntegerCudaKernels).GetFields(all).Single(f => f.Name.StartsWith($"__{method.Name}CudaSource_", StringComparison.Ordinal));
            string source = (string)field.GetValue(null)!;
            int start = source.IndexOf(" k_", StringComparison.Ordinal) + 1;
            string name = source[start..source.IndexOf('(', start)];
            found.Add((method, name, source));
        }

        return found;
    }

    private static Type Element(Type type) => type.IsByRef ? type.GetElementType()! : type;

    private static Type Result(MethodInfo scalar) => scalar.ReturnType == typeof(void) ? Element(scalar.GetParameters().First(p => p.ParameterType.IsByRef).ParameterType) : scalar.ReturnType;

    private static string CudaType(Type type) => type == typeof(long) ? "long long" : type == typeof(int) ? "int" : type == typeof(float) ? "float" : "double";

    // Full-range integers (products overflow), small ones, the bounds; floats with NaN, infinities and values past the
    // integer bounds. A shift count ranges past the width and below zero, which C# masks.
    private static object Sample(Random random, Type type, bool shiftCount)
    {
        if (shiftCount)
        {
            return random.Next(-70, 71);
        }

        bool special = random.NextDouble() < 0.25;
        if (type == typeof(int))
        {
            int[] specials = [int.MinValue, int.MaxValue, 0, 1, -1, int.MinValue + 1];
            return special ? specials[random.Next(specials.Length)] : random.Next(3) == 0 ? random.Next(-100, 100) : random.Next(int.MinValue, int.MaxValue);
        }

        if (type == typeof(long))
        {
            long[] specials = [long.MinValue, long.MaxValue, 0, 1, -1, long.MinValue + 1];
            return special ? specials[random.Next(specials.Length)] : random.Next(3) == 0 ? random.Next(-100, 100) : random.NextInt64(long.MinValue, long.MaxValue);
        }

        double[] floats = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2147483648.0, -2147483649.0, 9.3e18, -9.3e18, 0.0, -0.0, 0.75, -1.5];
        double v = special ? floats[random.Next(floats.Length)] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 20));
        return type == typeof(float) ? (object)(float)v : v;
    }

    private static string CLiteral(object value) => value switch
    {
        int i => $"(int)0x{(uint)i:x8}u",
        long l => $"(long long)0x{(ulong)l:x16}ull",
        float f => $"from_bits_f(0x{BitConverter.SingleToUInt32Bits(f):x8}u)",
        double d => $"from_bits_d(0x{BitConverter.DoubleToUInt64Bits(d):x16}ull)",
        _ => throw new ArgumentException(value.GetType().Name),
    };

    // NaN results are compared as NaN (which payload is not part of the contract); everything else bit for bit.
    private static bool Same(object expected, string actual) => expected switch
    {
        float f when float.IsNaN(f) => float.IsNaN(BitConverter.UInt32BitsToSingle(uint.Parse(actual, NumberStyles.HexNumber, CultureInfo.InvariantCulture))),
        double d when double.IsNaN(d) => double.IsNaN(BitConverter.UInt64BitsToDouble(ulong.Parse(actual, NumberStyles.HexNumber, CultureInfo.InvariantCulture))),
        _ => Bits(expected) == actual,
    };

    private static string Bits(object value) => value switch
    {
        int i => ((uint)i).ToString("x8", CultureInfo.InvariantCulture),
        long l => ((ulong)l).ToString("x16", CultureInfo.InvariantCulture),
        float f => BitConverter.SingleToUInt32Bits(f).ToString("x8", CultureInfo.InvariantCulture),
        double d => BitConverter.DoubleToUInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException(value.GetType().Name),
    };
}
