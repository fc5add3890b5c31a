using System.Runtime.Intrinsics.X86;

namespace Simd.Hardware;

/// <summary>
/// Whether, and from what output size, stores that bypass the caches (non-temporal stores) pay on this processor: the
/// threshold <see cref="Drivers.MapDriver"/> starts from. Chosen by vendor, from measurements of the float Exp map
/// (a destination that is none of its inputs, called repeatedly), cached stores against non-temporal ones:
/// <list type="bullet">
/// <item>AMD (Zen 4, 32 MiB L3, one core): cached stores faster at every size measured: 1 MiB 2.8×, 4 MiB 3.2×,
/// 16 MiB 1.35×, 64 MiB 1.3×, 128 MiB 1.8×. Within the last-level cache the output and the input stay there for
/// the next call, and beyond it the non-temporal stores still reached memory more slowly. Never streamed (Hygon's
/// cores are of the same design).</item>
/// <item>Intel (Sapphire Rapids class, AVX-512): streaming a 4 MiB output 18 % faster, a 256 KiB one 40 % slower:
/// from 1 MiB.</item>
/// <item>Anything else (not measured): from 1 MiB, as on Intel.</item>
/// </list>
/// </summary>
internal static class StreamingStores
{
    /// <summary>The threshold where streaming is used: 1 MiB of destination.</summary>
    public const int FromBytes = 1 << 20;

    /// <summary>The threshold that means "never": no span is this long.</summary>
    public const int Never = int.MaxValue;

    /// <summary>The destination size from which a streamable map stores past the caches on this processor.</summary>
    public static int DefaultThresholdBytes { get; } = IsAmdDesign() ? Never : FromBytes;

    /// <summary>Whether <c>cpuid</c> names AMD (<c>AuthenticAMD</c>) or Hygon (<c>HygonGenuine</c>) as the vendor.</summary>
    internal static bool IsAmdDesign()
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
