namespace Simd.Cli.Info;

/// <summary>One shape of generated kernel and the path it takes in this process.</summary>
/// <param name="Shape">What the kernel does (map, in-place update, sum, min/max).</param>
/// <param name="Driver">The runtime loop that runs it.</param>
/// <param name="Path">The vector path, e.g. <c>Avx512</c>.</param>
/// <param name="FloatLanes">float elements per vector on that path (1 = scalar).</param>
/// <param name="DoubleLanes">double elements per vector on that path (1 = scalar).</param>
internal sealed record KernelShape(string Shape, string Driver, string Path, int FloatLanes, int DoubleLanes);
