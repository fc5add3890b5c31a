using System;
using System.Collections.Generic;
using System.Linq;
using Simd.Optimization;

namespace Simd.Tests.Optimization;

/// <summary>The option combinations the tests run, each with its PyTorch reference.</summary>
internal static class OptimizerCases
{
    public static readonly IReadOnlyDictionary<string, (OptimizerOptions Options, Func<int, TorchReference> Reference)> All =
        new Dictionary<string, (OptimizerOptions, Func<int, TorchReference>)>
        {
            ["sgd"] = (new SgdOptions(0.01), n => new TorchReference.Sgd(n, 0.01, 0, 0, 0, false)),
            ["sgd-wd"] = (new SgdOptions(0.01, weightDecay: 0.1), n => new TorchReference.Sgd(n, 0.01, 0, 0, 0.1, false)),
            ["sgd-momentum"] = (new SgdOptions(0.01, momentum: 0.9), n => new TorchReference.Sgd(n, 0.01, 0.9, 0, 0, false)),
            ["sgd-dampening-wd"] = (new SgdOptions(0.02, momentum: 0.8, dampening: 0.5, weightDecay: 0.05), n => new TorchReference.Sgd(n, 0.02, 0.8, 0.5, 0.05, false)),
            ["sgd-nesterov"] = (new SgdOptions(0.01, momentum: 0.9, nesterov: true), n => new TorchReference.Sgd(n, 0.01, 0.9, 0, 0, true)),
            ["sgd-nesterov-wd"] = (new SgdOptions(0.01, momentum: 0.5, weightDecay: 0.2, nesterov: true), n => new TorchReference.Sgd(n, 0.01, 0.5, 0, 0.2, true)),
            ["adam"] = (new AdamOptions(0.01), n => new TorchReference.Adam(n, 0.01, 0.9, 0.999, 1e-8, 0, false, false)),
            ["adam-wd"] = (new AdamOptions(0.01, weightDecay: 0.1), n => new TorchReference.Adam(n, 0.01, 0.9, 0.999, 1e-8, 0.1, false, false)),
            ["adam-amsgrad"] = (new AdamOptions(0.01, 0.8, 0.99, 1e-6, amsgrad: true), n => new TorchReference.Adam(n, 0.01, 0.8, 0.99, 1e-6, 0, true, false)),
            ["adam-amsgrad-wd"] = (new AdamOptions(0.01, weightDecay: 0.05, amsgrad: true), n => new TorchReference.Adam(n, 0.01, 0.9, 0.999, 1e-8, 0.05, true, false)),
            ["adamw"] = (new AdamWOptions(0.01), n => new TorchReference.Adam(n, 0.01, 0.9, 0.999, 1e-8, 0.01, false, true)),
            ["adamw-amsgrad"] = (new AdamWOptions(0.01, weightDecay: 0.3, amsgrad: true), n => new TorchReference.Adam(n, 0.01, 0.9, 0.999, 1e-8, 0.3, true, true)),
            ["rmsprop"] = (new RMSpropOptions(), n => new TorchReference.RMSprop(n, 0.01, 0.99, 1e-8, 0, 0, false)),
            ["rmsprop-centered"] = (new RMSpropOptions(0.005, 0.9, centered: true), n => new TorchReference.RMSprop(n, 0.005, 0.9, 1e-8, 0, 0, true)),
            ["rmsprop-momentum-wd"] = (new RMSpropOptions(0.005, weightDecay: 0.1, momentum: 0.9), n => new TorchReference.RMSprop(n, 0.005, 0.99, 1e-8, 0.1, 0.9, false)),
            ["rmsprop-centered-momentum"] = (new RMSpropOptions(0.005, 0.9, 1e-6, 0.01, 0.5, true), n => new TorchReference.RMSprop(n, 0.005, 0.9, 1e-6, 0.01, 0.5, true)),
            ["adagrad"] = (new AdagradOptions(), n => new TorchReference.Adagrad(n, 0.01, 0, 0, 0, 1e-10)),
            ["adagrad-decay-wd-init"] = (new AdagradOptions(0.05, 0.1, 0.1, 0.5, 1e-6), n => new TorchReference.Adagrad(n, 0.05, 0.1, 0.1, 0.5, 1e-6)),
        };

    public static TheoryDataNames Names => new(All.Keys);

    /// <summary>Gradients of magnitude in [0.5, 1] with random signs: never near 0, so no quotient is ill-conditioned.</summary>
    public static double[] Gradients(Random random, int length)
        => [.. Enumerable.Range(0, length).Select(_ => (double)(float)((random.Next(2) * 2 - 1) * (0.5 + (0.5 * random.NextDouble()))))];

    /// <summary>Starting parameters in [−1, 1], representable in float.</summary>
    public static double[] Parameters(Random random, int length)
        => [.. Enumerable.Range(0, length).Select(_ => (double)(float)((2 * random.NextDouble()) - 1))];
}

/// <summary>Theory data of case names.</summary>
public sealed class TheoryDataNames : Xunit.TheoryData<string>
{
    public TheoryDataNames(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            Add(name);
        }
    }
}
