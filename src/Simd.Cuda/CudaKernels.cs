using System;
using Simd.Cuda.Native;
using Simd.Cuda.Templates;

namespace Simd.Cuda;

/// <summary>
/// Runs generated <c>[Kernel]</c>s on the GPU over <see cref="DeviceBuffer{T}"/>s: the map of a kernel that returns a
/// value (<see cref="Map"/>), the update of a kernel that only writes its <c>ref</c> and <c>out</c> lanes
/// (<see cref="Update"/>), and the fused sum, min and max of a kernel without side outputs.
/// The device is the one the buffers live on. The generated device overloads call these methods.
/// </summary>
/// <remarks>
/// <para><c>lanes</c> and <c>uniforms</c> follow the kernel's parameter order:
/// <c>lanes[i]</c> is the i-th lane parameter (read, <c>ref</c> or <c>out</c>), <c>uniforms[j]</c> the j-th uniform parameter.</para>
/// <para>Without CUDA, every method throws <see cref="CudaUnavailableException"/> before looking at its
/// arguments, with a message that says what is missing.</para>
/// <para>Semantics: the map is compiled without FMA contraction and with IEEE division and square root, so
/// it gives the scalar method's bits for <c>+ - * / sqrt abs min max fma ?:</c>. Min and max fold with
/// <see cref="Math.Min(double, double)"/> semantics and equal the CPU exactly. The sum is reassociated
/// (each of up to 2 097 152 threads adds its elements into four accumulators in a fixed order, then fixed shuffle trees) and is
/// reproducible: it depends only on the length.</para>
/// </remarks>
public static class CudaKernels
{
    private const uint BlockSize = BlockReduceTemplate.BlockSize;

    /// <summary>Writes the kernel's value for every element to <paramref name="destination"/>, and its <c>ref</c> and <c>out</c> lanes if it has any; queued, not awaited.</summary>
    /// <typeparam name="T">The kernel's element type.</typeparam>
    /// <param name="kernel">The kernel's definition; it returns a value.</param>
    /// <param name="lanes">The lane buffers (read, <c>ref</c> and <c>out</c> lanes) in parameter order, all the same length and on one device.</param>
    /// <param name="uniforms">The uniform values in parameter order.</param>
    /// <param name="destination">At least as long as the lanes, on the same device; it may be one of the read lanes exactly (in place), not a shifted overlap of one, and shares no memory with a written lane.</param>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the kernel (see the message).</exception>
    /// <exception cref="ObjectDisposedException">A buffer was disposed.</exception>
    public static void Map<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms, DeviceBuffer<T> destination)
        where T : unmanaged
    {
        CudaRuntime.EnsureAvailable();
        long length = Validate(kernel, lanes, uniforms, nameof(Map));
        if (!kernel.ReturnsValue)
        {
            throw new ArgumentException($"Kernel '{kernel.Name}' returns no value, so it has no destination; run it with {nameof(Update)}, which writes its ref and out lanes.", nameof(kernel));
        }

        ArgumentNullException.ThrowIfNull(destination);
        CudaDevice device = lanes[0].Device;
        if (destination.Device != device)
        {
            throw new ArgumentException($"The destination is on CUDA device {destination.Device.Ordinal} but the lanes are on device {device.Ordinal}; kernel '{kernel.Name}' needs all buffers on one device.", nameof(destination));
        }

        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the lanes have {length}; it must be at least as long as the lanes.", nameof(destination));
        }

        for (int i = 0; i < lanes.Length; i++)
        {
            if (kernel.LaneParameter(i).IsWritten)
            {
                if (destination.Shares(lanes[i]))
                {
                    throw new ArgumentException($"The destination and lane {kernel.LaneLabel(i)} of kernel '{kernel.Name}' share memory; each output of a kernel needs a buffer of its own.", nameof(destination));
                }
            }
            else if (destination.OverlapsShifted(lanes[i]))
            {
                throw new ArgumentException($"The destination overlaps lane {kernel.LaneLabel(i)} of kernel '{kernel.Name}' at a different start; pass the same buffer to compute in place, or a separate buffer.", nameof(destination));
            }
        }

        Launch(kernel, lanes, uniforms, destination, length);
    }

    /// <summary>Runs a kernel that returns no value over every element, writing its <c>ref</c> and <c>out</c> lanes; queued, not awaited.</summary>
    /// <typeparam name="T">The kernel's element type.</typeparam>
    /// <param name="kernel">The kernel's definition; it returns no value and writes at least one lane.</param>
    /// <param name="lanes">The lane buffers (read, <c>ref</c> and <c>out</c> lanes) in parameter order, all the same length and on one device. A written lane may be one of the read lanes exactly, not a shifted overlap of one, and shares no memory with another written lane.</param>
    /// <param name="uniforms">The uniform values in parameter order.</param>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the kernel (see the message).</exception>
    /// <exception cref="ObjectDisposedException">A buffer was disposed.</exception>
    public static void Update<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms)
        where T : unmanaged
    {
        CudaRuntime.EnsureAvailable();
        long length = Validate(kernel, lanes, uniforms, nameof(Update));
        if (kernel.ReturnsValue)
        {
            throw new ArgumentException($"Kernel '{kernel.Name}' returns a value; run it with {nameof(Map)} and a destination for it.", nameof(kernel));
        }

        Launch(kernel, lanes, uniforms, null, length);
    }

    private static void Launch<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms, DeviceBuffer<T>? destination, long length)
        where T : unmanaged
    {
        if (length == 0)
        {
            return;
        }

        CudaDevice device = lanes[0].Device;
        CudaModule module = ModuleFor(kernel, device);
        var leases = new DeviceBuffer<T>.Lease[lanes.Length + 1];
        int held = 0;
        try
        {
            Span<ulong> arguments = stackalloc ulong[kernel.Parameters.Count + 2];
            int slot = FillKernelArguments(kernel, lanes, uniforms, leases, ref held, arguments);
            arguments[slot++] = (ulong)length;
            if (destination is not null)
            {
                leases[held] = destination.Acquire();
                arguments[slot++] = leases[held++].Pointer;
            }

            // Enough blocks to fill every SM eight times over or more (at most 8 blocks of 256 threads are resident
            // per SM), so the last partial wave costs little; the grid-stride loop covers the rest.
            uint grid = (uint)Math.Min((length + BlockSize - 1) / BlockSize, device.MultiprocessorCount * 64L);
            KernelLauncher.Launch(device, module.Function(MapTemplate.EntryPoint), grid, BlockSize, arguments[..slot], $"{kernel.Name} map");
        }
        finally
        {
            for (int i = 0; i < held; i++)
            {
                leases[i].Dispose();
            }
        }
    }

    /// <summary>The sum of the kernel's values over all elements (0 for empty lanes), computed on the device.</summary>
    /// <typeparam name="T">The kernel's element type.</typeparam>
    /// <param name="kernel">The kernel's definition.</param>
    /// <param name="lanes">The lane buffers in parameter order, all the same length and on one device.</param>
    /// <param name="uniforms">The uniform values in parameter order.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the kernel.</exception>
    public static T Sum<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms)
        where T : unmanaged
        => Reduce(kernel, lanes, uniforms, ReductionKind.Sum, nameof(Sum));

    /// <summary>The minimum of the kernel's values with <see cref="Math.Min(double, double)"/> semantics (NaN wins, −0 &lt; +0).</summary>
    /// <typeparam name="T">The kernel's element type.</typeparam>
    /// <param name="kernel">The kernel's definition.</param>
    /// <param name="lanes">The lane buffers in parameter order, all the same non-zero length and on one device.</param>
    /// <param name="uniforms">The uniform values in parameter order.</param>
    /// <returns>The minimum.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the kernel, or the lanes are empty.</exception>
    public static T Min<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms)
        where T : unmanaged
        => Reduce(kernel, lanes, uniforms, ReductionKind.Min, nameof(Min));

    /// <summary>The maximum of the kernel's values with <see cref="Math.Max(double, double)"/> semantics (NaN wins, +0 &gt; −0).</summary>
    /// <typeparam name="T">The kernel's element type.</typeparam>
    /// <param name="kernel">The kernel's definition.</param>
    /// <param name="lanes">The lane buffers in parameter order, all the same non-zero length and on one device.</param>
    /// <param name="uniforms">The uniform values in parameter order.</param>
    /// <returns>The maximum.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the kernel, or the lanes are empty.</exception>
    public static T Max<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms)
        where T : unmanaged
        => Reduce(kernel, lanes, uniforms, ReductionKind.Max, nameof(Max));

    /// <summary>
    /// The number of blocks a reduction of <paramref name="length"/> elements launches: a function of the length
    /// only, which makes the sum reproducible across devices. Up to <see cref="ReductionScratch.MaxBlocks"/>, many
    /// times what a device holds at once, so the last, partly filled wave of blocks costs little.
    /// </summary>
    /// <param name="length">The number of elements, ≥ 1.</param>
    internal static uint ReductionBlocks(long length)
        => (uint)Math.Min((length + BlockSize - 1) / BlockSize, ReductionScratch.MaxBlocks);

    /// <summary>
    /// The most floating-point additions any element's value goes through in <see cref="Sum"/> of
    /// <paramref name="length"/> elements, k in the bound |sum − exact| ≤ γ_k Σ|v_i| (γ_k = k·u / (1 − k·u)):
    /// a thread's m = ⌈n / T⌉ elements (T = blocks × 256 threads) go ⌈m / 4⌉ deep into one of four accumulators,
    /// 2 more to combine them and at most 3 for the remainder; then 5 + 5 in the block's shuffle trees, and
    /// ⌈blocks / 256⌉ + 5 + 5 in the combine stage.
    /// </summary>
    /// <param name="length">The number of elements, ≥ 1.</param>
    internal static long SumAdditionsBound(long length)
    {
        long blocks = ReductionBlocks(length);
        long threads = blocks * BlockSize;
        long perThread = (length + threads - 1) / threads;
        return ((perThread + 3) / 4) + 2 + 3 + 10 + ((blocks + BlockSize - 1) / BlockSize) + 10;
    }

    private static unsafe T Reduce<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms, ReductionKind kind, string operation)
        where T : unmanaged
    {
        CudaRuntime.EnsureAvailable();
        long length = Validate(kernel, lanes, uniforms, operation);
        if (!KernelModuleSource.HasReductions(kernel))
        {
            throw new ArgumentException($"{operation} of kernel '{kernel.Name}' is not available on the device: it reduces the returned values of kernels that write no ref or out lane.", nameof(kernel));
        }

        if (length == 0)
        {
            return kind == ReductionKind.Sum
                ? default
                : throw new ArgumentException($"{operation} of kernel '{kernel.Name}' over empty lanes is undefined: the lanes have no elements.", nameof(lanes));
        }

        CudaDevice device = lanes[0].Device;
        CudaModule module = ModuleFor(kernel, device);
        ReductionScratch scratch = ReductionScratch.For(device);
        uint blocks = ReductionBlocks(length);
        var leases = new DeviceBuffer<T>.Lease[lanes.Length];
        int held = 0;
        lock (scratch)
        {
            try
            {
                using DeviceBuffer<double>.Lease partials = scratch.Memory.Acquire();
                ulong result = partials.Pointer + ((ulong)ReductionScratch.MaxBlocks * (ulong)sizeof(T));
                Span<ulong> arguments = stackalloc ulong[kernel.Parameters.Count + 2];
                int slot = FillKernelArguments(kernel, lanes, uniforms, leases, ref held, arguments);
                arguments[slot++] = (ulong)length;
                arguments[slot] = partials.Pointer;
                KernelLauncher.Launch(device, module.Function(ReductionTemplate.PartialEntryPoint(kind)), blocks, BlockSize, arguments, $"{kernel.Name} {operation} (partials)");

                Span<ulong> combine = [partials.Pointer, blocks, result];
                KernelLauncher.Launch(device, module.Function(ReductionTemplate.CombineEntryPoint(kind)), 1, BlockSize, combine, $"{kernel.Name} {operation} (combine)");

                T value;
                CudaRuntime.Check(CudaDriver.MemcpyDtoH(&value, result, (nuint)sizeof(T)), "cuMemcpyDtoH_v2");
                return value;
            }
            finally
            {
                for (int i = 0; i < held; i++)
                {
                    leases[i].Dispose();
                }
            }
        }
    }

    private static int FillKernelArguments<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms, DeviceBuffer<T>.Lease[] leases, ref int held, Span<ulong> arguments)
        where T : unmanaged
    {
        int lane = 0, uniform = 0, slot = 0;
        foreach (CudaKernelParameter parameter in kernel.Parameters)
        {
            if (parameter.IsLane)
            {
                leases[held] = lanes[lane++].Acquire();
                arguments[slot++] = leases[held++].Pointer;
            }
            else
            {
                arguments[slot++] = KernelLauncher.Slot(uniforms[uniform++]);
            }
        }

        return slot;
    }

    private static CudaModule ModuleFor(CudaKernelDefinition kernel, CudaDevice device)
        => KernelCache.Get(device, ModuleKey.Of(kernel), kernel.Name, () => KernelModuleSource.Build(kernel));

    /// <summary>Checks the arguments against the kernel and returns the common lane length.</summary>
    private static long Validate<T>(CudaKernelDefinition kernel, DeviceBuffer<T>[] lanes, T[] uniforms, string operation)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(uniforms);
        if (typeof(T) != kernel.ElementType)
        {
            throw new ArgumentException($"Kernel '{kernel.Name}' works on {kernel.ElementType.Name} but {operation} was called with {typeof(T).Name} buffers.", nameof(kernel));
        }

        if (lanes.Length != kernel.LaneCount)
        {
            throw new ArgumentException($"Kernel '{kernel.Name}' has {kernel.LaneCount} lane parameter(s) but {lanes.Length} lane buffer(s) were passed.", nameof(lanes));
        }

        if (uniforms.Length != kernel.UniformCount)
        {
            throw new ArgumentException($"Kernel '{kernel.Name}' has {kernel.UniformCount} uniform parameter(s) but {uniforms.Length} uniform value(s) were passed.", nameof(uniforms));
        }

        for (int i = 0; i < lanes.Length; i++)
        {
            if (lanes[i] is null)
            {
                throw new ArgumentException($"Lane {i} of kernel '{kernel.Name}' is null.", nameof(lanes));
            }
        }

        DeviceBuffer<T> first = lanes[0];
        for (int i = 1; i < lanes.Length; i++)
        {
            if (lanes[i].Device != first.Device)
            {
                throw new ArgumentException($"Lane {kernel.LaneLabel(i)} of kernel '{kernel.Name}' is on CUDA device {lanes[i].Device.Ordinal} but lane {kernel.LaneLabel(0)} is on device {first.Device.Ordinal}; all buffers must be on one device.", kernel.LaneArgumentName(i, nameof(lanes)));
            }

            if (lanes[i].Length != first.Length)
            {
                throw new ArgumentException($"Lane {kernel.LaneLabel(i)} of kernel '{kernel.Name}' has {lanes[i].Length} elements but lane {kernel.LaneLabel(0)} has {first.Length}; every lane of a kernel must have the same length.", kernel.LaneArgumentName(i, nameof(lanes)));
            }
        }

        // The CPU overloads' aliasing rules: a written lane may be a read lane exactly (element j is read before it is
        // written), never a shifted overlap of one; two written lanes share no memory.
        for (int w = 0; w < lanes.Length; w++)
        {
            if (!kernel.LaneParameter(w).IsWritten)
            {
                continue;
            }

            for (int other = 0; other < lanes.Length; other++)
            {
                if (other == w)
                {
                    continue;
                }

                if (!kernel.LaneParameter(other).IsWritten)
                {
                    if (lanes[w].OverlapsShifted(lanes[other]))
                    {
                        throw new ArgumentException($"Lane {kernel.LaneLabel(w)} of kernel '{kernel.Name}' is written and overlaps lane {kernel.LaneLabel(other)} at a different start; pass the same buffer to compute in place, or a separate buffer.", kernel.LaneArgumentName(w, nameof(lanes)));
                    }
                }
                else if (other > w && lanes[w].Shares(lanes[other]))
                {
                    throw new ArgumentException($"Lanes {kernel.LaneLabel(w)} and {kernel.LaneLabel(other)} of kernel '{kernel.Name}' are both written and share memory; each output of a kernel needs a buffer of its own.", kernel.LaneArgumentName(other, nameof(lanes)));
                }
            }
        }

        return first.Length;
    }
}
