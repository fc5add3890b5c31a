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
    /// <summary>
    /// The path every kernel shape takes in this process. Order of preference: <see cref="SimdPath.VectorT"/> when
    /// <see cref="Vector{T}"/> was widened past 256 bits, then <see cref="SimdPath.Avx512"/>,
    /// <see cref="SimdPath.Avx2"/>, <see cref="SimdPath.Vector128"/>, <see cref="SimdPath.Scalar"/>.
    /// </summary>
    public static SimdPath Path
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
    /// The <c>DOTNET_*</c> runtime settings present in the environment that change the path
    /// (<c>EnableHWIntrinsic</c>, <c>EnableAVX2</c>, <c>EnableAVX512</c>/<c>EnableAVX512F</c>, <c>MaxVectorTBitWidth</c>,
    /// <c>PreferredVectorBitWidth</c>), as <c>NAME=value</c>.
    /// </summary>
    public static string[] RuntimeKnobs
    {
        get
        {
            string[] names =
            [
                "DOTNET_EnableHWIntrinsic", "DOTNET_EnableAVX", "DOTNET_EnableAVX2", "DOTNET_EnableAVX512",
                "DOTNET_EnableAVX512F", "DOTNET_EnableFMA", "DOTNET_MaxVectorTBitWidth", "DOTNET_PreferredVectorBitWidth",
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
