using System.Runtime.Intrinsics.X86;

namespace Simd.Hardware;

/// <summary>
/// The processor's vendor, for the few choices that measured differently by design (stores past the caches, the width
/// of the fused gradient step's long rows): read once from <c>cpuid</c>.
/// </summary>
internal static class CpuVendor
{
    /// <summary>Whether <c>cpuid</c> names AMD (<c>AuthenticAMD</c>) or Hygon (<c>HygonGenuine</c>, cores of the same design) as the vendor.</summary>
    public static bool IsAmdDesign { get; } = ReadIsAmdDesign();

    private static bool ReadIsAmdDesign()
    {
        if (!X86Base.IsSupported)
        {
            return false;
        }

        // The vendor string is in EBX, EDX, ECX: "Auth" "enti" "cAMD", "Hygo" "nGen" "uine".
        (_, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        return (ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163)
            || (ebx == 0x6F677948 && edx == 0x6E65476E && ecx == 0x656E6975);
    }
}
