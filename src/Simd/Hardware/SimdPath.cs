namespace Simd.Hardware;

/// <summary>The vector path a generated kernel takes on this machine and in this process.</summary>
public enum SimdPath
{
    /// <summary>One element at a time: no hardware acceleration (<c>DOTNET_EnableHWIntrinsic=0</c> or no SIMD unit).</summary>
    Scalar,

    /// <summary>128-bit vectors (SSE4 on x64, AdvSIMD on Arm64) through <c>Vector128&lt;T&gt;</c>.</summary>
    Vector128,

    /// <summary>256-bit vectors with FMA where the kernel asks for it, through <c>Vector256&lt;T&gt;</c> and <c>Fma</c>.</summary>
    Avx2,

    /// <summary>512-bit vectors through <c>Vector512&lt;T&gt;</c> and <c>Avx512F</c>.</summary>
    Avx512,

    /// <summary>
    /// <see cref="System.Numerics.Vector{T}"/> wider than its 256-bit default, taken when the process widened it
    /// (<c>DOTNET_MaxVectorTBitWidth=512</c>) so that setting is honoured.
    /// </summary>
    VectorT,
}
