using System.Collections.Generic;
using System.Runtime.Intrinsics.X86;

namespace Simd.Cli.Info;

/// <summary>
/// What the processor itself reports through CPUID, independent of the runtime's <c>DOTNET_Enable*</c> settings,
/// so <c>simd info</c> can show which path the hardware offers next to the one this process takes.
/// </summary>
internal static class CpuFeatures
{
    /// <summary>The vector extensions CPUID reports, or <see langword="null"/> when CPUID cannot be read
    /// (not x64, or hardware intrinsics disabled in this process).</summary>
    public static IReadOnlyList<string>? Read()
    {
        if (!X86Base.IsSupported)
        {
            return null;
        }

        var list = new List<string>();
        (_, _, int ecx1, int edx1) = X86Base.CpuId(1, 0);
        (int maxLeaf, _, _, _) = X86Base.CpuId(0, 0);
        (_, int ebx7, _, _) = maxLeaf >= 7 ? X86Base.CpuId(7, 0) : (0, 0, 0, 0);

        // Bit positions from the Intel SDM, vol. 2A, CPUID leaves 1 and 7.
        Add(list, (edx1 >> 26) & 1, "SSE2");
        Add(list, (ecx1 >> 19) & 1, "SSE4.1");
        Add(list, (ecx1 >> 28) & 1, "AVX");
        Add(list, (ebx7 >> 5) & 1, "AVX2");
        Add(list, (ecx1 >> 12) & 1, "FMA");
        Add(list, (ebx7 >> 16) & 1, "AVX512F");
        Add(list, (ebx7 >> 30) & 1, "AVX512BW");
        Add(list, (ebx7 >> 17) & 1, "AVX512DQ");
        return list;
    }

    private static void Add(List<string> list, int bit, string name)
    {
        if (bit != 0)
        {
            list.Add(name);
        }
    }
}
