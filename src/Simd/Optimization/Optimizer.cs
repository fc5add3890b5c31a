using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using Simd.Learning;

namespace Simd.Optimization;

/// <summary>
/// A first-order optimizer that owns its state (moment buffers and step count, per parameter group) and updates
/// parameters in place from their gradients, one generated single-pass kernel per step and group.
/// </summary>
/// <remarks>
/// <para>Groups: the first <c>Step</c> fixes the number of groups and their lengths (state buffers are allocated
/// then, zero or the optimizer's initial value); every later step must pass the same groups, in the same order,
/// with the same lengths. <see cref="Step(Span{T}, ReadOnlySpan{T})"/> is one group.</para>
/// <para>Non-finite values: before anything is written, every gradient and parameter of every group is checked;
/// a NaN or ∞ is an <see cref="ArgumentException"/> naming the argument, the group and the index, and leaves
/// parameters and state unchanged (a NaN is never spread into the state). The check is one extra read of θ and g
/// per step; <see cref="CheckFinite"/> turns it off where a caller checks its gradients itself (as a loss scaler
/// does). Lengths and overlap are always checked.</para>
/// <para>Saving: <see cref="ExportState"/> and <see cref="ImportState"/> copy the whole state, so a run resumes
/// bit-identically. On a GPU, <c>Simd.Cuda.Optimization.DeviceOptimizer&lt;T&gt;</c> runs the same steps with the
/// parameters, gradients and state in device memory, and exports and imports the same state.</para>
/// <para>Not thread-safe: one step at a time.</para>
/// </remarks>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public abstract class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] lengths = [];
    private long[] steps = [];
    private T[][][] buffers = [];

    private protected Optimizer(OptimizerOptions options)
    {
        LearningArguments.RequireFloatOrDouble<T>();
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The hyper-parameters.</summary>
    public OptimizerOptions Options { get; }

    /// <summary>
    /// Whether each step first checks that every parameter and gradient is finite, and throws, writing nothing, when
    /// one is not (the default, <see langword="true"/>). With <see langword="false"/> a step is the single pass of its
    /// kernel alone, about 1.3× (Adam, AdamW) to 1.4× (the others) fewer bytes moved, and a NaN or ∞ spreads into the
    /// parameters and the state as it does in <c>torch.optim</c>: for callers that have checked the gradients already.
    /// </summary>
    public bool CheckFinite { get; set; } = true;

    /// <summary>The number of parameter groups with state; 0 before the first step.</summary>
    public int GroupCount => lengths.Length;

    /// <summary>The number of state buffers per group with these options.</summary>
    public abstract int BufferCount { get; }

    /// <summary>The number of steps taken on group <paramref name="group"/>.</summary>
    /// <param name="group">0 to <see cref="GroupCount"/> − 1.</param>
    /// <returns>The step count t.</returns>
    public long GetStepCount(int group)
    {
        if ((uint)group >= (uint)steps.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"'{nameof(group)}' must be in [0, {steps.Length - 1}]; the optimizer has {steps.Length} groups.");
        }

        return steps[group];
    }

    /// <summary>One step on one parameter group: updates <paramref name="parameters"/> in place.</summary>
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="gradients">∂J/∂θ, the same length, not overlapping <paramref name="parameters"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ, the spans overlap, a value is NaN/∞, or the state was made for other groups.</exception>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        if (gradients.Length != parameters.Length)
        {
            throw new ArgumentException($"'{nameof(gradients)}' has {gradients.Length} elements but must have {parameters.Length} (one per parameter).", nameof(gradients));
        }

        if (parameters.Overlaps(gradients))
        {
            throw new ArgumentException($"'{nameof(gradients)}' shares memory with '{nameof(parameters)}', which are written in place; pass a separate gradient buffer.", nameof(gradients));
        }

        RequireState(1, nameof(parameters));
        if (lengths.Length == 1 && lengths[0] != parameters.Length)
        {
            throw new ArgumentException(
                $"'{nameof(parameters)}' has {parameters.Length} elements but the optimizer's state was made for {lengths[0]}; pass the same parameters every step, or call {nameof(Reset)}.",
                nameof(parameters));
        }

        if (CheckFinite)
        {
            RequireFinite(parameters, gradients, nameof(parameters), nameof(gradients), null);
        }

        if (lengths.Length == 0)
        {
            Allocate([parameters.Length]);
        }

        steps[0]++;
        Update(parameters, gradients, buffers[0], steps[0]);
    }

    /// <summary>One step on every parameter group, each with its own state. Nothing is written unless every group is valid.</summary>
    /// <param name="groups">The groups; the same number, order and lengths every step. No group's parameters may share memory with another group's parameters or with any gradients.</param>
    /// <exception cref="ArgumentException">A group's lengths differ, memory is shared, a value is NaN/∞, or the groups differ from those of the state.</exception>
    public void Step(IReadOnlyList<ParameterGroup<T>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            throw new ArgumentException($"'{nameof(groups)}' is empty; pass at least one parameter group.", nameof(groups));
        }

        RequireState(groups.Count, nameof(groups));
        for (int i = 0; i < groups.Count; i++)
        {
            ReadOnlySpan<T> p = groups[i].Parameters.Span;
            ReadOnlySpan<T> g = groups[i].Gradients.Span;
            if (g.Length != p.Length)
            {
                throw new ArgumentException($"'{nameof(groups)}' group {i} has {p.Length} parameters but {g.Length} gradients; they must be equal.", nameof(groups));
            }

            if (lengths.Length != 0 && lengths[i] != p.Length)
            {
                throw new ArgumentException(
                    $"'{nameof(groups)}' group {i} has {p.Length} parameters but the optimizer's state was made for {lengths[i]}; pass the same groups every step, or call {nameof(Reset)}.",
                    nameof(groups));
            }

            for (int j = 0; j < groups.Count; j++)
            {
                if (p.Overlaps(groups[j].Gradients.Span) || (j != i && p.Overlaps(groups[j].Parameters.Span)))
                {
                    string what = p.Overlaps(groups[j].Gradients.Span) ? "gradients" : "parameters";
                    throw new ArgumentException(
                        $"'{nameof(groups)}' group {i}'s parameters share memory with group {j}'s {what}; parameters are written in place and must be separate.", nameof(groups));
                }
            }

            if (CheckFinite)
            {
                RequireFinite(p, g, nameof(groups), nameof(groups), i);
            }
        }

        if (lengths.Length == 0)
        {
            var l = new int[groups.Count];
            for (int i = 0; i < l.Length; i++)
            {
                l[i] = groups[i].Parameters.Length;
            }

            Allocate(l);
        }

        for (int i = 0; i < groups.Count; i++)
        {
            steps[i]++;
            Update(groups[i].Parameters.Span, groups[i].Gradients.Span, buffers[i], steps[i]);
        }
    }

    /// <summary>A deep copy of the state (step counts and buffers of every group).</summary>
    /// <returns>The snapshot; <see cref="ImportState"/> restores it.</returns>
    public OptimizerState<T> ExportState() => new(Options.Name, BufferCount, (int[])lengths.Clone(), (long[])steps.Clone(), DeepCopy(buffers));

    /// <summary>Replaces the state with a copy of <paramref name="state"/>, so the next step continues exactly where the exporting optimizer stopped.</summary>
    /// <param name="state">A snapshot from an optimizer of the same kind with the same number of state buffers.</param>
    /// <exception cref="ArgumentException">The state comes from another optimizer or other options (a different number of buffers).</exception>
    public void ImportState(OptimizerState<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Optimizer != Options.Name)
        {
            throw new ArgumentException($"'{nameof(state)}' was exported by '{state.Optimizer}' but this optimizer is '{Options.Name}'.", nameof(state));
        }

        if (state.BufferCount != BufferCount)
        {
            throw new ArgumentException(
                $"'{nameof(state)}' has {state.BufferCount} buffers per group but these options need {BufferCount} (momentum, amsgrad or centered differ).", nameof(state));
        }

        lengths = (int[])state.Lengths.Clone();
        steps = (long[])state.Steps.Clone();
        buffers = DeepCopy(state.Buffers);
    }

    /// <summary>Forgets all state: the next step starts at t = 1 with fresh buffers and may pass other groups.</summary>
    public void Reset()
    {
        lengths = [];
        steps = [];
        buffers = [];
    }

    /// <summary>The value a fresh state buffer starts with (0, or Adagrad's initial accumulator value).</summary>
    /// <param name="buffer">The buffer's index, 0 to <see cref="BufferCount"/> − 1.</param>
    internal virtual T InitialValue(int buffer) => T.Zero;

    /// <summary>The kernel and uniforms of step <paramref name="step"/> (1 on the first step); the CPU and device steps both run it.</summary>
    /// <param name="step">The step count t after this step.</param>
    internal abstract OptimizerStepPlan Plan(long step);

    /// <summary>Checks that every value is finite, with the message the steps throw: the argument, the group and the index.</summary>
    /// <param name="values">The values.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="what">"group i's gradients" for a group, or <see langword="null"/>.</param>
    internal static void RequireFinite(ReadOnlySpan<T> values, string name, string? what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                string where = what is null ? $"index {i}" : $"{what}, index {i}";
                throw new ArgumentException(
                    $"'{name}' holds {LearningArguments.Format(values[i])} at {where}; the values must be finite (no NaN or ∞), so nothing was updated.", name);
            }
        }
    }

    /// <summary>
    /// Checks that every parameter and gradient is finite: one vectorised pass over both, and only when it finds a
    /// NaN or ∞ the scalar search for the first one, gradients first, for the message.
    /// </summary>
    private static void RequireFinite(ReadOnlySpan<T> parameters, ReadOnlySpan<T> gradients, string parametersName, string gradientsName, int? group)
    {
        bool finite = typeof(T) == typeof(float)
            ? FiniteCheckKernels.NonFiniteSum(MemoryMarshal.Cast<T, float>(parameters), MemoryMarshal.Cast<T, float>(gradients)) == 0
            : FiniteCheckKernels.NonFiniteSum(MemoryMarshal.Cast<T, double>(parameters), MemoryMarshal.Cast<T, double>(gradients)) == 0;
        if (!finite)
        {
            RequireFinite(gradients, gradientsName, group is int g ? $"group {g}'s gradients" : null);
            RequireFinite(parameters, parametersName, group is int p ? $"group {p}'s parameters" : null);
        }
    }

    private void Update(Span<T> parameters, ReadOnlySpan<T> gradients, T[][] state, long step)
        => OptimizerStepRunner.Run(Plan(step), parameters, gradients, state);

    private void RequireState(int groupCount, string name)
    {
        if (lengths.Length != 0 && lengths.Length != groupCount)
        {
            throw new ArgumentException(
                $"'{name}' passes {groupCount} parameter groups but the optimizer's state was made for {lengths.Length}; pass the same groups every step, or call {nameof(Reset)}.",
                name);
        }
    }

    private void Allocate(int[] groupLengths)
    {
        var b = new T[groupLengths.Length][][];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = new T[BufferCount][];
            for (int k = 0; k < BufferCount; k++)
            {
                b[i][k] = new T[groupLengths[i]];
                T initial = InitialValue(k);
                if (initial != T.Zero)
                {
                    b[i][k].AsSpan().Fill(initial);
                }
            }
        }

        lengths = groupLengths;
        steps = new long[groupLengths.Length];
        buffers = b;
    }

    private static T[][][] DeepCopy(T[][][] source)
    {
        var copy = new T[source.Length][][];
        for (int i = 0; i < source.Length; i++)
        {
            copy[i] = new T[source[i].Length][];
            for (int k = 0; k < source[i].Length; k++)
            {
                copy[i][k] = (T[])source[i][k].Clone();
            }
        }

        return copy;
    }
}
