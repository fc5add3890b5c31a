using System;
using System.Runtime.CompilerServices;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// A contiguous array of <typeparamref name="T"/> in the memory of one <see cref="CudaDevice"/>, allocated with
/// <c>cuMemAlloc</c> (plain device memory, not managed memory). A buffer from <see cref="Allocate(CudaDevice, long)"/>
/// owns its memory and frees it on <see cref="Dispose"/>; a <see cref="Slice"/> is a view that owns nothing.
/// Any use after the owner (or the view itself) is disposed throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <typeparam name="T">An unmanaged element type; kernels accept <see langword="float"/> and <see langword="double"/>.</typeparam>
/// <remarks>
/// Copies to and from the host are synchronous. Kernels queued by <see cref="CudaKernels.Map{T}"/> run
/// asynchronously in order with later copies and kernels on the same device; a download waits for them.
/// </remarks>
public sealed class DeviceBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly DeviceMemoryHandle memory;
    private readonly long offset;
    private readonly bool ownsMemory;
    private bool disposed;

    private DeviceBuffer(CudaDevice device, DeviceMemoryHandle memory, long offset, long length, bool ownsMemory)
    {
        Device = device;
        this.memory = memory;
        this.offset = offset;
        Length = length;
        this.ownsMemory = ownsMemory;
    }

    /// <summary>The device whose memory holds the buffer.</summary>
    public CudaDevice Device { get; }

    /// <summary>The number of elements.</summary>
    public long Length { get; }

    /// <summary>The size in bytes.</summary>
    public long ByteLength => Length * Unsafe.SizeOf<T>();

    /// <summary>Whether this buffer owns its memory (false for a <see cref="Slice"/>).</summary>
    public bool OwnsMemory => ownsMemory;

    /// <summary>Allocates <paramref name="length"/> uninitialised elements on <paramref name="device"/>.</summary>
    /// <param name="device">The device.</param>
    /// <param name="length">The number of elements, ≥ 0.</param>
    /// <returns>A buffer that owns the memory.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="CudaException">The allocation failed (for example CUDA_ERROR_OUT_OF_MEMORY).</exception>
    public static DeviceBuffer<T> Allocate(CudaDevice device, long length)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ulong pointer = 0;
        if (length > 0)
        {
            device.Activate();
            CudaRuntime.Check(CudaDriver.MemAlloc(out pointer, checked((nuint)length * (nuint)Unsafe.SizeOf<T>())), "cuMemAlloc_v2");
        }

        return new DeviceBuffer<T>(device, new DeviceMemoryHandle(pointer, device.Context), 0, length, ownsMemory: true);
    }

    /// <summary>Allocates <paramref name="length"/> uninitialised elements on <see cref="CudaDevice.Default"/>.</summary>
    /// <param name="length">The number of elements, ≥ 0.</param>
    /// <returns>A buffer that owns the memory.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here; the message says what is missing.</exception>
    public static DeviceBuffer<T> Allocate(long length) => Allocate(CudaDevice.Default, length);

    /// <summary>Allocates a buffer on <paramref name="device"/> holding a copy of <paramref name="source"/>.</summary>
    /// <param name="device">The device.</param>
    /// <param name="source">The elements to upload.</param>
    /// <returns>A buffer that owns the memory.</returns>
    public static DeviceBuffer<T> FromSpan(CudaDevice device, ReadOnlySpan<T> source)
    {
        DeviceBuffer<T> buffer = Allocate(device, source.Length);
        try
        {
            buffer.Upload(source);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Allocates a buffer on <see cref="CudaDevice.Default"/> holding a copy of <paramref name="source"/>.</summary>
    /// <param name="source">The elements to upload.</param>
    /// <returns>A buffer that owns the memory.</returns>
    /// <exception cref="CudaUnavailableException">CUDA cannot run here; the message says what is missing.</exception>
    public static DeviceBuffer<T> FromSpan(ReadOnlySpan<T> source) => FromSpan(CudaDevice.Default, source);

    /// <summary>Copies <paramref name="source"/> into the first <c>source.Length</c> elements of this buffer.</summary>
    /// <param name="source">The host elements.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> is longer than the buffer.</exception>
    /// <exception cref="ObjectDisposedException">The buffer or its owner was disposed.</exception>
    public unsafe void Upload(ReadOnlySpan<T> source)
    {
        if (source.Length > Length)
        {
            throw new ArgumentException($"The source has {source.Length} elements but the device buffer holds {Length}.", nameof(source));
        }

        using Lease lease = Acquire();
        if (source.IsEmpty)
        {
            return;
        }

        Device.Activate();
        fixed (T* host = source)
        {
            CudaRuntime.Check(CudaDriver.MemcpyHtoD(lease.Pointer, host, (nuint)source.Length * (nuint)sizeof(T)), "cuMemcpyHtoD_v2");
        }
    }

    /// <summary>Copies the first <c>destination.Length</c> elements of this buffer to <paramref name="destination"/>, after queued kernels finish.</summary>
    /// <param name="destination">The host elements to fill.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is longer than the buffer.</exception>
    /// <exception cref="ObjectDisposedException">The buffer or its owner was disposed.</exception>
    /// <exception cref="CudaException">The copy or an earlier queued kernel failed.</exception>
    public unsafe void Download(Span<T> destination)
    {
        if (destination.Length > Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but the device buffer holds only {Length}.", nameof(destination));
        }

        using Lease lease = Acquire();
        if (destination.IsEmpty)
        {
            return;
        }

        Device.Activate();
        fixed (T* host = destination)
        {
            CudaRuntime.Check(CudaDriver.MemcpyDtoH(host, lease.Pointer, (nuint)destination.Length * (nuint)sizeof(T)), "cuMemcpyDtoH_v2");
        }
    }

    /// <summary>Downloads the whole buffer into a new array.</summary>
    /// <returns>The elements.</returns>
    /// <exception cref="InvalidOperationException">The buffer has more elements than an array can hold.</exception>
    public T[] ToArray()
    {
        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"The device buffer has {Length} elements, more than a .NET array can hold; download it in slices.");
        }

        var result = new T[Length];
        Download(result);
        return result;
    }

    /// <summary>Copies this buffer into the start of <paramref name="destination"/> on the device (device-to-device).</summary>
    /// <param name="destination">A buffer on the same device, at least as long as this one.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter, or on another device.</exception>
    /// <exception cref="ObjectDisposedException">Either buffer was disposed.</exception>
    public void CopyTo(DeviceBuffer<T> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Device != Device)
        {
            throw new ArgumentException($"The destination is on CUDA device {destination.Device.Ordinal} but this buffer is on device {Device.Ordinal}.", nameof(destination));
        }

        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements but this buffer has {Length}.", nameof(destination));
        }

        using Lease source = Acquire();
        using Lease target = destination.Acquire();
        if (Length == 0)
        {
            return;
        }

        Device.Activate();
        CudaRuntime.Check(CudaDriver.MemcpyDtoD(target.Pointer, source.Pointer, (nuint)ByteLength), "cuMemcpyDtoD_v2");
    }

    /// <summary>Sets every byte of the buffer to zero (which is 0.0 for floating-point elements).</summary>
    /// <exception cref="ObjectDisposedException">The buffer or its owner was disposed.</exception>
    public void Clear()
    {
        using Lease lease = Acquire();
        if (Length == 0)
        {
            return;
        }

        Device.Activate();
        CudaRuntime.Check(CudaDriver.MemsetD8(lease.Pointer, 0, (nuint)ByteLength), "cuMemsetD8_v2");
    }

    /// <summary>A view of elements <paramref name="start"/> … <paramref name="start"/> + <paramref name="length"/> − 1 that shares this memory and owns none of it.</summary>
    /// <param name="start">The first element.</param>
    /// <param name="length">The number of elements.</param>
    /// <returns>The view; disposing it does not free memory, and it is unusable once the owner is disposed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the buffer.</exception>
    /// <exception cref="ObjectDisposedException">The buffer or its owner was disposed.</exception>
    public DeviceBuffer<T> Slice(long start, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (start + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The slice [{start}, {start + length}) does not fit in a buffer of {Length} elements.");
        }

        using Lease lease = Acquire();
        return new DeviceBuffer<T>(Device, memory, offset + start, length, ownsMemory: false);
    }

    /// <summary>Frees the memory (for an owning buffer) and makes this buffer unusable. Calling it twice is harmless.</summary>
    public void Dispose()
    {
        disposed = true;
        if (ownsMemory)
        {
            memory.Dispose();
        }
    }

    /// <summary>Whether two buffers share memory at different starting elements (the same start is an exact alias).</summary>
    /// <param name="other">Another buffer.</param>
    internal bool OverlapsShifted(DeviceBuffer<T> other)
        => ReferenceEquals(memory, other.memory)
            && offset != other.offset
            && offset < other.offset + other.Length
            && other.offset < offset + Length;

    /// <summary>Whether two buffers share any element (an exact alias or a shifted overlap).</summary>
    /// <param name="other">Another buffer.</param>
    internal bool Shares(DeviceBuffer<T> other)
        => ReferenceEquals(memory, other.memory)
            && Length > 0
            && other.Length > 0
            && offset < other.offset + other.Length
            && other.offset < offset + Length;

    /// <summary>Pins the memory for one operation and yields its device address.</summary>
    /// <exception cref="ObjectDisposedException">The buffer or its owner was disposed.</exception>
    internal Lease Acquire()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        bool added = false;
        try
        {
            memory.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(GetType().Name, "The device memory of this buffer was freed: its owning buffer was disposed.");
        }

        return new Lease(memory, memory.Pointer + ((ulong)offset * (ulong)Unsafe.SizeOf<T>()));
    }

    /// <summary>Keeps the memory alive while an operation runs.</summary>
    internal readonly struct Lease : IDisposable
    {
        private readonly DeviceMemoryHandle memory;

        /// <summary>Records the pinned handle and the address of the buffer's first element.</summary>
        /// <param name="memory">The handle a reference was added to.</param>
        /// <param name="pointer">The device address of the first element.</param>
        public Lease(DeviceMemoryHandle memory, ulong pointer)
        {
            this.memory = memory;
            Pointer = pointer;
        }

        /// <summary>The device address of the buffer's first element.</summary>
        public ulong Pointer { get; }

        /// <summary>Releases the reference.</summary>
        public void Dispose() => memory.DangerousRelease();
    }
}
