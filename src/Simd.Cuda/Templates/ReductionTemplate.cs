using System;
using System.Text;

namespace Simd.Cuda.Templates;

/// <summary>
/// The two-stage reduction of a kernel's values. Stage 1 (<c>simd_{op}_partial</c>): each thread folds its
/// grid-stride elements into four accumulators (element i + k·stride of each unrolled step into accumulator k,
/// so the four loads of a step are independent), combines them as (a0 ∘ a1) ∘ (a2 ∘ a3), then folds the last
/// fewer-than-four elements in index order; each block reduces its threads with <see cref="BlockReduceTemplate"/>
/// and writes one partial to <c>partials[block]</c>. Stage 2 (<c>simd_{op}_combine</c>, one block): the partials
/// are folded in a fixed order the same way. No atomics: the result depends only on the grid size, which the
/// launcher derives from the length alone, so it is reproducible run to run and device to device.
/// </summary>
internal static class ReductionTemplate
{
    /// <summary>The partial entry point for <paramref name="kind"/>.</summary>
    /// <param name="kind">The reduction.</param>
    public static string PartialEntryPoint(ReductionKind kind) => $"simd_{Op(kind)}_partial";

    /// <summary>The combine entry point for <paramref name="kind"/>.</summary>
    /// <param name="kind">The reduction.</param>
    public static string CombineEntryPoint(ReductionKind kind) => $"simd_{Op(kind)}_combine";

    /// <summary>
    /// Both stages for <paramref name="kernel"/>. Partial parameters: the kernel's parameters in order, then
    /// <c>simd_u64 n</c>, <c>simd_t* partials</c>. Combine parameters: <c>const simd_t* partials</c>,
    /// <c>unsigned int count</c>, <c>simd_t* result</c>.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="kind">The reduction.</param>
    public static string Instantiate(CudaKernelDefinition kernel, ReductionKind kind)
    {
        string op = Op(kind);
        string identity = Identity(kind);
        var text = new StringBuilder();
        text.Append("extern \"C\" __global__ void ").Append(PartialEntryPoint(kind)).Append('(');
        KernelSignature.AppendParameters(text, kernel);
        text.Append("simd_u64 n, simd_t* partials)\n{\n");
        text.Append("    const simd_t identity = ").Append(identity).Append(";\n");
        text.Append("    simd_t acc0 = identity, acc1 = identity, acc2 = identity, acc3 = identity;\n");
        text.Append("    simd_u64 stride = (simd_u64)simd_grid_size() * simd_block_size();\n");
        text.Append("    simd_u64 i = (simd_u64)simd_block_index() * simd_block_size() + simd_thread_index();\n");
        text.Append("    for (; i + 3 * stride < n; i += 4 * stride)\n    {\n");
        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            text.Append("        simd_t v").Append(k).Append(" = ");
            KernelSignature.AppendCall(text, kernel, KernelSignature.UnrolledIndex(k));
            text.Append(";\n");
        }

        for (int k = 0; k < KernelSignature.Unroll; k++)
        {
            text.Append("        acc").Append(k).Append(" = simd_").Append(Fold(kind)).Append("(acc").Append(k).Append(", v").Append(k).Append(");\n");
        }

        text.Append("    }\n");
        text.Append("    simd_t acc = simd_").Append(Fold(kind)).Append("(simd_").Append(Fold(kind)).Append("(acc0, acc1), simd_").Append(Fold(kind)).Append("(acc2, acc3));\n");
        text.Append("    for (; i < n; i += stride)\n    {\n");
        text.Append("        acc = simd_").Append(Fold(kind)).Append("(acc, ");
        KernelSignature.AppendCall(text, kernel);
        text.Append(");\n    }\n");
        text.Append("    acc = simd_block_reduce_").Append(op).Append("(acc, identity);\n");
        text.Append("    if (simd_thread_index() == 0u) { partials[simd_block_index()] = acc; }\n}\n\n");

        text.Append("extern \"C\" __global__ void ").Append(CombineEntryPoint(kind)).Append("(const simd_t* partials, unsigned int count, simd_t* result)\n{\n");
        text.Append("    const simd_t identity = ").Append(identity).Append(";\n");
        text.Append("    simd_t acc = identity;\n");
        text.Append("    for (unsigned int i = simd_thread_index(); i < count; i += simd_block_size()) { acc = simd_").Append(Fold(kind)).Append("(acc, partials[i]); }\n");
        text.Append("    acc = simd_block_reduce_").Append(op).Append("(acc, identity);\n");
        text.Append("    if (simd_thread_index() == 0u) { result[0] = acc; }\n}\n\n");
        return text.ToString();
    }

    private static string Op(ReductionKind kind) => kind switch
    {
        ReductionKind.Sum => "sum",
        ReductionKind.Min => "min",
        ReductionKind.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Fold(ReductionKind kind) => kind == ReductionKind.Sum ? "add" : Op(kind);

    private static string Identity(ReductionKind kind) => kind switch
    {
        ReductionKind.Sum => "(simd_t)0",
        ReductionKind.Min => "simd_positive_infinity((simd_t)0)",
        ReductionKind.Max => "simd_negative_infinity((simd_t)0)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
