using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>
/// The complete CUDA C module for one kernel: prelude, <c>simd_t</c>, the generated device function, block
/// reductions, the map and the sum/min/max stages. One module serves every shape of the kernel. A kernel that writes
/// lanes, or returns no value, gets the map only: the device reductions reduce returned values of kernels without side outputs.
/// </summary>
internal static class KernelModuleSource
{
    /// <summary>Builds the module text for <paramref name="kernel"/>.</summary>
    /// <param name="kernel">The kernel.</param>
    public static string Build(CudaKernelDefinition kernel)
    {
        var text = new StringBuilder();
        text.Append(CudaPrelude.Text);
        text.Append(ElementTypedef(kernel.IsDouble));
        text.Append("// ---- device function ").Append(kernel.Name).Append(" ----\n");
        text.Append(kernel.DeviceSource).Append("\n\n");
        text.Append(BlockReduceTemplate.Text);
        text.Append(MapTemplate.Instantiate(kernel));
        if (HasReductions(kernel))
        {
            text.Append(ReductionTemplate.Instantiate(kernel, ReductionKind.Sum));
            text.Append(ReductionTemplate.Instantiate(kernel, ReductionKind.Min));
            text.Append(ReductionTemplate.Instantiate(kernel, ReductionKind.Max));
        }
        return text.ToString();
    }

    /// <summary>Whether the module has the reduction stages: the kernel returns a value and writes no lane.</summary>
    /// <param name="kernel">The kernel.</param>
    public static bool HasReductions(CudaKernelDefinition kernel) => kernel.ReturnsValue && !kernel.WritesLanes;

    /// <summary>The <c>typedef</c> of <c>simd_t</c> for the element type.</summary>
    /// <param name="isDouble">Whether the element type is double.</param>
    public static string ElementTypedef(bool isDouble) => isDouble ? "typedef double simd_t;\n\n" : "typedef float simd_t;\n\n";
}
