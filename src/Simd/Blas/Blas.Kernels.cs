using System.Numerics;

namespace Simd;

/// <summary>
/// The kernels behind <see cref="Blas"/>'s vector operations, written as scalar methods: the generator
/// turns each into the span overloads and reductions (for <see langword="float"/> and <see langword="double"/>) that
/// the public methods call.
/// </summary>
public static partial class Blas
{
    [Kernel(Reductions = Reduction.Sum)]
    internal static T Product<T>(T x, T y)
        where T : IFloatingPointIeee754<T> => x * y;

    [Kernel(Reductions = Reduction.Sum)]
    internal static T Square<T>(T x)
        where T : IFloatingPointIeee754<T> => x * x;

    [Kernel(Reductions = Reduction.Sum)]
    internal static T Value<T>(T x)
        where T : IFloatingPointIeee754<T> => x;

    [Kernel]
    internal static T Plus<T>(T x, T y)
        where T : IFloatingPointIeee754<T> => x + y;

    [Kernel]
    internal static T Scaled<T>(T x, [Uniform] T alpha)
        where T : IFloatingPointIeee754<T> => alpha * x;

    // One rounding per element where the machine has FMA, as optimised BLAS libraries compute axpy; a multiply and
    // an add where it has none (the exact software fused form would be many times slower than the scalar loop).
    [Kernel]
    internal static void AxpyUpdate<T>(ref T y, T x, [Uniform] T alpha)
        where T : IFloatingPointIeee754<T> => y = T.MultiplyAddEstimate(alpha, x, y);
}
