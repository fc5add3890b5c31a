using Simd.Cli.Bench;
using Simd.Cli.Info;
using Simd.Cli.Training;

namespace Simd.Cli;

/// <summary>The parts of <c>simd</c> that reach outside the process or into other libraries, replaceable in tests.</summary>
/// <param name="Trainer">Trains models on the CPU (Simd.Learning).</param>
/// <param name="CudaTrainer">Trains models on the GPU (Simd.Cuda) for <c>--device cuda</c>.</param>
/// <param name="Cuda">Looks for a CUDA device.</param>
/// <param name="Launcher">Starts the BenchmarkDotNet suite for <c>simd bench --full</c>.</param>
internal sealed record CliServices(ITrainer Trainer, ITrainer CudaTrainer, ICudaProbe Cuda, IProcessLauncher Launcher)
{
    /// <summary>The services of the real program.</summary>
    public static CliServices Default => new(new LearningTrainer(), new CudaTrainer(), new CudaDeviceProbe(), new ProcessLauncher());
}
