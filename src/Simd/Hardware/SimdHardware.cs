using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Hardware;

/// <summary>
/// Which vector path generated kernels and the runtime drivers take here, and why. Every property is a
/// JIT-time constant, so the dispatch in the drivers folds away to the one path that runs.
/// </summary>
public static class SimdHardware
{
    /// <summary>The environment variable that forces a path for testing: <c>SIMD_FORCE_PATH</c>.</summary>
    public const string ForcePathVariable = "SIMD_FORCE_PATH";

    /// <summary>
    /// The path <c>SIMD_FORCE_PATH</c> forces, or -1 when it is not set. Read once: a <c>static readonly</c> field is a
    /// constant to the optimising JIT, so <see cref="Path"/> still folds to one path in every driver.
    /// </summary>
    private static readonly int ForcedPathValue = ReadForcedPath();

    /// <summary>
    /// The path every kernel shape takes in this process. Order of preference: <see cref="SimdPath.VectorT"/> when
    /// <see cref="Vector{T}"/> was widened past 256 bits, then <see cref="SimdPath.Avx512"/>,
    /// <see cref="SimdPath.Avx2"/>, <see cref="SimdPath.Vector128"/>, <see cref="SimdPath.Scalar"/>. When
    /// <c>SIMD_FORCE_PATH</c> is set (see <see cref="IsForced"/>) it is that path instead, accelerated or not.
    /// </summary>
    /// <exception cref="TypeInitializationException">
    /// <c>SIMD_FORCE_PATH</c> holds a value other than <c>Avx512</c>, <c>Avx2</c>, <c>Vector128</c> or <c>Scalar</c>;
    /// the inner <see cref="InvalidOperationException"/> names the accepted values.
    /// </exception>
    public static SimdPath Path
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ForcedPathValue >= 0 ? (SimdPath)ForcedPathValue : NaturalPath;
    }

    /// <summary>
    /// Whether <c>SIMD_FORCE_PATH</c> chose <see cref="Path"/>. A forced path runs its vector code even where the
    /// hardware lacks it (the runtime then executes those vector operations in software, slowly but correctly), so
    /// the 512-bit loops can be tested on a processor without AVX-512.
    /// </summary>
    public static bool IsForced
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ForcedPathValue >= 0;
    }

    /// <summary>
    /// Whether <see cref="Path"/> runs on vector hardware in this process. Only a forced path (<see cref="IsForced"/>)
    /// can be unaccelerated.
    /// </summary>
    public static bool IsAccelerated => Path switch
    {
        SimdPath.VectorT => Vector.IsHardwareAccelerated,
        SimdPath.Avx512 => Vector512.IsHardwareAccelerated,
        SimdPath.Avx2 => Vector256.IsHardwareAccelerated,
        SimdPath.Vector128 => Vector128.IsHardwareAccelerated,
        _ => true,
    };

    /// <summary>The path the hardware and the <c>DOTNET_*</c> settings give, before <c>SIMD_FORCE_PATH</c>.</summary>
    public static SimdPath NaturalPath
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (Vector.IsHardwareAccelerated && Vector<byte>.Count > 32)
            {
                return SimdPath.VectorT;
            }

            if (Vector512.IsHardwareAccelerated)
            {
                return SimdPath.Avx512;
            }

            if (Vector256.IsHardwareAccelerated)
            {
                return SimdPath.Avx2;
            }

            return Vector128.IsHardwareAccelerated ? SimdPath.Vector128 : SimdPath.Scalar;
        }
    }

    /// <summary>
    /// Whether the drivers may use 512-bit vectors: on hardware, or because a 512-bit path was forced.
    /// </summary>
    internal static bool Runs512
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated || ForcedPathValue >= (int)SimdPath.Avx512;
    }

    /// <summary>Whether the drivers may use 256-bit vectors: on hardware, or under a forced path of at least that width.</summary>
    internal static bool Runs256
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.IsHardwareAccelerated || ForcedPathValue >= (int)SimdPath.Avx2;
    }

    /// <summary>Whether the drivers may use 128-bit vectors: on hardware, or under a forced path of at least that width.</summary>
    internal static bool Runs128
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.IsHardwareAccelerated || ForcedPathValue >= (int)SimdPath.Vector128;
    }

    /// <summary>
    /// Parses a <c>SIMD_FORCE_PATH</c> value: <see langword="null"/> or empty means not forced; otherwise one of
    /// <c>Avx512</c>, <c>Avx2</c>, <c>Vector128</c>, <c>Scalar</c> (case-insensitive).
    /// </summary>
    /// <param name="value">The variable's value.</param>
    /// <returns>The forced path, or <see langword="null"/> when none is forced.</returns>
    /// <exception cref="InvalidOperationException">Any other value; the message names the accepted ones.</exception>
    internal static SimdPath? ParseForcedPath(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Vector<T> cannot be forced: its width is fixed by the runtime when the process starts.
        foreach (SimdPath path in (ReadOnlySpan<SimdPath>)[SimdPath.Avx512, SimdPath.Avx2, SimdPath.Vector128, SimdPath.Scalar])
        {
            if (string.Equals(value.Trim(), path.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return path;
            }
        }

        throw new InvalidOperationException(
            $"{ForcePathVariable}='{value}' is not a path that can be forced. Accepted values: Avx512, Avx2, Vector128, Scalar "
            + "(or leave it unset to take the path this processor has).");
    }

    private static int ReadForcedPath()
    {
        SimdPath? forced = ParseForcedPath(Environment.GetEnvironmentVariable(ForcePathVariable));
        return forced is { } path ? (int)path : -1;
    }

    /// <summary>The width of <see cref="Vector{T}"/> in bits in this process.</summary>
    public static int VectorTBits => Vector<byte>.Count * 8;

    /// <summary>The width in bits of the vectors <see cref="Path"/> uses (64 bits stands for one scalar double).</summary>
    public static int PathBits => Path switch
    {
        SimdPath.VectorT => VectorTBits,
        SimdPath.Avx512 => 512,
        SimdPath.Avx2 => 256,
        SimdPath.Vector128 => 128,
        _ => 64,
    };

    /// <summary>Whether fused multiply-add instructions are available (FMA3 on x64, AdvSIMD on Arm64).</summary>
    public static bool HasFusedMultiplyAdd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
    }

    /// <summary>The instruction-set features this process may use, as short names (e.g. <c>AVX512F</c>, <c>AVX2</c>, <c>FMA</c>).</summary>
    public static string[] Features
    {
        get
        {
            var list = new System.Collections.Generic.List<string>();
            if (Sse2.IsSupported) list.Add("SSE2");
            if (Sse41.IsSupported) list.Add("SSE4.1");
            if (Avx.IsSupported) list.Add("AVX");
            if (Avx2.IsSupported) list.Add("AVX2");
            if (Fma.IsSupported) list.Add("FMA");
            if (Avx512F.IsSupported) list.Add("AVX512F");
            if (Avx512BW.IsSupported) list.Add("AVX512BW");
            if (Avx512DQ.IsSupported) list.Add("AVX512DQ");
            if (System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported) list.Add("AdvSIMD");
            return list.ToArray();
        }
    }

    /// <summary>
    /// The settings present in the environment that change the path: the <c>DOTNET_*</c> runtime knobs
    /// (<c>EnableHWIntrinsic</c>, <c>EnableAVX2</c>, <c>EnableAVX512</c>/<c>EnableAVX512F</c>, <c>MaxVectorTBitWidth</c>,
    /// <c>PreferredVectorBitWidth</c>) and <c>SIMD_FORCE_PATH</c>, as <c>NAME=value</c>.
    /// </summary>
    public static string[] RuntimeKnobs
    {
        get
        {
            string[] names =
            [
                "DOTNET_EnableHWIntrinsic", "DOTNET_EnableAVX", "DOTNET_EnableAVX2", "DOTNET_EnableAVX512",
                "DOTNET_EnableAVX512F", "DOTNET_EnableFMA", "DOTNET_MaxVectorTBitWidth", "DOTNET_PreferredVectorBitWidth", ForcePathVariable,
            ];
            var list = new System.Collections.Generic.List<string>();
            foreach (string name in names)
            {
                string? value = Environment.GetEnvironmentVariable(name);
                if (value is not null)
                {
                    list.Add($"{name}={value}");
                }
            }

            return list.ToArray();
        }
    }
}
