using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Simd.Hardware;

namespace Simd.Widths;

/// <summary>The vector width a driver uses for one call.</summary>
internal enum Width
{
    Scalar,
    V128,
    V256,
    V512,
    VectorT,
}

/// <summary>
/// The one place that decides which width runs: the widest that <see cref="SimdHardware.Path"/> allows and
/// that fits the input, stepping down through narrower widths for short inputs. Everything but the length
/// comparisons is a JIT-time constant, so each driver's switch folds to the widths that can occur.
/// </summary>
internal static class WidthChoice
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Width For<T>(nuint length)
        where T : unmanaged, INumber<T>
    {
        SimdPath path = SimdHardware.Path;
        if (path == SimdPath.VectorT && length >= WidthVector<T>.Count)
        {
            return Width.VectorT;
        }

        if (path >= SimdPath.Avx512 && Width512<T>.IsUsable && length >= Width512<T>.Count)
        {
            return Width.V512;
        }

        if (path >= SimdPath.Avx2 && Width256<T>.IsUsable && length >= Width256<T>.Count)
        {
            return Width.V256;
        }

        return path >= SimdPath.Vector128 && Width128<T>.IsUsable && length >= Width128<T>.Count ? Width.V128 : Width.Scalar;
    }

    /// <summary>
    /// <see cref="For{T}(nuint)"/>, but 256 bits where that would pick 512: for a loop that measured faster at 256 bits for
    /// some shape of input. It still steps down for short inputs and never picks a width the path lacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Width NoWiderThan256<T>(nuint length)
        where T : unmanaged, INumber<T>
    {
        Width width = For<T>(length);
        return width == Width.V512 ? For<T>(Math.Min(length, Width512<T>.Count - 1)) : width;
    }

    /// <summary>
    /// The width of the process path itself, for loops that take their own ends (GEMM, GEMV, LoRA): what
    /// <see cref="For{T}"/> picks for an input of any length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Width Widest<T>()
        where T : unmanaged, INumber<T> => For<T>(nuint.MaxValue);
}
