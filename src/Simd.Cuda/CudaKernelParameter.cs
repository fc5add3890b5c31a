namespace Simd.Cuda;

/// <summary>One parameter of a kernel's device function: its C# name (used in error messages) and its kind.</summary>
/// <param name="Name">The parameter's name in the kernel's C# declaration.</param>
/// <param name="Kind">Whether it is a read lane, a <see langword="ref"/> lane, an <see langword="out"/> lane or a uniform.</param>
public readonly record struct CudaKernelParameter(string Name, CudaParameterKind Kind)
{
    /// <summary>Whether the parameter is passed as a buffer (a lane of any kind), not a single value.</summary>
    public bool IsLane => Kind != CudaParameterKind.Uniform;

    /// <summary>Whether the kernel writes the parameter's buffer (a <see langword="ref"/> or <see langword="out"/> lane).</summary>
    public bool IsWritten => Kind is CudaParameterKind.RefLane or CudaParameterKind.OutLane;
}
