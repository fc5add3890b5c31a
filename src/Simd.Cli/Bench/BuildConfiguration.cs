using System.Diagnostics;
using System.Reflection;

namespace Simd.Cli.Bench;

/// <summary>Whether the timed code was compiled with the JIT optimiser on: Debug builds disable it, which makes timings meaningless.</summary>
internal static class BuildConfiguration
{
    /// <summary>True when both this program and the Simd library allow JIT optimisation (a Release build).</summary>
    public static bool IsOptimized => Optimized(typeof(BuildConfiguration).Assembly) && Optimized(typeof(Simd.Hardware.SimdHardware).Assembly);

    private static bool Optimized(Assembly assembly) => assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
}
