using System;

namespace Simd;

/// <summary>
/// Basic linear algebra on spans and matrix views: vector operations (level 1, generated from the kernels in
/// <c>Blas.Kernels.cs</c>), matrix-vector and matrix-matrix products.
/// </summary>
/// <remarks>
/// Sums (<see cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, <see cref="Sum(ReadOnlySpan{float})"/>,
/// <see cref="SumOfSquares(ReadOnlySpan{float})"/>) use several vector accumulators and fuse the products
/// into them; their error bound against the exact sum is stated in docs/authoring-kernels.md. Element-wise
/// operations are exact: each element is computed as the scalar formula would.
/// </remarks>
public static partial class Blas
{
    /// <summary>The dot product Σ xᵢ·yᵢ.</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, as long as <paramref name="x"/>.</param>
    /// <returns>The dot product; 0 for empty vectors.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => ProductSum(x, y);

    /// <inheritdoc cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => ProductSum(x, y);

    /// <summary>The sum Σ xᵢ.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The sum; 0 for an empty span.</returns>
    public static float Sum(ReadOnlySpan<float> x) => ValueSum(x);

    /// <inheritdoc cref="Sum(ReadOnlySpan{float})"/>
    public static double Sum(ReadOnlySpan<double> x) => ValueSum(x);

    /// <summary>The sum of squares Σ xᵢ².</summary>
    /// <param name="x">The values.</param>
    /// <returns>The sum of squares; 0 for an empty span.</returns>
    public static float SumOfSquares(ReadOnlySpan<float> x) => SquareSum(x);

    /// <inheritdoc cref="SumOfSquares(ReadOnlySpan{float})"/>
    public static double SumOfSquares(ReadOnlySpan<double> x) => SquareSum(x);

    /// <summary>
    /// y ← α·x + y, in place: one rounding per element (fused multiply-add) where the machine has FMA, a multiply and an
    /// add (two roundings) where it has none. The same on every vector width and the scalar path of one machine.
    /// </summary>
    /// <param name="alpha">The scale α.</param>
    /// <param name="x">The vector added.</param>
    /// <param name="y">The vector updated, as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the spans overlap at different offsets.</exception>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => AxpyUpdate(y, x, alpha);

    /// <inheritdoc cref="Axpy(float, ReadOnlySpan{float}, Span{float})"/>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) => AxpyUpdate(y, x, alpha);

    /// <summary>destinationᵢ ← α·xᵢ. Pass the same span as <paramref name="x"/> and <paramref name="destination"/> to scale in place.</summary>
    /// <param name="x">The values.</param>
    /// <param name="alpha">The scale α.</param>
    /// <param name="destination">Receives the scaled values; at least as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or overlaps <paramref name="x"/> at another offset.</exception>
    public static void Scale(ReadOnlySpan<float> x, float alpha, Span<float> destination) => Scaled(x, alpha, destination);

    /// <inheritdoc cref="Scale(ReadOnlySpan{float}, float, Span{float})"/>
    public static void Scale(ReadOnlySpan<double> x, double alpha, Span<double> destination) => Scaled(x, alpha, destination);

    /// <summary>destinationᵢ ← xᵢ + yᵢ.</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, as long as <paramref name="x"/>.</param>
    /// <param name="destination">Receives the sums; at least as long as the inputs; may be exactly one of them.</param>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="destination"/> is too short, or overlaps an input at another offset.</exception>
    public static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Plus(x, y, destination);

    /// <inheritdoc cref="Add(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>
    public static void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) => Plus(x, y, destination);

    /// <summary>destinationᵢ ← xᵢ · yᵢ.</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector, as long as <paramref name="x"/>.</param>
    /// <param name="destination">Receives the products; at least as long as the inputs; may be exactly one of them.</param>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="destination"/> is too short, or overlaps an input at another offset.</exception>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Product(x, y, destination);

    /// <inheritdoc cref="Multiply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>
    public static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) => Product(x, y, destination);
}
