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
    public static int DefaultThresholdBytes { get; } = CpuVendor.IsAmdDesign ? Never : FromBytes;
}
