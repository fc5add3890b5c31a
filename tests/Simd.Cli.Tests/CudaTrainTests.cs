using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Simd.Cli.Data;
using Simd.Cli.Info;
using Simd.Cli.Tests.Support;
using Simd.Cli.Training;
using Simd.Cuda;
using Xunit;

namespace Simd.Cli.Tests;

/// <summary><c>simd train --device cuda</c>: the wiring with stand-ins, and the real device when this machine has one.</summary>
public sealed class CudaTrainTests
{
    [Fact]
    public void Without_a_device_it_exits_with_1_giving_the_reason_before_reading_data()
    {
        var probe = new FixedProbe(new CudaStatus(false, "CUDA is not available: no driver", null, null, null, null));
        var trainer = new CannedTrainer();
        CliResult run = InProcess.Run(["train", "--device", "cuda"], InProcess.With(cuda: probe, cudaTrainer: trainer));
        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("simd: --device cuda: CUDA is not available: no driver", run.Error);
        Assert.Equal(string.Empty, run.Output);
        Assert.Null(trainer.Options);
    }

    [Fact]
    public void With_a_device_the_gpu_trainer_runs_and_json_says_cuda()
    {
        var probe = new FixedProbe(new CudaStatus(true, "ready", true, true, "Test GPU", 1L << 30));
        var trainer = new CannedTrainer();
        CliResult run = InProcess.Run(
            ["train", "--device", "cuda", "--json", "--precision", "float", "--iterations", "3"],
            InProcess.With(cuda: probe, cudaTrainer: trainer));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("cuda", run.Json().Text("device"));
        Assert.Equal(Precision.Float, trainer.Options!.Precision);
        Assert.Equal(3, trainer.Options.Iterations);
    }

    [Fact]
    public void Cpu_device_never_touches_the_gpu_trainer()
    {
        var trainer = new CannedTrainer();
        Assert.Equal(0, InProcess.Run(["train", "--iterations", "3"], InProcess.With(cudaTrainer: trainer)).ExitCode);
        Assert.Null(trainer.Options);
    }

    [Fact]
    public void Real_device_trains_or_the_reason_is_given()
    {
        CliResult run = InProcess.Run("train", "--device", "cuda", "--json", "--iterations", "50");
        if (!CudaDevice.TryOpenDefault(out _, out string reason))
        {
            Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
            Assert.Contains($"simd: --device cuda: {reason}", run.Error);
            return;
        }

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonElement json = run.Json();
        Assert.Equal("cuda", json.Text("device"));
        double[] history = json.Doubles("costHistory");
        Assert.Equal(51, history.Length);

        // α = 0.1 < 2/λmax on the z-scored diabetes data (checked in TrainCommandTests), so every update lowers the cost.
        Assert.True(history.Zip(history.Skip(1)).All(p => p.Second < p.First), string.Join(", ", history));
    }

    /// <summary>Records the options and returns a fixed, valid result.</summary>
    private sealed class CannedTrainer : ITrainer
    {
        public TrainingOptions? Options { get; private set; }

        public TrainingResult Train(DataSet data, TrainingOptions options, Action<int, double>? onUpdate, CancellationToken cancellationToken)
        {
            Options = options;
            double[] zeros = new double[data.FeatureCount];
            double[] history = Enumerable.Range(0, options.Iterations + 1).Select(k => 100.0 / (k + 1)).ToArray();
            return new TrainingResult(zeros, 0, zeros, 0, history, options.Iterations);
        }
    }
}
