namespace Simd.Cuda;

/// <summary>What one parameter of a kernel's device function is, and how the templates pass it.</summary>
public enum CudaParameterKind
{
    /// <summary>A lane read by the kernel: the device function takes the element's value.</summary>
    Lane,

    /// <summary>A lane read and written (a C# <see langword="ref"/> lane): the device function takes <c>simd_t&amp;</c> holding the element's value and leaves its new value there.</summary>
    RefLane,

    /// <summary>A lane only written (a C# <see langword="out"/> lane): the device function takes <c>simd_t&amp;</c> and sets it.</summary>
    OutLane,

    /// <summary>A value shared by every element: the device function takes it by value.</summary>
    Uniform,
}
