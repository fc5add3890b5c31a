using System.Collections.Generic;
using System.Linq;

namespace Simd.Cuda;

/// <summary>
/// What identifies a compiled module: two kernels with the same name, device source, element type and shape
/// compile to the same module, however many <see cref="CudaKernelDefinition"/> objects describe them.
/// </summary>
/// <param name="Name">The kernel's (or template's) name.</param>
/// <param name="Source">The device source, or whatever else fixes the generated text.</param>
/// <param name="ElementType">The element type's name.</param>
/// <param name="Shape">The parameter shape, e.g. "LLU" (lane, lane, uniform), or a template's parameters.</param>
internal readonly record struct ModuleKey(string Name, string Source, string ElementType, string Shape)
{
    /// <summary>The key of a kernel's module.</summary>
    /// <param name="kernel">The kernel.</param>
    public static ModuleKey Of(CudaKernelDefinition kernel)
        => new(kernel.Name, kernel.DeviceSource, kernel.ElementType.Name, ShapeOf(kernel.ParameterIsLane));

    /// <summary>"L" for each lane and "U" for each uniform, in parameter order.</summary>
    /// <param name="parameterIsLane">The kernel's flags.</param>
    public static string ShapeOf(IReadOnlyList<bool> parameterIsLane) => string.Concat(parameterIsLane.Select(isLane => isLane ? 'L' : 'U'));
}
