namespace Simd.Cli.Training;

/// <summary>
/// The optimizer options of <c>simd train</c> as given on the command line: <see langword="null"/> (or
/// <see langword="false"/>) for an option left out, which then takes PyTorch's default.
/// </summary>
/// <param name="Momentum"><c>--momentum</c> (sgd, rmsprop).</param>
/// <param name="Nesterov"><c>--nesterov</c> (sgd).</param>
/// <param name="Beta1"><c>--beta1</c> (adam, adamw).</param>
/// <param name="Beta2"><c>--beta2</c> (adam, adamw).</param>
/// <param name="Epsilon"><c>--epsilon</c> (adam, adamw, rmsprop, adagrad).</param>
/// <param name="WeightDecay"><c>--weight-decay</c> (every optimizer).</param>
/// <param name="Dampening"><c>--dampening</c> (sgd).</param>
/// <param name="Amsgrad"><c>--amsgrad</c> (adam, adamw).</param>
/// <param name="RmspropAlpha"><c>--rmsprop-alpha</c>, RMSprop's smoothing constant (PyTorch's <c>alpha</c>).</param>
/// <param name="Centered"><c>--centered</c> (rmsprop).</param>
/// <param name="LrDecay"><c>--lr-decay</c> (adagrad).</param>
/// <param name="InitialAccumulator"><c>--initial-accumulator</c> (adagrad).</param>
internal sealed record OptimizerFlags(
    double? Momentum = null,
    bool Nesterov = false,
    double? Beta1 = null,
    double? Beta2 = null,
    double? Epsilon = null,
    double? WeightDecay = null,
    double? Dampening = null,
    bool Amsgrad = false,
    double? RmspropAlpha = null,
    bool Centered = false,
    double? LrDecay = null,
    double? InitialAccumulator = null);
