using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>
/// The grid-stride map: thread <c>t</c> of a grid of <c>G</c> threads computes elements t, t + G, t + 2G, …
/// so any grid size covers any length, and each element is written exactly once by the device function. Each
/// step handles <see cref="KernelSignature.Unroll"/> elements, computing all of them before storing any. A
/// kernel's every output is stored: its <c>ref</c> and <c>out</c> lanes, then the returned value (when it has one).
/// </summary>
internal static class MapTemplate
{
    /// <summary>The entry point's name in the compiled module.</summary>
    public const string EntryPoint = "simd_map";

    /// <summary>
    /// The map kernel for <paramref name="kernel"/>. Parameters: the kernel's parameters in order (a read lane as
    /// <c>const simd_t*</c>, a <c>ref</c> or <c>out</c> lane as <c>simd_t*</c>, a uniform as <c>simd_t</c>), then
    /// <c>simd_u64 n</c>, then — when the kernel returns a value — <c>simd_t* destination</c>.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    public static string Instantiate(CudaKernelDefinition kernel)
    {
        var text = new StringBuilder();
        text.Append("extern \"C\" __global__ void ").Append(EntryPoint).Append('(');
        KernelSignature.AppendParameters(text, kernel);
        text.Append(kernel.ReturnsValue ? "simd_u64 n, simd_t* destination)\n" : "simd_u64 n)\n");
        text.Append("""
            {
                // No __restrict__: an in-place update passes a lane as an output too. That is safe with the unrolled step
                // below because element j of every output depends only on element j of the lanes, and every element of a
                // step is computed before any is stored.
                simd_u64 stride = (simd_u64)simd_grid_size() * simd_block_size();
                simd_u64 i = (simd_u64)simd_block_index() * simd_block_size() + simd_thread_index();
                for (; i + 3 * stride < n; i += 4 * stride)
                {

            """);
        const string body = "        ";
        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            string index = KernelSignature.UnrolledIndex(k);
            KernelSignature.AppendWrittenLoads(text, kernel, index, k, body);
            text.Append(body);
            if (kernel.ReturnsValue)
            {
                text.Append("simd_t v").Append(k).Append(" = ");
            }

            KernelSignature.AppendCall(text, kernel, index, k);
            text.Append(";\n");
        }

        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            string index = KernelSignature.UnrolledIndex(k);
            KernelSignature.AppendWrittenStores(text, kernel, index, k, body);
            if (kernel.ReturnsValue)
            {
                text.Append(body).Append("destination[").Append(index).Append("] = v").Append(k).Append(";\n");
            }
        }

        text.Append("    }\n    for (; i < n; i += stride)\n    {\n");
        KernelSignature.AppendWrittenLoads(text, kernel, "i", 0, body);
        text.Append(body);
        if (kernel.ReturnsValue)
        {
            text.Append(kernel.WritesLanes ? "simd_t v0 = " : "destination[i] = ");
        }

        KernelSignature.AppendCall(text, kernel);
        text.Append(";\n");
        KernelSignature.AppendWrittenStores(text, kernel, "i", 0, body);
        if (kernel.ReturnsValue && kernel.WritesLanes)
        {
            text.Append(body).Append("destination[i] = v0;\n");
        }

        text.Append("    }\n}\n\n\n");
        return text.ToString();
    }
}
