using System;
using System.Runtime.InteropServices;
using Simd.Cuda.Native;

namespace Simd.Cuda;

/// <summary>
/// Owns one <c>cuMemAlloc</c> allocation and frees it exactly once, on <see cref="SafeHandle.Dispose()"/> or
/// by the finalizer. Reference counting (<see cref="SafeHandle.DangerousAddRef"/>) keeps the memory alive while
/// an operation uses it, so disposing concurrently cannot free memory under a running copy.
/// </summary>
internal sealed class DeviceMemoryHandle : SafeHandle
{
    private readonly nint context;
    private readonly bool hasAllocation;

    /// <summary>Wraps <paramref name="pointer"/>, allocated in <paramref name="context"/>; zero means an empty allocation.</summary>
    /// <param name="pointer">The device pointer, or zero for a zero-length buffer.</param>
    /// <param name="context">The context the memory belongs to.</param>
    public DeviceMemoryHandle(ulong pointer, nint context)
        : base(0, ownsHandle: true)
    {
        this.context = context;
        SetHandle((nint)pointer);
        hasAllocation = pointer != 0;
    }

    /// <inheritdoc/>
    public override bool IsInvalid => false;

    /// <summary>The device pointer; only meaningful while a reference is held.</summary>
    public ulong Pointer => (ulong)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        if (!hasAllocation)
        {
            return true;
        }

        // The finalizer thread has no current context; the free must name the allocation's own.
        return CudaDriver.CtxSetCurrent(context) == CudaResult.Success
            && CudaDriver.MemFree((ulong)handle) == CudaResult.Success;
    }
}
