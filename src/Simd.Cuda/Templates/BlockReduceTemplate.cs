namespace Simd.Cuda.Templates;

/// <summary>
/// Deterministic block reductions: a fixed shuffle tree inside each warp, then warp 0 combines the per-warp
/// values, read from shared memory in warp order, with the same tree. The order of every operation depends
/// only on the block size, never on scheduling, so the same inputs give the same bits on every run.
/// </summary>
internal static class BlockReduceTemplate
{
    /// <summary>The threads per block every reduction launches with (a multiple of 32, at most 1024).</summary>
    public const int BlockSize = 256;

    /// <summary>
    /// <c>simd_block_reduce_sum/min/max(simd_t v, simd_t identity)</c>: every thread of the block must call it;
    /// thread 0 receives the block's result. Requires <c>simd_t</c> to be defined.
    /// </summary>
    public const string Text = """
        static __device__ __forceinline__ simd_t simd_warp_reduce_sum(simd_t v) { for (unsigned int d = 16; d > 0; d >>= 1) { v = simd_add(v, simd_shuffle_down(v, d)); } return v; }
        static __device__ __forceinline__ simd_t simd_warp_reduce_min(simd_t v) { for (unsigned int d = 16; d > 0; d >>= 1) { v = simd_min(v, simd_shuffle_down(v, d)); } return v; }
        static __device__ __forceinline__ simd_t simd_warp_reduce_max(simd_t v) { for (unsigned int d = 16; d > 0; d >>= 1) { v = simd_max(v, simd_shuffle_down(v, d)); } return v; }

        // The shared slots are reused by consecutive reductions in one kernel, hence the barrier before writing.
        __shared__ simd_t simd_warp_values[32];

        static __device__ __forceinline__ simd_t simd_block_gather(simd_t warpResult, simd_t identity)
        {
            unsigned int lane = simd_thread_index() & 31u;
            unsigned int warp = simd_thread_index() >> 5;
            simd_barrier();
            if (lane == 0u) { simd_warp_values[warp] = warpResult; }
            simd_barrier();
            unsigned int warps = (simd_block_size() + 31u) >> 5;
            return lane < warps ? simd_warp_values[lane] : identity;
        }

        static __device__ __forceinline__ simd_t simd_block_reduce_sum(simd_t v, simd_t identity) { return simd_warp_reduce_sum(simd_block_gather(simd_warp_reduce_sum(v), identity)); }
        static __device__ __forceinline__ simd_t simd_block_reduce_min(simd_t v, simd_t identity) { return simd_warp_reduce_min(simd_block_gather(simd_warp_reduce_min(v), identity)); }
        static __device__ __forceinline__ simd_t simd_block_reduce_max(simd_t v, simd_t identity) { return simd_warp_reduce_max(simd_block_gather(simd_warp_reduce_max(v), identity)); }


        """;
}
