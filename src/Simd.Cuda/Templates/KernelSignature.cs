using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>
/// How a kernel's parameters appear in the templates: lane <c>k</c> is <c>lane{k}</c> (a read lane
/// <c>const simd_t*</c>, a <c>ref</c> or <c>out</c> lane <c>simd_t*</c>), uniform <c>k</c> is <c>uniform{k}</c>.
/// A written lane's element is held in a local (<c>w{k}_{u}</c> for unrolled element u) that the device function
/// takes by reference; the template loads it first (a <c>ref</c> lane) and stores it after the call.
/// </summary>
internal static class KernelSignature
{
    /// <summary>Appends "const simd_t* lane0, simd_t* lane1, simd_t uniform0, …, " in the kernel's parameter order.</summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    public static void AppendParameters(StringBuilder text, CudaKernelDefinition kernel)
    {
        int lane = 0, uniform = 0;
        foreach (CudaKernelParameter parameter in kernel.Parameters)
        {
            if (parameter.IsLane)
            {
                text.Append(parameter.IsWritten ? "simd_t* lane" : "const simd_t* lane").Append(lane++).Append(", ");
            }
            else
            {
                text.Append("simd_t uniform").Append(uniform++).Append(", ");
            }
        }
    }

    /// <summary>
    /// Appends the declarations of the written lanes' locals for one element, each on its own line with
    /// <paramref name="indent"/>: a <c>ref</c> lane's local loaded from element <paramref name="index"/>, an
    /// <c>out</c> lane's set to zero (the device function assigns it).
    /// </summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="index">The C expression of the element index.</param>
    /// <param name="unrolled">The element's position in the unrolled step, which names its locals.</param>
    /// <param name="indent">The indentation of each line.</param>
    public static void AppendWrittenLoads(StringBuilder text, CudaKernelDefinition kernel, string index, int unrolled, string indent)
    {
        int lane = 0;
        foreach (CudaKernelParameter parameter in kernel.Parameters)
        {
            if (!parameter.IsLane)
            {
                continue;
            }

            if (parameter.IsWritten)
            {
                text.Append(indent).Append("simd_t ").Append(WrittenLocal(lane, unrolled)).Append(" = ");
                text.Append(parameter.Kind == CudaParameterKind.RefLane ? $"lane{lane}[{index}]" : "(simd_t)0").Append(";\n");
            }

            lane++;
        }
    }

    /// <summary>Appends "lane1[index] = w1_u;" for each written lane, each on its own line with <paramref name="indent"/>.</summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="index">The C expression of the element index.</param>
    /// <param name="unrolled">The element's position in the unrolled step.</param>
    /// <param name="indent">The indentation of each line.</param>
    public static void AppendWrittenStores(StringBuilder text, CudaKernelDefinition kernel, string index, int unrolled, string indent)
    {
        int lane = 0;
        foreach (CudaKernelParameter parameter in kernel.Parameters)
        {
            if (!parameter.IsLane)
            {
                continue;
            }

            if (parameter.IsWritten)
            {
                text.Append(indent).Append("lane").Append(lane).Append('[').Append(index).Append("] = ").Append(WrittenLocal(lane, unrolled)).Append(";\n");
            }

            lane++;
        }
    }

    /// <summary>
    /// Appends "name(lane0[index], w1_u, uniform0, …)", the device function applied to element <paramref name="index"/>:
    /// a read lane's element directly, a written lane's local (declared by <see cref="AppendWrittenLoads"/>).
    /// </summary>
    /// <param name="text">The text being built.</param>
    /// <param name="kernel">The kernel.</param>
    /// <param name="index">The C expression of the element index, e.g. "i" or "i + stride".</param>
    /// <param name="unrolled">The element's position in the unrolled step, which names the written lanes' locals.</param>
    public static void AppendCall(StringBuilder text, CudaKernelDefinition kernel, string index = "i", int unrolled = 0)
    {
        text.Append(kernel.Name).Append('(');
        int lane = 0, uniform = 0;
        for (int p = 0; p < kernel.Parameters.Count; p++)
        {
            if (p > 0)
            {
                text.Append(", ");
            }

            CudaKernelParameter parameter = kernel.Parameters[p];
            if (!parameter.IsLane)
            {
                text.Append("uniform").Append(uniform++);
            }
            else if (parameter.IsWritten)
            {
                text.Append(WrittenLocal(lane++, unrolled));
            }
            else
            {
                text.Append("lane").Append(lane++).Append('[').Append(index).Append(']');
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

    private static string WrittenLocal(int lane, int unrolled) => $"w{lane}_{unrolled}";
}
