using System;

namespace Simd;

/// <summary>
/// The kernels behind <see cref="Blas"/>'s vector operations, written as scalar methods: the generator
/// turns each into the span overloads and reductions that the public methods call.
/// </summary>
public static partial class Blas
{
    [Kernel(Reductions = Reduction.Sum)]
    internal static float Product(float x, float y) => x * y;

    [Kernel(Reductions = Reduction.Sum)]
    internal static double Product(double x, double y) => x * y;

    [Kernel(Reductions = Reduction.Sum)]
    internal static float Square(float x) => x * x;

    [Kernel(Reductions = Reduction.Sum)]
    internal static double Square(double x) => x * x;

    [Kernel(Reductions = Reduction.Sum)]
    internal static float Value(float x) => x;

    [Kernel(Reductions = Reduction.Sum)]
    internal static double Value(double x) => x;

    [Kernel]
    internal static float Plus(float x, float y) => x + y;

    [Kernel]
    internal static double Plus(double x, double y) => x + y;

    [Kernel]
    internal static float Scaled(float x, [Uniform] float alpha) => alpha * x;

    [Kernel]
    internal static double Scaled(double x, [Uniform] double alpha) => alpha * x;

    // One rounding per element, as optimised BLAS libraries compute axpy with FMA.
    [Kernel]
    internal static void AxpyUpdate(ref float y, float x, [Uniform] float alpha) => y = MathF.FusedMultiplyAdd(alpha, x, y);

    [Kernel]
    internal static void AxpyUpdate(ref double y, double x, [Uniform] double alpha) => y = Math.FusedMultiplyAdd(alpha, x, y);
}
