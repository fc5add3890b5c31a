using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>Dispatch of the per-row loops of <see cref="RowKernels"/> to the width <see cref="Widths.WidthChoice.For{T}"/> picks.</summary>
internal static class RowOperations
{
    /// <summary>Σ a[j]·b[j]; the spans have the same length.</summary>
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly T ra = ref MemoryMarshal.GetReference(a);
        ref readonly T rb = ref MemoryMarshal.GetReference(b);
        return WidthChoice.For<T>((nuint)a.Length) switch
        {
            Width.VectorT => RowKernels.Dot<T, Vector<T>, WidthVector<T>>(in ra, in rb, a.Length),
            Width.V512 => RowKernels.Dot<T, Vector512<T>, Width512<T>>(in ra, in rb, a.Length),
            Width.V256 => RowKernels.Dot<T, Vector256<T>, Width256<T>>(in ra, in rb, a.Length),
            Width.V128 => RowKernels.Dot<T, Vector128<T>, Width128<T>>(in ra, in rb, a.Length),
            _ => RowKernels.DotScalar(in ra, in rb, a.Length),
        };
    }

    /// <summary>Σ (a[j] − b[j])²; the spans have the same length.</summary>
    public static T SquaredDistance<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly T ra = ref MemoryMarshal.GetReference(a);
        ref readonly T rb = ref MemoryMarshal.GetReference(b);
        return WidthChoice.For<T>((nuint)a.Length) switch
        {
            Width.VectorT => RowKernels.SquaredDistance<T, Vector<T>, WidthVector<T>>(in ra, in rb, a.Length),
            Width.V512 => RowKernels.SquaredDistance<T, Vector512<T>, Width512<T>>(in ra, in rb, a.Length),
            Width.V256 => RowKernels.SquaredDistance<T, Vector256<T>, Width256<T>>(in ra, in rb, a.Length),
            Width.V128 => RowKernels.SquaredDistance<T, Vector128<T>, Width128<T>>(in ra, in rb, a.Length),
            _ => RowKernels.SquaredDistanceScalar(in ra, in rb, a.Length),
        };
    }

    /// <summary>destination[i] = w·xᵢ + b for every row; shapes are validated by the caller.</summary>
    public static void Scores<T>(ReadOnlyMatrixView<T> x, ReadOnlySpan<T> w, T b, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> data = x.Memory.Span;
        for (int i = 0; i < x.Rows; i++)
        {
            destination[i] = Dot(data.Slice(i * x.Stride, x.Columns), w) + b;
        }
    }
}
