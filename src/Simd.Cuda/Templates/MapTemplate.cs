using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>
/// The grid-stride map: thread <c>t</c> of a grid of <c>G</c> threads computes elements t, t + G, t + 2G, …
/// so any grid size covers any length, and each element is written exactly once by the device function. Each
/// step handles <see cref="KernelSignature.Unroll"/> elements, computing all of them before storing any.
/// </summary>
internal static class MapTemplate
{
    /// <summary>The entry point's name in the compiled module.</summary>
    public const string EntryPoint = "simd_map";

    /// <summary>
    /// The map kernel for <paramref name="kernel"/>. Parameters: the kernel's parameters in order (a lane as
    /// <c>const simd_t*</c>, a uniform as <c>simd_t</c>), then <c>simd_u64 n</c>, then <c>simd_t* destination</c>.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    public static string Instantiate(CudaKernelDefinition kernel)
    {
        var text = new StringBuilder();
        text.Append("extern \"C\" __global__ void ").Append(EntryPoint).Append('(');
        KernelSignature.AppendParameters(text, kernel);
        text.Append("""
            simd_u64 n, simd_t* destination)
            {
                // No __restrict__: an in-place update passes the ref lane as the destination too. That is safe with the
                // unrolled step below because element j of the destination depends only on element j of the lanes.
                simd_u64 stride = (simd_u64)simd_grid_size() * simd_block_size();
                simd_u64 i = (simd_u64)simd_block_index() * simd_block_size() + simd_thread_index();
                for (; i + 3 * stride < n; i += 4 * stride)
                {

            """);
        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            text.Append("        simd_t v").Append(k).Append(" = ");
            KernelSignature.AppendCall(text, kernel, KernelSignature.UnrolledIndex(k));
            text.Append(";\n");
        }

        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            text.Append("        destination[").Append(KernelSignature.UnrolledIndex(k)).Append("] = v").Append(k).Append(";\n");
        }

        text.Append("    }\n    for (; i < n; i += stride)\n    {\n        destination[i] = ");
        KernelSignature.AppendCall(text, kernel);
        text.Append(";\n    }\n}\n\n\n");
        return text.ToString();
    }
}
