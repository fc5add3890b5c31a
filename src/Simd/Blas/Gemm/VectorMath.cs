using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.MatrixMultiply;

/// <summary>
/// The memory hints and the scalar C update of the GEMM and GEMV loops (their vector arithmetic, multiply-add
/// included, comes from the width layer in <c>Simd.Widths</c>).
/// </summary>
internal static class VectorMath
{
    /// <summary>
    /// Asks for the cache lines of a C tile (<paramref name="rows"/> rows of <paramref name="columns"/> elements) while
    /// the kernel's loop runs: the tile is read or written only after it, and its rows lie a whole row of C apart, so
    /// the hardware prefetchers do not see them coming. A hint only; nothing on processors without it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchTile<T>(T* c, nint ldc, nint rows, nint columns)
        where T : unmanaged
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        nint lineElements = 64 / sizeof(T);
        for (nint i = 0; i < rows; i++)
        {
            T* row = c + (i * ldc);
            for (nint j = 0; j < columns; j += lineElements)
            {
                Prefetch(row + j);
            }

            Prefetch(row + columns - 1);
        }
    }

    /// <summary>A hint to bring the cache line holding <paramref name="address"/> into L1; nothing where there is no such instruction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T* address)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(address);
        }
    }

    /// <summary><c>α·acc + β·c</c> for a scalar, not reading <paramref name="c"/>'s value when β = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Update<T>(T acc, T alpha, T beta, T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        => beta == T.Zero ? alpha * acc : (alpha * acc) + (beta * c);
}
