using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Simd.Operators;

public static partial class KernelMath
{
    /// <summary>
    /// A float function with two forms: a table form over 512-bit registers for AVX-512 machines (its coefficients
    /// picked per lane by <c>vpermt2ps</c>, which needs the 512-bit register even for narrower vectors) and a
    /// width-independent lanes form for every other machine. <see cref="TableOrLanes{TFunction}(Vector128{float})"/>
    /// and its overloads choose between them, the same way for every such function.
    /// </summary>
    private interface ISingleTableFunction
    {
        /// <summary>The table form, for 16 lanes.</summary>
        static abstract Vector512<float> Table(Vector512<float> x);

        /// <summary>The lanes form, at the width of <typeparamref name="TVector"/>.</summary>
        static abstract TVector Lanes<TLanes, TVector, TDouble>(TVector x)
            where TLanes : ISingleLanes<TVector, TDouble>;
    }

    /// <summary>
    /// <typeparamref name="TFunction"/> of 4 lanes: with AVX-512 (VL) its table form on the low lanes of a 512-bit
    /// register (the upper lanes are never read back), so every width gives the same bits; else its lanes form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> TableOrLanes<TFunction>(Vector128<float> x)
        where TFunction : ISingleTableFunction
        => Avx512F.VL.IsSupported
            ? TFunction.Table(x.ToVector256Unsafe().ToVector512Unsafe()).GetLower().GetLower()
            : TFunction.Lanes<SingleLanes128, Vector128<float>, Vector128<double>>(x);

    /// <inheritdoc cref="TableOrLanes{TFunction}(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TableOrLanes<TFunction>(Vector256<float> x)
        where TFunction : ISingleTableFunction
        => Avx512F.VL.IsSupported
            ? TFunction.Table(x.ToVector512Unsafe()).GetLower()
            : TFunction.Lanes<SingleLanes256, Vector256<float>, Vector256<double>>(x);

    /// <inheritdoc cref="TableOrLanes{TFunction}(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TableOrLanes<TFunction>(Vector512<float> x)
        where TFunction : ISingleTableFunction
        => Avx512F.IsSupported
            ? TFunction.Table(x)
            : TFunction.Lanes<SingleLanes512, Vector512<float>, Vector512<double>>(x);

    /// <summary>
    /// <typeparamref name="TFunction"/> of a <see cref="Vector{T}"/>: through the fixed width of the same size, so that
    /// a <see cref="Vector{T}"/> of any size gives the fixed widths' bits (they use instructions, such as the table at
    /// 128 and 256 bits, that the general form does not); the lanes form for other sizes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> TableOrLanes<TFunction>(Vector<float> x)
        where TFunction : ISingleTableFunction
        => Vector<float>.Count switch
        {
            16 => TableOrLanes<TFunction>(x.AsVector512()).AsVector(),
            8 => TableOrLanes<TFunction>(x.AsVector256()).AsVector(),
            4 => TableOrLanes<TFunction>(x.AsVector128()).AsVector(),
            _ => TFunction.Lanes<SingleLanesVector, Vector<float>, Vector<double>>(x),
        };
}
