using System.Linq;

namespace Simd.Cuda;

/// <summary>
/// What identifies a compiled module: two kernels with the same name, device source, element type and shape
/// compile to the same module, however many <see cref="CudaKernelDefinition"/> objects describe them.
/// </summary>
/// <param name="Name">The kernel's (or template's) name.</param>
/// <param name="Source">The device source, or whatever else fixes the generated text.</param>
/// <param name="ElementType">The element type's name.</param>
/// <param name="Shape">The parameter shape, e.g. "LLU" (lane, lane, uniform) or "RRLU:void" (two <c>ref</c> lanes, no returned value), or a template's parameters.</param>
internal readonly record struct ModuleKey(string Name, string Source, string ElementType, string Shape)
{
    /// <summary>The key of a kernel's module.</summary>
    /// <param name="kernel">The kernel.</param>
    public static ModuleKey Of(CudaKernelDefinition kernel)
        => new(kernel.Name, kernel.DeviceSource, kernel.ElementType.Name, ShapeOf(kernel));

    /// <summary>
    /// "L" for each read lane, "R" for each <c>ref</c> lane, "O" for each <c>out</c> lane and "U" for each uniform, in
    /// parameter order, then ":void" when the device function returns no value.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    public static string ShapeOf(CudaKernelDefinition kernel)
        => string.Concat(kernel.Parameters.Select(p => p.Kind switch
        {
            CudaParameterKind.Lane => 'L',
            CudaParameterKind.RefLane => 'R',
            CudaParameterKind.OutLane => 'O',
            _ => 'U',
        })) + (kernel.ReturnsValue ? string.Empty : ":void");
}
