using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// One NVIDIA GPU, opened through the CUDA driver API. Opening a device retains its primary context for
/// the life of the process; every <see cref="DeviceBuffer{T}"/> belongs to one device and every kernel runs on
/// the device its buffers live on, so there is no hidden "current device" to manage.
/// </summary>
/// <remarks>
/// <see cref="Open(int)"/> returns the same instance for the same ordinal. <see cref="Default"/> is ordinal 0,
/// or the ordinal in the environment variable <c>SIMD_CUDA_DEVICE</c>.
/// </remarks>
public sealed class CudaDevice
{
    /// <summary>The environment variable that picks <see cref="Default"/>'s ordinal.</summary>
    public const string DeviceVariable = "SIMD_CUDA_DEVICE";

    private static readonly object Gate = new();
    private static CudaDevice?[] opened = [];

    private CudaDevice(int ordinal, int handle, nint context)
    {
        Ordinal = ordinal;
        Handle = handle;
        Context = context;
        Name = ReadName(handle);
        ComputeCapability = new Version(Attribute(CudaDeviceAttribute.ComputeCapabilityMajor), Attribute(CudaDeviceAttribute.ComputeCapabilityMinor));
        MultiprocessorCount = Attribute(CudaDeviceAttribute.MultiprocessorCount);
        CudaRuntime.Check(CudaDriver.DeviceTotalMem(out nuint bytes, handle), "cuDeviceTotalMem_v2");
        TotalMemory = (long)bytes;
    }

    /// <summary>
    /// The device kernels use when none is named: ordinal 0, or the ordinal in <c>SIMD_CUDA_DEVICE</c>.
    /// </summary>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here, the variable is not a number, or the device does not exist.</exception>
    public static CudaDevice Default => Open(DefaultOrdinal());

    /// <summary>The device's ordinal, as the driver numbers devices (0-based).</summary>
    public int Ordinal { get; }

    /// <summary>The device's name, e.g. "NVIDIA H200".</summary>
    public string Name { get; }

    /// <summary>The compute capability (major.minor), e.g. 9.0 for Hopper; kernels are compiled for exactly this.</summary>
    public Version ComputeCapability { get; }

    /// <summary>The device memory in bytes.</summary>
    public long TotalMemory { get; }

    /// <summary>The number of streaming multiprocessors.</summary>
    public int MultiprocessorCount { get; }

    /// <summary>The driver's <c>CUdevice</c>.</summary>
    internal int Handle { get; }

    /// <summary>The retained primary context.</summary>
    internal nint Context { get; }

    /// <summary>Opens the device with ordinal <paramref name="ordinal"/>.</summary>
    /// <param name="ordinal">The 0-based device number.</param>
    /// <returns>The device; the same instance on every call with the same ordinal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ordinal"/> is negative.</exception>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here or there is no such device; the message says which.</exception>
    /// <exception cref="CudaException">A driver call failed.</exception>
    public static CudaDevice Open(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        CudaRuntime.EnsureAvailable();
        lock (Gate)
        {
            CudaRuntime.Check(CudaDriver.DeviceGetCount(out int count), "cuDeviceGetCount");
            if (ordinal >= count)
            {
                throw new CudaUnavailableException(DescribeMissingOrdinal(ordinal, count));
            }

            if (opened.Length < count)
            {
                Array.Resize(ref opened, count);
            }

            if (opened[ordinal] is { } existing)
            {
                return existing;
            }

            CudaRuntime.Check(CudaDriver.DeviceGet(out int handle, ordinal), "cuDeviceGet");
            CudaRuntime.Check(CudaDriver.DevicePrimaryCtxRetain(out nint context, handle), "cuDevicePrimaryCtxRetain");
            var device = new CudaDevice(ordinal, handle, context);
            opened[ordinal] = device;
            return device;
        }
    }

    /// <summary>Opens the device with ordinal <paramref name="ordinal"/> if CUDA can run here, or says why not.</summary>
    /// <param name="ordinal">The 0-based device number.</param>
    /// <param name="device">The device, or <see langword="null"/>.</param>
    /// <param name="reason">Empty on success; otherwise what is missing: the driver library (with the names tried), a failing cuInit, no device, the ordinal, or NVRTC.</param>
    /// <returns>Whether the device was opened.</returns>
    public static bool TryOpen(int ordinal, [NotNullWhen(true)] out CudaDevice? device, out string reason)
    {
        try
        {
            device = Open(ordinal);
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is CudaUnavailableException or CudaException or ArgumentOutOfRangeException)
        {
            device = null;
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Opens <see cref="Default"/> (ordinal 0, or <c>SIMD_CUDA_DEVICE</c>) if CUDA can run here, or says why not.</summary>
    /// <param name="device">The device, or <see langword="null"/>.</param>
    /// <param name="reason">Empty on success; otherwise what is missing, as for <see cref="TryOpen(int, out CudaDevice?, out string)"/>.</param>
    /// <returns>Whether the device was opened.</returns>
    public static bool TryOpenDefault([NotNullWhen(true)] out CudaDevice? device, out string reason)
    {
        try
        {
            return TryOpen(DefaultOrdinal(), out device, out reason);
        }
        catch (CudaUnavailableException e)
        {
            device = null;
            reason = e.Message;
            return false;
        }
    }

    /// <summary>A one-line description: ordinal, name, compute capability, memory and SM count.</summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"CUDA device {Ordinal}: {Name}, compute capability {ComputeCapability}, {TotalMemory / (1024.0 * 1024 * 1024):F1} GiB, {MultiprocessorCount} SMs");

    /// <summary>Makes this device's primary context current on the calling thread; every operation calls it first.</summary>
    internal void Activate() => CudaRuntime.Check(CudaDriver.CtxSetCurrent(Context), "cuCtxSetCurrent");

    /// <summary>Waits until all work queued on this device has finished.</summary>
    /// <exception cref="CudaException">A kernel failed.</exception>
    public void Synchronize()
    {
        Activate();
        CudaRuntime.Check(CudaDriver.CtxSynchronize(), "cuCtxSynchronize");
    }

    /// <summary>The message for an ordinal the driver does not have.</summary>
    /// <param name="ordinal">The ordinal asked for.</param>
    /// <param name="count">How many devices exist.</param>
    internal static string DescribeMissingOrdinal(int ordinal, int count)
        => $"CUDA device {ordinal} does not exist: the driver reports {count} device(s), ordinals 0 to {count - 1}.";

    /// <summary>The ordinal <see cref="Default"/> opens, from <c>SIMD_CUDA_DEVICE</c> or 0.</summary>
    /// <exception cref="CudaUnavailableException">The variable is set but is not a non-negative integer.</exception>
    internal static int DefaultOrdinal()
    {
        string? text = Environment.GetEnvironmentVariable(DeviceVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal))
        {
            throw new CudaUnavailableException($"{DeviceVariable}='{text}' is not a device ordinal: set it to a non-negative integer such as 0, or unset it.");
        }

        return ordinal;
    }

    private static unsafe string ReadName(int handle)
    {
        byte* buffer = stackalloc byte[256];
        CudaRuntime.Check(CudaDriver.DeviceGetName(buffer, 256, handle), "cuDeviceGetName");
        int length = 0;
        while (length < 256 && buffer[length] != 0)
        {
            length++;
        }

        return Encoding.UTF8.GetString(buffer, length);
    }

    private int Attribute(CudaDeviceAttribute attribute)
    {
        CudaRuntime.Check(CudaDriver.DeviceGetAttribute(out int value, attribute, Handle), "cuDeviceGetAttribute");
        return value;
    }
}
