using System.Numerics;
using System.Runtime.Intrinsics;
using Simd.Hardware;

namespace Simd.Learning.Kernels;

/// <summary>The vector width a learning loop over rows of a given length runs at.</summary>
internal enum LearningWidth
{
    /// <summary>One element at a time.</summary>
    Scalar,

    /// <summary><see cref="Vector128{T}"/>.</summary>
    W128,

    /// <summary><see cref="Vector256{T}"/>.</summary>
    W256,

    /// <summary><see cref="Vector512{T}"/>.</summary>
    W512,

    /// <summary><see cref="Vector{T}"/>.</summary>
    VectorT,
}

/// <summary>Chooses <see cref="LearningWidth"/> from <see cref="SimdHardware.Path"/> and the row length.</summary>
internal static class LearningWidths
{
    /// <summary>
    /// The widest width <see cref="SimdHardware.Path"/> allows whose vector fits in a row of
    /// <paramref name="length"/> elements (the loops load an overlapping last vector, so a row must hold one);
    /// rows shorter than the narrowest vector run scalar.
    /// </summary>
    public static LearningWidth For<T>(int length)
        where T : unmanaged
    {
        SimdPath path = SimdHardware.Path;
        if (path == SimdPath.VectorT && length >= Vector<T>.Count)
        {
            return LearningWidth.VectorT;
        }

        if (path >= SimdPath.Avx512 && Vector512.IsHardwareAccelerated && length >= Vector512<T>.Count)
        {
            return LearningWidth.W512;
        }

        if (path >= SimdPath.Avx2 && Vector256.IsHardwareAccelerated && length >= Vector256<T>.Count)
        {
            return LearningWidth.W256;
        }

        if (path >= SimdPath.Vector128 && Vector128.IsHardwareAccelerated && length >= Vector128<T>.Count)
        {
            return LearningWidth.W128;
        }

        return LearningWidth.Scalar;
    }
}
