using System;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// Launches an entry point on the device's default stream. Each argument travels as an 8-byte slot holding
/// its bits in the low bytes (device pointers and <c>simd_u64</c> fill all 8, <c>float</c> and <c>unsigned
/// int</c> the low 4): cuLaunchKernel reads exactly the parameter's size from each slot, and every supported
/// platform is little-endian.
/// </summary>
internal static class KernelLauncher
{
    /// <summary>The most arguments a launch takes; generated kernels have a handful.</summary>
    public const int MaxArguments = 64;

    /// <summary>Queues <paramref name="function"/> with <paramref name="gridSize"/> blocks of <paramref name="blockSize"/> threads.</summary>
    /// <param name="device">The device (its context is made current).</param>
    /// <param name="function">The entry point.</param>
    /// <param name="gridSize">Blocks, ≥ 1.</param>
    /// <param name="blockSize">Threads per block.</param>
    /// <param name="arguments">One slot per kernel parameter, in order.</param>
    /// <param name="apiContext">What is being launched, for the error message.</param>
    public static unsafe void Launch(CudaDevice device, nint function, uint gridSize, uint blockSize, ReadOnlySpan<ulong> arguments, string apiContext)
    {
        if (arguments.Length > MaxArguments)
        {
            throw new ArgumentException($"{apiContext} has {arguments.Length} arguments; at most {MaxArguments} are supported.", nameof(arguments));
        }

        void** pointers = stackalloc void*[arguments.Length];
        fixed (ulong* slots = arguments)
        {
            for (int i = 0; i < arguments.Length; i++)
            {
                pointers[i] = slots + i;
            }

            device.Activate();
            CudaResult result = CudaDriver.LaunchKernel(function, gridSize, 1, 1, blockSize, 1, 1, 0, 0, pointers, null);
            if (result != CudaResult.Success)
            {
                throw CudaRuntime.Failure(result, "cuLaunchKernel");
            }
        }
    }

    /// <summary>The slot for a <see langword="float"/> or <see langword="double"/> argument.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="value">The value.</param>
    public static ulong Slot<T>(T value)
        where T : unmanaged
        => typeof(T) == typeof(double) ? BitConverter.DoubleToUInt64Bits((double)(object)value)
            : typeof(T) == typeof(float) ? BitConverter.SingleToUInt32Bits((float)(object)value)
            : throw new NotSupportedException($"Kernel arguments of type {typeof(T)} are not supported; use float or double.");
}
