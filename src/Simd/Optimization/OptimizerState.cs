using System;
using System.Numerics;

namespace Simd.Optimization;

/// <summary>
/// A snapshot of an optimizer's state — the step count and the state buffers of every parameter group — taken by
/// <see cref="Optimizer{T}.ExportState"/> and restored by <see cref="Optimizer{T}.ImportState"/>. It is a deep copy:
/// stepping the optimizer afterwards does not change it, and importing it resumes bit-identically.
/// </summary>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class OptimizerState<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] lengths;
    private readonly long[] steps;
    private readonly T[][][] buffers;

    internal OptimizerState(string optimizer, int bufferCount, int[] lengths, long[] steps, T[][][] buffers)
    {
        Optimizer = optimizer;
        BufferCount = bufferCount;
        this.lengths = lengths;
        this.steps = steps;
        this.buffers = buffers;
    }

    /// <summary>The short name of the optimizer that exported it (<see cref="OptimizerOptions.Name"/>).</summary>
    public string Optimizer { get; }

    /// <summary>The number of state buffers per group (e.g. 2 for Adam, 3 with AMSGrad).</summary>
    public int BufferCount { get; }

    /// <summary>The number of parameter groups; 0 before the first step.</summary>
    public int GroupCount => steps.Length;

    /// <summary>The number of steps taken on group <paramref name="group"/>.</summary>
    /// <param name="group">0 to <see cref="GroupCount"/> − 1.</param>
    /// <returns>The step count t.</returns>
    public long GetStepCount(int group) => steps[CheckGroup(group)];

    /// <summary>The number of parameters of group <paramref name="group"/>.</summary>
    /// <param name="group">0 to <see cref="GroupCount"/> − 1.</param>
    /// <returns>The length every step of that group must pass.</returns>
    public int GetLength(int group) => lengths[CheckGroup(group)];

    /// <summary>A copy of state buffer <paramref name="buffer"/> of group <paramref name="group"/> (for inspection).</summary>
    /// <param name="group">0 to <see cref="GroupCount"/> − 1.</param>
    /// <param name="buffer">0 to <see cref="BufferCount"/> − 1, in the order the optimizer's documentation lists them.</param>
    /// <returns>The values.</returns>
    public T[] GetBuffer(int group, int buffer)
    {
        T[][] b = buffers[CheckGroup(group)];
        if ((uint)buffer >= (uint)b.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(buffer), buffer, $"'{nameof(buffer)}' must be in [0, {b.Length - 1}]; this state has {b.Length} buffers per group.");
        }

        return (T[])b[buffer].Clone();
    }

    internal int[] Lengths => lengths;

    internal long[] Steps => steps;

    internal T[][][] Buffers => buffers;

    private int CheckGroup(int group)
    {
        if ((uint)group >= (uint)steps.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"'{nameof(group)}' must be in [0, {steps.Length - 1}]; this state has {steps.Length} groups.");
        }

        return group;
    }
}
