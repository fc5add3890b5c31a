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

    /// <summary>Appends "name(lane0[index], uniform0, …)", the device function applied to element <paramref name="index"/>.</summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="index">The C expression of the element index, e.g. "i" or "i + stride".</param>
    public static void AppendCall(StringBuilder text, CudaKernelDefinition kernel, string index = "i")
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
                text.Append("lane").Append(lane++).Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append("uniform").Append(uniform++);
            }
        }

        text.Append(')');
    }

    /// <summary>The element indices of one unrolled grid-stride step: i, i + stride, i + 2 * stride, …</summary>
    /// <param name="k">The position in the step, 0 to <see cref="Unroll"/> − 1.</param>
    public static string UnrolledIndex(int k) => k switch
    {
        0 => "i",
        1 => "i + stride",
        _ => $"i + {k} * stride",
    };

    /// <summary>
    /// Elements per thread per step of the unrolled grid-stride loops: their loads are independent and are all
    /// issued before the first is used, so each thread keeps several loads in flight (one per element and lane)
    /// instead of one, which memory bandwidth needs (a load pair per iteration leaves it latency-bound). The
    /// templates' loop bounds (<c>i + 3 * stride &lt; n; i += 4 * stride</c>) and the four reduction accumulators are written for 4.
    /// </summary>
    public const int Unroll = 4;
}
