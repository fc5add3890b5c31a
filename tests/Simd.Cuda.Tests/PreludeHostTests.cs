using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Simd.Cuda.Templates;
using Xunit;

namespace Simd.Cuda.Tests;

/// <summary>
/// The prelude's min/max helpers and reduction identities, compiled for the host with clang-14 (the bit
/// casts replaced by memcpy), against Math.Min / Math.Max on every pair of special values: the device
/// semantics are checked bit for bit without a GPU.
/// </summary>
public sealed class PreludeHostTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, 1.0, -1.0, 2.5, -2.5, double.NaN, -double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-310, 3.0,
    ];

    private const string HostShim = """
        #include <cstdio>
        #include <cstring>
        #define __device__
        #define __forceinline__ inline
        typedef unsigned long long simd_u64;
        static unsigned int simd_bits(float x) { unsigned int r; std::memcpy(&r, &x, 4); return r; }
        static simd_u64 simd_bits(double x) { simd_u64 r; std::memcpy(&r, &x, 8); return r; }
        static float simd_float_from_bits(unsigned int b) { float r; std::memcpy(&r, &b, 4); return r; }
        static double simd_double_from_bits(simd_u64 b) { double r; std::memcpy(&r, &b, 8); return r; }

        """;

    [SkippableFact]
    public void Device_min_and_max_match_Math_Min_and_Math_Max_bit_for_bit()
    {
        Skip.If(ClangCuda.UnavailableReason is not null, ClangCuda.UnavailableReason);
        string region = HostCheckedRegion();
        var program = new StringBuilder(HostShim).Append(region).Append("\nint main() {\n");
        program.Append(CultureInfo.InvariantCulture, $"  const simd_u64 d[] = {{ {string.Join(", ", Specials.Select(v => $"0x{BitConverter.DoubleToUInt64Bits(v):X16}ull"))} }};\n");
        program.Append(CultureInfo.InvariantCulture, $"  const int n = {Specials.Length};\n");
        program.Append("""
              for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                double a = simd_double_from_bits(d[i]), b = simd_double_from_bits(d[j]);
                float fa = (float)a, fb = (float)b;
                std::printf("%016llx %016llx %08x %08x\n", simd_bits(simd_min(a, b)), simd_bits(simd_max(a, b)), simd_bits(simd_min(fa, fb)), simd_bits(simd_max(fa, fb)));
              }
              for (int i = 0; i < n; i++) {
                double a = simd_double_from_bits(d[i]);
                float fa = (float)a;
                std::printf("%016llx %016llx %08x %08x\n", simd_bits(simd_min(simd_positive_infinity(0.0), a)), simd_bits(simd_max(simd_negative_infinity(0.0), a)),
                    simd_bits(simd_min(simd_positive_infinity(0.0f), fa)), simd_bits(simd_max(simd_negative_infinity(0.0f), fa)));
              }
              return 0;
            }
            """);

        string[] lines = RunHost(program.ToString());

        int line = 0;
        foreach (double a in Specials)
        {
            foreach (double b in Specials)
            {
                Expect(lines[line++], Math.Min(a, b), Math.Max(a, b), MathF.Min((float)a, (float)b), MathF.Max((float)a, (float)b), $"({a}, {b})");
            }
        }

        // The reduction identities: min(+∞, x) and max(−∞, x) give x itself, bit for bit, for every x.
        foreach (double a in Specials)
        {
            Expect(lines[line++], a, a, (float)a, (float)a, $"identity with {a}");
        }
    }

    private static void Expect(string line, double min, double max, float minF, float maxF, string what)
    {
        string[] parts = line.Split(' ');
        Assert.True(
            parts[0] == $"{BitConverter.DoubleToUInt64Bits(min):x16}" && parts[1] == $"{BitConverter.DoubleToUInt64Bits(max):x16}"
            && parts[2] == $"{BitConverter.SingleToUInt32Bits(minF):x8}" && parts[3] == $"{BitConverter.SingleToUInt32Bits(maxF):x8}",
            $"{what}: device helpers gave {line}, Math gives {BitConverter.DoubleToUInt64Bits(min):x16} {BitConverter.DoubleToUInt64Bits(max):x16} {BitConverter.SingleToUInt32Bits(minF):x8} {BitConverter.SingleToUInt32Bits(maxF):x8}");
    }

    private static string HostCheckedRegion()
    {
        string text = CudaPrelude.Text;
        int begin = text.IndexOf("// simd-host-checked-begin", StringComparison.Ordinal);
        int end = text.IndexOf("// simd-host-checked-end", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "The prelude lost its host-checked markers.");
        return text[begin..end];
    }

    private static string[] RunHost(string source)
    {
        string directory = Path.Combine(Path.GetTempPath(), "simd-cuda-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string input = Path.Combine(directory, "prelude.cpp");
            string binary = Path.Combine(directory, "prelude");
            File.WriteAllText(input, source);

            // -ffp-contract=off and no -ffast-math: plain IEEE comparisons, as on the device with --fmad=false.
            Run(ClangCuda.Compiler, ["-x", "c++", "-std=c++17", "-O1", "-ffp-contract=off", "-Werror", "-o", binary, input]);
            return Run(binary, []).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {errors}");
        return output;
    }
}
