using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>How a kernel's parameters appear in the templates: lane <c>k</c> is <c>lane{k}</c>, uniform <c>k</c> is <c>uniform{k}</c>.</summary>
internal static class KernelSignature
{
    /// <summary>Appends "const simd_t* lane0, simd_t uniform0, …, " in the kernel's parameter order.</summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    public static void AppendParameters(StringBuilder text, CudaKernelDefinition kernel)
    {
        int lane = 0, uniform = 0;
        foreach (bool isLane in kernel.ParameterIsLane)
        {
            if (isLane)
            {
                text.Append("const simd_t* lane").Append(lane++).Append(", ");
            }
            else
            {
                text.Append("simd_t uniform").Append(uniform++).Append(", ");
            }
        }
    }

    /// <summary>Appends "name(lane0[i], uniform0, …)", the device function applied to element <c>i</c>.</summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    public static void AppendCall(StringBuilder text, CudaKernelDefinition kernel)
    {
        text.Append(kernel.Name).Append('(');
        int lane = 0, uniform = 0;
        for (int p = 0; p < kernel.ParameterIsLane.Count; p++)
        {
            if (p > 0)
            {
                text.Append(", ");
            }

            if (kernel.ParameterIsLane[p])
            {
                text.Append("lane").Append(lane++).Append("[i]");
            }
            else
            {
                text.Append("uniform").Append(uniform++);
            }
        }

        text.Append(')');
    }
}
