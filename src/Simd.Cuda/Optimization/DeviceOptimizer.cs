using System;
using System.Numerics;
using Simd.Optimization;

namespace Simd.Cuda.Optimization;

/// <summary>
/// An optimizer whose parameters, gradients and state live on the GPU: each <see cref="Step"/> runs the same
/// single-pass kernel as the CPU step of <see cref="Optimizer{T}"/> with the same options (the same scalar method,
/// translated to CUDA C, with the same step scalars computed in double on the host), over
/// <see cref="DeviceBuffer{T}"/>s. The state buffers are allocated on the device on the first step and never leave it
/// unless exported; <see cref="ExportState"/> and <see cref="ImportState"/> exchange it with a CPU optimizer's
/// <see cref="OptimizerState{T}"/>, so a run can move between the CPU and the GPU.
/// </summary>
/// <remarks>
/// <para>One parameter group. The first step fixes its length; every later step passes the same length.</para>
/// <para>As on the CPU, before anything is written every parameter and gradient is checked to be finite — on the device,
/// one reduction whose single value comes back, so a step waits for the kernels queued before it. A NaN or ∞ is an
/// <see cref="ArgumentException"/> with the CPU step's message (the argument and the index, found on the host) and
/// leaves parameters and state unchanged.</para>
/// <para>The update itself is queued and not awaited, like <see cref="CudaKernels.Map"/>. Results: the map is compiled
/// without FMA contraction and with IEEE division and square root, so a step gives the CPU step's bits (the
/// optimizer kernels use only <c>+ − × ÷ √ max</c> and selects), NaN payloads aside.</para>
/// <para>Not thread-safe: one step at a time. Dispose it to free the state's device memory.</para>
/// </remarks>
/// <typeparam name="T"><see langword="float"/> or <see langword="double"/>.</typeparam>
public sealed class DeviceOptimizer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Optimizer<T> rules;
    private DeviceBuffer<T>[]? state;
    private long length;
    private long steps;
    private bool disposed;

    /// <summary>A device optimizer with <paramref name="options"/> on <paramref name="device"/>, with no state yet.</summary>
    /// <param name="options">The hyper-parameters (<see cref="SgdOptions"/>, <see cref="AdamOptions"/>, …).</param>
    /// <param name="device">The GPU the parameters, gradients and state live on.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not <see langword="float"/> or <see langword="double"/>.</exception>
    public DeviceOptimizer(OptimizerOptions options, CudaDevice device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        rules = options.Create<T>();
        Device = device;
    }

    /// <summary>A device optimizer with <paramref name="options"/> on <see cref="CudaDevice.Default"/>.</summary>
    /// <param name="options">The hyper-parameters.</param>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    public DeviceOptimizer(OptimizerOptions options)
        : this(options, CudaDevice.Default)
    {
    }

    /// <summary>The hyper-parameters.</summary>
    public OptimizerOptions Options => rules.Options;

    /// <summary>The GPU the state lives on; every step's buffers must be on it.</summary>
    public CudaDevice Device { get; }

    /// <summary>The number of state buffers with these options (as <see cref="Optimizer{T}.BufferCount"/>).</summary>
    public int BufferCount => rules.BufferCount;

    /// <summary>The number of steps taken since the state was made (0 before the first step).</summary>
    public long StepCount => steps;

    /// <summary>The number of parameters the state was made for; 0 before the first step.</summary>
    public long Length => length;

    /// <summary>
    /// Whether each step first checks on the device that every parameter and gradient is finite, and throws, writing
    /// nothing, when one is not (the default, <see langword="true"/>); as <see cref="Optimizer{T}.CheckFinite"/>.
    /// </summary>
    public bool CheckFinite { get; set; } = true;

    /// <summary>One step: updates <paramref name="parameters"/> and the state in place on the device.</summary>
    /// <param name="parameters">The parameters θ, on <see cref="Device"/>.</param>
    /// <param name="gradients">∂J/∂θ, the same length, on <see cref="Device"/>, sharing no memory with <paramref name="parameters"/>.</param>
    /// <exception cref="ArgumentException">A buffer is on another device, the lengths differ, the buffers share memory, a value is NaN/∞, or the state was made for another length.</exception>
    /// <exception cref="ObjectDisposedException">The optimizer or a buffer was disposed.</exception>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    public void Step(DeviceBuffer<T> parameters, DeviceBuffer<T> gradients)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        RequireDevice(parameters, nameof(parameters));
        RequireDevice(gradients, nameof(gradients));
        if (gradients.Length != parameters.Length)
        {
            throw new ArgumentException($"'{nameof(gradients)}' has {gradients.Length} elements but must have {parameters.Length} (one per parameter).", nameof(gradients));
        }

        if (parameters.Shares(gradients))
        {
            throw new ArgumentException($"'{nameof(gradients)}' shares memory with '{nameof(parameters)}', which are written in place; pass a separate gradient buffer.", nameof(gradients));
        }

        if (state is not null && length != parameters.Length)
        {
            throw new ArgumentException(
                $"'{nameof(parameters)}' has {parameters.Length} elements but the optimizer's state was made for {length}; pass the same parameters every step, or call {nameof(Reset)}.",
                nameof(parameters));
        }

        if (CheckFinite && parameters.Length > 0 && DeviceStepRunner.AnyNonFinite(parameters, gradients))
        {
            // The error path only: find the first offender on the host, with the CPU step's message.
            Optimizer<T>.RequireFinite(gradients.ToArray(), nameof(gradients), null);
            Optimizer<T>.RequireFinite(parameters.ToArray(), nameof(parameters), null);
        }

        state ??= Allocate(parameters.Length);
        length = parameters.Length;
        DeviceStepRunner.Run(rules.Plan(steps + 1), parameters, gradients, state);
        steps++;
    }

    /// <summary>A copy of the state on the host, in the CPU optimizer's form: <see cref="Optimizer{T}.ImportState"/> continues from it on the CPU.</summary>
    /// <returns>The snapshot: no group before the first step, one group after it.</returns>
    /// <exception cref="InvalidOperationException">The state is longer than a .NET array holds.</exception>
    public OptimizerState<T> ExportState()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (state is null)
        {
            return new OptimizerState<T>(Options.Name, BufferCount, [], [], []);
        }

        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException($"The state has {length} elements per buffer, more than a .NET array holds, so it cannot be exported.");
        }

        var buffers = new T[state.Length][];
        for (int k = 0; k < state.Length; k++)
        {
            buffers[k] = state[k].ToArray();
        }

        return new OptimizerState<T>(Options.Name, BufferCount, [(int)length], [steps], [buffers]);
    }

    /// <summary>Replaces the state with <paramref name="snapshot"/>, uploaded to the device: the next step continues exactly where the exporting optimizer (CPU or device) stopped.</summary>
    /// <param name="snapshot">A snapshot from an optimizer of the same kind and number of state buffers, with at most one parameter group.</param>
    /// <exception cref="ArgumentException">The snapshot comes from another optimizer or other options, or has more than one group.</exception>
    public void ImportState(OptimizerState<T> snapshot)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Optimizer != Options.Name)
        {
            throw new ArgumentException($"'{nameof(snapshot)}' was exported by '{snapshot.Optimizer}' but this optimizer is '{Options.Name}'.", nameof(snapshot));
        }

        if (snapshot.BufferCount != BufferCount)
        {
            throw new ArgumentException(
                $"'{nameof(snapshot)}' has {snapshot.BufferCount} buffers per group but these options need {BufferCount} (momentum, amsgrad or centered differ).", nameof(snapshot));
        }

        if (snapshot.GroupCount > 1)
        {
            throw new ArgumentException(
                $"'{nameof(snapshot)}' has {snapshot.GroupCount} parameter groups but a device optimizer holds one; import each group's state into a device optimizer of its own.", nameof(snapshot));
        }

        if (snapshot.GroupCount == 0)
        {
            Reset();
            return;
        }

        var uploaded = new DeviceBuffer<T>[BufferCount];
        try
        {
            for (int k = 0; k < uploaded.Length; k++)
            {
                uploaded[k] = DeviceBuffer<T>.FromSpan(Device, snapshot.Buffers[0][k]);
            }
        }
        catch
        {
            Free(uploaded);
            throw;
        }

        Free(state);
        state = uploaded;
        length = snapshot.GetLength(0);
        steps = snapshot.GetStepCount(0);
    }

    /// <summary>Frees the state: the next step starts at t = 1 with fresh buffers and may pass another length.</summary>
    public void Reset()
    {
        Free(state);
        state = null;
        length = 0;
        steps = 0;
    }

    /// <summary>Frees the state's device memory.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            Reset();
            disposed = true;
        }
    }

    private void RequireDevice(DeviceBuffer<T> buffer, string name)
    {
        if (buffer.Device != Device)
        {
            throw new ArgumentException($"'{name}' is on CUDA device {buffer.Device.Ordinal} but the optimizer's state is on device {Device.Ordinal}.", name);
        }
    }

    private DeviceBuffer<T>[] Allocate(long count)
    {
        var buffers = new DeviceBuffer<T>[BufferCount];
        try
        {
            for (int k = 0; k < buffers.Length; k++)
            {
                buffers[k] = DeviceBuffer<T>.Allocate(Device, count);
                T initial = rules.InitialValue(k);
                if (initial == T.Zero)
                {
                    buffers[k].Clear();
                }
                else
                {
                    var values = new T[count];
                    values.AsSpan().Fill(initial);
                    buffers[k].Upload(values);
                }
            }
        }
        catch
        {
            Free(buffers);
            throw;
        }

        return buffers;
    }

    private static void Free(DeviceBuffer<T>[]? buffers)
    {
        if (buffers is null)
        {
            return;
        }

        foreach (DeviceBuffer<T>? buffer in buffers)
        {
            buffer?.Dispose();
        }
    }
}
