using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.MatrixMultiply;

/// <summary>
/// Fused multiply-add on every vector width for a generic element type. The <c>typeof(T)</c> tests are
/// JIT-time constants, so each call compiles to one instruction. Without FMA hardware every width (the 512-bit one
/// too, which then only runs in software on the forced path) falls back to a multiply and an add (the software fused form would be
/// orders of magnitude slower); the error bounds in the documentation allow for either.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
        where T : unmanaged
    {
        if (!HasFma)
        {
            // Only on the forced 512-bit path (Vector512 in software) of a machine without FMA.
            return (a * b) + c;
        }

        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
        where T : unmanaged
    {
        if (!System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            return (a * b) + c;
        }

        if (typeof(T) == typeof(float))
        {
            return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged
    {
        if (!HasFma)
        {
            return (a * b) + c;
        }

        if (typeof(T) == typeof(float))
        {
            return Vector.FusedMultiplyAdd(Vector.AsVectorSingle(a), Vector.AsVectorSingle(b), Vector.AsVectorSingle(c)).As<float, T>();
        }

        return Vector.FusedMultiplyAdd(Vector.AsVectorDouble(a), Vector.AsVectorDouble(b), Vector.AsVectorDouble(c)).As<double, T>();
    }

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

    /// <summary>Whether vector FMA is done in hardware (x64 FMA3 or Arm64 AdvSIMD).</summary>
    public static bool HasFma
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Simd.Hardware.SimdHardware.HasFusedMultiplyAdd;
    }

    /// <summary><c>α·acc + β·c</c> for a scalar, not reading <paramref name="c"/>'s value when β = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Update<T>(T acc, T alpha, T beta, T c)
        where T : unmanaged, IFloatingPointIeee754<T>
        => beta == T.Zero ? alpha * acc : (alpha * acc) + (beta * c);
}
