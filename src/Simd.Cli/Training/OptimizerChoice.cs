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
    public static OptimizerOptions? Create(string name, double? alpha, OptimizerFlags o)
    {
        string kind = Array.Find(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--optimizer must be one of {string.Join(", ", Names)}, got '{name}'");
        Require(kind, "--momentum", o.Momentum is not null, "sgd", "rmsprop");
        Require(kind, "--nesterov", o.Nesterov, "sgd");
        Require(kind, "--dampening", o.Dampening is not null, "sgd");
        Require(kind, "--beta1", o.Beta1 is not null, "adam", "adamw");
        Require(kind, "--beta2", o.Beta2 is not null, "adam", "adamw");
        Require(kind, "--amsgrad", o.Amsgrad, "adam", "adamw");
        Require(kind, "--epsilon", o.Epsilon is not null, "adam", "adamw", "rmsprop", "adagrad");
        Require(kind, "--weight-decay", o.WeightDecay is not null, "sgd", "adam", "adamw", "rmsprop", "adagrad");
        Require(kind, "--rmsprop-alpha", o.RmspropAlpha is not null, "rmsprop");
        Require(kind, "--centered", o.Centered, "rmsprop");
        Require(kind, "--lr-decay", o.LrDecay is not null, "adagrad");
        Require(kind, "--initial-accumulator", o.InitialAccumulator is not null, "adagrad");
        try
        {
            return kind switch
            {
                "gd" => null,
                "sgd" => new SgdOptions(alpha ?? 1e-3, o.Momentum ?? 0, o.Dampening ?? 0, o.WeightDecay ?? 0, o.Nesterov),
                "adam" => new AdamOptions(alpha ?? 1e-3, o.Beta1 ?? 0.9, o.Beta2 ?? 0.999, o.Epsilon ?? 1e-8, o.WeightDecay ?? 0, o.Amsgrad),
                "adamw" => new AdamWOptions(alpha ?? 1e-3, o.Beta1 ?? 0.9, o.Beta2 ?? 0.999, o.Epsilon ?? 1e-8, o.WeightDecay ?? 1e-2, o.Amsgrad),
                "rmsprop" => new RMSpropOptions(alpha ?? 1e-2, o.RmspropAlpha ?? 0.99, o.Epsilon ?? 1e-8, o.WeightDecay ?? 0, o.Momentum ?? 0, o.Centered),
                _ => new AdagradOptions(alpha ?? 1e-2, o.LrDecay ?? 0, o.WeightDecay ?? 0, o.InitialAccumulator ?? 0, o.Epsilon ?? 1e-10),
            };
        }
        catch (ArgumentException e)
        {
            string option = e.ParamName switch
            {
                "learningRate" => "--alpha",
                "weightDecay" => "--weight-decay",
                "alpha" => "--rmsprop-alpha",
                "lrDecay" => "--lr-decay",
                "initialAccumulatorValue" => "--initial-accumulator",
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
