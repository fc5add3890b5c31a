namespace Simd.Cli.Bench;

/// <summary>One line of the quick benchmark: an operation timed with each implementation.</summary>
/// <param name="Operation">What was timed (dot, axpy, gd-iteration).</param>
/// <param name="Size">The problem size, e.g. <c>4096</c> or <c>512x256</c>.</param>
/// <param name="ScalarNanoseconds">The scalar loop's median time per call.</param>
/// <param name="TensorPrimitivesNanoseconds">TensorPrimitives' median time per call.</param>
/// <param name="SimdNanoseconds">Simd's median time per call.</param>
internal sealed record BenchRow(string Operation, string Size, double ScalarNanoseconds, double TensorPrimitivesNanoseconds, double SimdNanoseconds);
