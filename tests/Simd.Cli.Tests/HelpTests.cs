using Simd.Cli.Tests.Support;
using Xunit;

namespace Simd.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public void Root_help_lists_the_commands_with_examples()
    {
        CliResult run = InProcess.Run("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("simd [OPTIONS] <COMMAND>", run.Output);
        Assert.Contains("EXAMPLES:", run.Output);
        Assert.Contains("simd train --data houses.csv --target price --plot curve.svg", run.Output);
        foreach (string command in new[] { "info", "train", "bench", "eval", "cluster" })
        {
            Assert.Contains(command, run.Output);
        }
    }

    [Theory]
    [InlineData("info", "--json", "simd info --json")]
    [InlineData("train", "--solver <SOLVER>", "simd train --solver normal --json")]
    [InlineData("bench", "--full", "simd bench --full -- --filter *Dot*")]
    [InlineData("cluster", "-k, --clusters <K>", "simd cluster --data points.csv --k 3 --init start.csv --iterations 50")]
    public void Command_help_shows_its_options_and_examples(string command, string option, string example)
    {
        CliResult run = InProcess.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output);
        Assert.Contains("EXAMPLES:", run.Output);
        Assert.Contains(example, run.Output);
    }

    [Fact]
    public void Train_help_documents_every_option()
    {
        string help = InProcess.Run("train", "--help").Output;
        foreach (string option in new[] { "--data", "--target", "--model", "--scale", "--alpha", "--iterations", "--tolerance", "--lambda", "--solver", "--precision", "--device", "--json", "--plot", "--optimizer", "--momentum", "--nesterov", "--beta1", "--beta2", "--epsilon", "--weight-decay", "--dampening", "--amsgrad", "--rmsprop-alpha", "--centered", "--lr-decay", "--initial-accumulator" })
        {
            Assert.Contains(option, help);
        }
    }

    [Fact]
    public void Cluster_help_documents_every_option()
    {
        string help = InProcess.Run("cluster", "--help").Output;
        foreach (string option in new[] { "--data", "--clusters", "also written --k K", "--init", "--seed", "--iterations", "--json" })
        {
            Assert.Contains(option, help);
        }
    }

    [Fact]
    public void No_command_shows_help_and_fails_as_bad_usage()
    {
        CliResult run = InProcess.Run();
        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("USAGE:", run.Output);
    }
}
