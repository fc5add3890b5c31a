using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Simd.Cli.Commands;
using Simd.Cli.Data;
using Simd.Cli.Output;
using Simd.Cli.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simd.Cli;

/// <summary>
/// Builds the <c>simd</c> command line (Spectre.Console.Cli) and maps every failure to an exit code and a one-line
/// message on standard error (<see cref="ExitCodes"/>), never a stack trace unless <c>SIMD_VERBOSE=1</c> asks for
/// one; with <c>--json</c> the error is also written to standard output as a JSON object.
/// </summary>
internal static class SimdApp
{
    /// <summary>The environment variable that, set to 1, adds the stack trace to an internal error's message.</summary>
    public const string VerboseVariable = "SIMD_VERBOSE";

    /// <summary>Runs <c>simd</c> with <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="services">The trainer, CUDA probe and process launcher to use.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C): it stops between updates and exits with <see cref="ExitCodes.Cancelled"/>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(IReadOnlyList<string> args, CliConsole console, CliServices services, CancellationToken cancellationToken = default)
    {
        bool json = args.TakeWhile(a => a != "--").Contains("--json", StringComparer.Ordinal);
        if (ForcedPathError() is string forcedPathError)
        {
            return Report(new UsageException(forcedPathError), console, json);
        }

        if (OptionValues.Problem(args) is string problem)
        {
            return Report(new UsageException(problem), console, json);
        }

        args = OptionAliases.Apply(args);

        var app = new CommandApp();
        app.Configure(config =>
        {
            // Commands receive these through their constructors.
            config.Settings.Registrar.RegisterInstance<CliConsole>(console);
            config.Settings.Registrar.RegisterInstance<CliServices>(services);
            config.Settings.Registrar.RegisterInstance<Info.ICudaProbe>(services.Cuda);
            config.Settings.Registrar.RegisterInstance<Bench.IProcessLauncher>(services.Launcher);

            config.SetApplicationName("simd");
            config.SetApplicationVersion(typeof(SimdApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.SetApplicationCulture(CultureInfo.InvariantCulture);
            config.ConfigureConsole(console.Out);
            config.UseStrictParsing();
            config.SetExceptionHandler((exception, _) => Report(exception, console, json));
            config.CancellationExitCode(ExitCodes.Cancelled);

            config.AddExample("info");
            config.AddExample("train");
            config.AddExample("train", "--data", "houses.csv", "--target", "price", "--plot", "curve.svg");
            config.AddExample("bench");
            config.AddExample("eval", "--metric", "bleu", "--predictions", "hyp.txt", "--references", "ref.txt");
            config.AddExample("cluster", "--data", "points.csv", "--k", "3");

            config.AddCommand<InfoCommand>("info")
                .WithDescription("Show the vector path every kernel shape takes on this machine, why, the cores used and CUDA status.")
                .WithExample("info")
                .WithExample("info", "--json");

            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train linear or logistic regression on a CSV file (the embedded diabetes data when no --data is given).")
                .WithExample("train")
                .WithExample("train", "--iterations", "5000", "--alpha", "0.3", "--plot", "curve.svg")
                .WithExample("train", "--solver", "normal", "--json")
                .WithExample("train", "--data", "cancer.csv", "--model", "logistic", "--precision", "float")
                .WithExample("train", "--data", "houses.csv", "--target", "price", "--scale", "minmax", "--lambda", "0.1");

            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Time Dot, Axpy and one gradient-descent iteration against the scalar loop and TensorPrimitives (under a minute).")
                .WithExample("bench")
                .WithExample("bench", "--repetitions", "31")
                .WithExample("bench", "--full")
                .WithExample("bench", "--full", "--", "--filter", "*Dot*");

            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Score predictions against references with ROUGE (as rouge-score) or BLEU (as sacreBLEU), one text per line.")
                .WithExample("eval", "--metric", "rouge", "--predictions", "summaries.txt", "--references", "targets.txt", "--stem")
                .WithExample("eval", "--metric", "bleu", "--predictions", "hyp.txt", "--references", "ref1.txt", "ref2.txt", "--json");

            config.AddCommand<ClusterCommand>("cluster")
                .WithDescription("Cluster the rows of a CSV file (every column a feature) by k-means, as scikit-learn's KMeans (Lloyd, k-means++).")
                .WithExample("cluster", "--data", "points.csv", "--k", "3")
                .WithExample("cluster", "--data", "points.csv", "--k", "3", "--seed", "7", "--json")
                .WithExample("cluster", "--data", "points.csv", "--k", "3", "--init", "start.csv", "--iterations", "50");
        });

        if (args.Count == 0)
        {
            // A bare 'simd' shows the help, but it did not do what a command would: bad usage, like git.
            app.Run(["--help"]);
            return ExitCodes.BadUsage;
        }

        int code;
        try
        {
            code = app.Run(args, cancellationToken);
        }
        finally
        {
            if (console.Interactive)
            {
                // A progress bar hides the cursor; whatever ended the command, give the terminal its cursor back.
                console.Out.Cursor.Show(true);
            }
        }

        if (code == ExitCodes.Cancelled && cancellationToken.IsCancellationRequested && !console.ReportedCancellation)
        {
            // Spectre returns the cancellation exit code itself when the token fired, without the exception handler.
            return Report(new OperationCanceledException(cancellationToken), console, json);
        }

        return code;
    }

    /// <summary>
    /// The message of a bad <c>SIMD_FORCE_PATH</c> value, or <see langword="null"/>: the library reads it once, on first
    /// use, so it is checked here before any command runs.
    /// </summary>
    private static string? ForcedPathError()
    {
        try
        {
            _ = Hardware.SimdHardware.Path;
            return null;
        }
        catch (TypeInitializationException exception) when (exception.InnerException is InvalidOperationException inner)
        {
            return inner.Message;
        }
    }

    /// <summary>
    /// Prints the message of <paramref name="exception"/> as one line on standard error (and, for <c>--json</c>, as a
    /// JSON object on standard output) and returns its exit code.
    /// </summary>
    private static int Report(Exception exception, CliConsole console, bool json)
    {
        (int code, string message) = exception switch
        {
            CommandParseException or CommandRuntimeException or UsageException => (ExitCodes.BadUsage, exception.Message),
            DataFormatException => (ExitCodes.BadData, exception.Message),
            TrainingDivergedException => (ExitCodes.Diverged, exception.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            IOException => (ExitCodes.OutputError, $"cannot write the output: {exception.Message}"),
            _ => (ExitCodes.InternalError, $"internal error, please report it: {exception.GetType().FullName}: {exception.Message}"),
        };

        message = message.ReplaceLineEndings(" ");
        if (code == ExitCodes.Cancelled)
        {
            console.ReportedCancellation = true;
        }

        if (code == ExitCodes.InternalError && Environment.GetEnvironmentVariable(VerboseVariable) == "1")
        {
            message += Environment.NewLine + exception;
        }

        console.Error.WriteLine($"simd: {message}");
        if (code == ExitCodes.BadUsage)
        {
            console.Error.WriteLine("Run 'simd --help' or 'simd COMMAND --help' for usage.");
        }

        console.Error.Flush();
        if (json && code != ExitCodes.OutputError)
        {
            WriteJsonError(console, code, message);
        }

        return code;
    }

    private static void WriteJsonError(CliConsole console, int code, string message)
    {
        try
        {
            Json.Write(console.Raw, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("error");
                w.WriteNumber("exitCode", code);
                w.WriteString("message", message);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
        catch (IOException)
        {
            // Standard output is gone; the line on standard error said it all.
        }
    }
}
