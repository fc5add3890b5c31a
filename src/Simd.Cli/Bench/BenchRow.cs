namespace Simd.Cli.Bench;

/// <summary>One line of the quick benchmark: an operation timed with each implementation.</summary>
/// <param name="Operation">What was timed (dot, axpy, gd-iteration).</param>
/// <param name="Size">The problem size, e.g. <c>4096</c> or <c>20000x512</c>.</param>
/// <param name="Scalar">The scalar loop.</param>
/// <param name="TensorPrimitives">TensorPrimitives.</param>
/// <param name="Simd">Simd.</param>
/// <param name="SimdImplementation">What the Simd column runs, in words.</param>
internal sealed record BenchRow(string Operation, string Size, Measurement Scalar, Measurement TensorPrimitives, Measurement Simd, string SimdImplementation)
{
    /// <summary>The scalar loop's median time per call.</summary>
    public double ScalarNanoseconds => Scalar.MedianNanoseconds;

    /// <summary>TensorPrimitives' median time per call.</summary>
    public double TensorPrimitivesNanoseconds => TensorPrimitives.MedianNanoseconds;

    /// <summary>Simd's median time per call.</summary>
    public double SimdNanoseconds => Simd.MedianNanoseconds;

    /// <summary>The largest spread of the three.</summary>
    public double MaxSpread => System.Math.Max(Scalar.Spread, System.Math.Max(TensorPrimitives.Spread, Simd.Spread));
}
