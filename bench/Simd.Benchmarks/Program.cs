using BenchmarkDotNet.Running;

namespace Simd.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites; pass BenchmarkDotNet's own arguments (e.g. <c>--filter *Dot*</c>).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
