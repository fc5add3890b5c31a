using System;
using System.Globalization;
using Simd.Optimization;

namespace Simd.Cli.Training;

/// <summary>
/// <c>simd train --optimizer</c>: the update rule of gradient descent and the options that tune it. Every option
/// left out takes PyTorch's default for that optimizer; an option the chosen optimizer does not have is a usage error.
/// </summary>
internal static class OptimizerChoice
{
    /// <summary>The names <c>--optimizer</c> accepts; <c>gd</c> (plain gradient descent) is the default.</summary>
    public static readonly string[] Names = ["gd", "sgd", "adam", "adamw", "rmsprop", "adagrad"];

    /// <summary>The learning rate of plain gradient descent when <c>--alpha</c> is left out.</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>
    /// The optimizer options, or <see langword="null"/> for <c>gd</c>. Throws <see cref="UsageException"/> naming the
    /// command-line option for an unknown name, an option the optimizer does not take, or a value out of range.
    /// </summary>
    public static OptimizerOptions? Create(
        string name, double? alpha, double? momentum, bool nesterov, double? beta1, double? beta2, double? epsilon, double? weightDecay)
    {
        string kind = Array.Find(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--optimizer must be one of {string.Join(", ", Names)}, got '{name}'");
        Require(kind, "--momentum", momentum is not null, "sgd", "rmsprop");
        Require(kind, "--nesterov", nesterov, "sgd");
        Require(kind, "--beta1", beta1 is not null, "adam", "adamw");
        Require(kind, "--beta2", beta2 is not null, "adam", "adamw");
        Require(kind, "--epsilon", epsilon is not null, "adam", "adamw", "rmsprop", "adagrad");
        Require(kind, "--weight-decay", weightDecay is not null, "sgd", "adam", "adamw", "rmsprop", "adagrad");
        try
        {
            return kind switch
            {
                "gd" => null,
                "sgd" => new SgdOptions(alpha ?? 1e-3, momentum ?? 0, 0, weightDecay ?? 0, nesterov),
                "adam" => new AdamOptions(alpha ?? 1e-3, beta1 ?? 0.9, beta2 ?? 0.999, epsilon ?? 1e-8, weightDecay ?? 0),
                "adamw" => new AdamWOptions(alpha ?? 1e-3, beta1 ?? 0.9, beta2 ?? 0.999, epsilon ?? 1e-8, weightDecay ?? 1e-2),
                "rmsprop" => new RMSpropOptions(alpha ?? 1e-2, 0.99, epsilon ?? 1e-8, weightDecay ?? 0, momentum ?? 0),
                _ => new AdagradOptions(alpha ?? 1e-2, 0, weightDecay ?? 0, 0, epsilon ?? 1e-10),
            };
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                "learningRate" => "--alpha",
                "weightDecay" => "--weight-decay",
                string p => "--" + p,
                null => "--optimizer",
            };
            string reason = e.Message;
            int parameterNote = reason.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (parameterNote >= 0)
            {
                reason = reason[..parameterNote];
            }

            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} is invalid for --optimizer {kind}: {reason}"));
        }
    }

    /// <summary>The name of the update rule: <c>gd</c> for none.</summary>
    public static string NameOf(OptimizerOptions? optimizer) => optimizer?.Name ?? "gd";

    private static void Require(string kind, string option, bool given, params string[] takers)
    {
        if (given && Array.IndexOf(takers, kind) < 0)
        {
            throw new UsageException($"{option} applies to --optimizer {string.Join(", ", takers)}, not {kind}");
        }
    }
}
