using System;
using Simd.Learning;

namespace Simd.Cli.Training;

/// <summary>
/// Forwards gradient-descent reports to a callback on the training thread. <see cref="Progress{T}"/> would post
/// them to the thread pool, so they could arrive out of order or after training ended.
/// </summary>
internal sealed class SynchronousProgress(Action<int, double> onUpdate) : IProgress<GradientDescentProgress>
{
    /// <inheritdoc/>
    public void Report(GradientDescentProgress value) => onUpdate(value.Iteration, value.Cost);
}
