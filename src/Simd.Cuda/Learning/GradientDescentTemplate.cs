using System;
using System.Globalization;
using System.Text;
using Simd.Cuda.Templates;

namespace Simd.Cuda.Learning;

/// <summary>
/// The two fused kernels of one gradient-descent iteration, specialised (by NVRTC, at run time) for the
/// number of columns, the element type and the model.
/// <para><c>simd_gd_partial</c>: one warp per row at a time, lane j holding column j (and j + 32, …), so a
/// row of a row-major X is one coalesced load. Each warp computes the row's prediction with a fixed
/// shuffle tree, its error and loss, and accumulates error·x_j, the error and the loss in registers over
/// its rows (rows warp, warp + W, warp + 2W, … in order); it then writes its n + 2 sums to its own slot of
/// <c>partials</c>. X is read once per iteration.</para>
/// <para><c>simd_gd_combine</c>: block j sums slot entries j of every warp in a fixed order (block reduction),
/// then thread 0 applies the update of weight j (or the bias) into the other weight buffer, or — for the
/// last block — writes the regularised cost. Reading the old weights and writing the new ones to separate
/// buffers keeps the blocks independent. No atomics: results depend only on the grid size.</para>
/// </summary>
internal static class GradientDescentTemplate
{
    /// <summary>The partial-sums entry point.</summary>
    public const string PartialEntryPoint = "simd_gd_partial";

    /// <summary>The combine-and-update entry point.</summary>
    public const string CombineEntryPoint = "simd_gd_combine";

    /// <summary>Rows each warp loads before using any, for 1–2 chunks of 32 columns: more bytes in flight per warp.</summary>
    public const int UnrolledRows = 4;

    /// <summary>The module text for <paramref name="columns"/> features.</summary>
    /// <param name="columns">Number of features, ≥ 1.</param>
    /// <param name="isDouble">Whether the element type is double.</param>
    /// <param name="kind">The model.</param>
    public static string Build(int columns, bool isDouble, RegressionKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        int chunks = (columns + 31) / 32;

        // Unrolling keeps UnrolledRows × chunks values in registers; beyond two chunks it would spill.
        int unroll = chunks <= 2 ? UnrolledRows : 1;
        var text = new StringBuilder();
        text.Append(CudaPrelude.Text);
        text.Append(KernelModuleSource.ElementTypedef(isDouble));
        text.Append(BlockReduceTemplate.Text);
        text.Append(CultureInfo.InvariantCulture, $"#define SIMD_COLUMNS {columns}u\n");
        text.Append(CultureInfo.InvariantCulture, $"#define SIMD_CHUNKS {chunks}\n");
        text.Append(CultureInfo.InvariantCulture, $"#define SIMD_UNROLL {unroll}\n");
        text.Append(CultureInfo.InvariantCulture, $"#define SIMD_LOGISTIC {(kind == RegressionKind.Logistic ? 1 : 0)}\n\n");
        text.Append(Kernels);
        return text.ToString();
    }

    private const string Kernels = """
        // The prediction's loss and error (prediction − y) for a linear input z = x·w + b.
        static __device__ __forceinline__ simd_t simd_row_loss(simd_t z, simd_t y, simd_t* error)
        {
        #if SIMD_LOGISTIC
            // p = σ(z) and the loss softplus(z) − y·z (= −[y log p + (1 − y) log(1 − p)]) from e = exp(−|z|) ≤ 1,
            // which never overflows; softplus(z) = max(z, 0) + log1p(exp(−|z|)).
            simd_t a = z < (simd_t)0 ? -z : z;
            simd_t e = simd_exp(-a);
            simd_t p = z >= (simd_t)0 ? (simd_t)1 / ((simd_t)1 + e) : e / ((simd_t)1 + e);
            *error = p - y;
            return (z > (simd_t)0 ? z : (simd_t)0) + simd_log1p(e) - y * z;
        #else
            simd_t d = z - y;
            *error = d;
            return (simd_t)0.5 * d * d;
        #endif
        }

        extern "C" __global__ void simd_gd_partial(const simd_t* x, const simd_t* y, const simd_t* weights, simd_u64 rows, simd_t* partials)
        {
            unsigned int lane = simd_thread_index() & 31u;
            simd_u64 warp = ((simd_u64)simd_block_index() * simd_block_size() + simd_thread_index()) >> 5;
            simd_u64 warps = ((simd_u64)simd_grid_size() * simd_block_size()) >> 5;
            simd_t w[SIMD_CHUNKS];
            simd_t g[SIMD_CHUNKS];
            #pragma unroll
            for (int k = 0; k < SIMD_CHUNKS; k++)
            {
                unsigned int j = lane + 32u * (unsigned int)k;
                w[k] = j < SIMD_COLUMNS ? weights[j] : (simd_t)0;
                g[k] = (simd_t)0;
            }
            simd_t bias = weights[SIMD_COLUMNS];
            simd_t biasGradient = (simd_t)0;
            simd_t cost = (simd_t)0;

            for (simd_u64 r = warp; r < rows; r += warps * SIMD_UNROLL)
            {
                simd_t xv[SIMD_UNROLL][SIMD_CHUNKS];
                simd_t yv[SIMD_UNROLL];
                #pragma unroll
                for (int u = 0; u < SIMD_UNROLL; u++)
                {
                    simd_u64 row = r + (simd_u64)u * warps;
                    bool valid = row < rows;
                    yv[u] = valid ? y[row] : (simd_t)0;
                    #pragma unroll
                    for (int k = 0; k < SIMD_CHUNKS; k++)
                    {
                        unsigned int j = lane + 32u * (unsigned int)k;
                        xv[u][k] = (valid && j < SIMD_COLUMNS) ? x[row * SIMD_COLUMNS + j] : (simd_t)0;
                    }
                }

                #pragma unroll
                for (int u = 0; u < SIMD_UNROLL; u++)
                {
                    simd_t z = (simd_t)0;
                    #pragma unroll
                    for (int k = 0; k < SIMD_CHUNKS; k++) { z = z + w[k] * xv[u][k]; }
                    // Every lane needs the same z: reduce to lane 0 with the fixed tree, then broadcast.
                    z = simd_shuffle_broadcast(simd_warp_reduce_sum(z), 0u) + bias;
                    simd_t error;
                    simd_t loss = simd_row_loss(z, yv[u], &error);
                    if (r + (simd_u64)u * warps < rows)
                    {
                        #pragma unroll
                        for (int k = 0; k < SIMD_CHUNKS; k++) { g[k] = g[k] + error * xv[u][k]; }
                        biasGradient = biasGradient + error;
                        cost = cost + loss;
                    }
                }
            }

            // Each warp owns one slot of SIMD_COLUMNS + 2 sums: gradient, bias gradient, cost.
            simd_t* slot = partials + warp * (SIMD_COLUMNS + 2u);
            #pragma unroll
            for (int k = 0; k < SIMD_CHUNKS; k++)
            {
                unsigned int j = lane + 32u * (unsigned int)k;
                if (j < SIMD_COLUMNS) { slot[j] = g[k]; }
            }
            if (lane == 0u)
            {
                slot[SIMD_COLUMNS] = biasGradient;
                slot[SIMD_COLUMNS + 1u] = cost;
            }
        }

        // Grid: SIMD_COLUMNS + 2 blocks. Block j < SIMD_COLUMNS updates weight j, block SIMD_COLUMNS the bias,
        // block SIMD_COLUMNS + 1 writes costs[iteration].
        extern "C" __global__ void simd_gd_combine(const simd_t* partials, unsigned int warps, const simd_t* weights, simd_t* next,
            simd_t* costs, unsigned int iteration, simd_t inverseRows, simd_t rate, simd_t lambda)
        {
            unsigned int j = simd_block_index();
            simd_t acc = (simd_t)0;
            for (unsigned int p = simd_thread_index(); p < warps; p += simd_block_size())
            {
                acc = acc + partials[(simd_u64)p * (SIMD_COLUMNS + 2u) + j];
            }
            acc = simd_block_reduce_sum(acc, (simd_t)0);
            if (simd_thread_index() != 0u) { return; }

            if (j < SIMD_COLUMNS)
            {
                simd_t gradient = acc * inverseRows + lambda * inverseRows * weights[j];
                next[j] = weights[j] - rate * gradient;
            }
            else if (j == SIMD_COLUMNS)
            {
                next[j] = weights[j] - rate * (acc * inverseRows);
            }
            else
            {
                simd_t squares = (simd_t)0;
                for (unsigned int c = 0; c < SIMD_COLUMNS; c++) { squares = squares + weights[c] * weights[c]; }
                costs[iteration] = acc * inverseRows + (simd_t)0.5 * lambda * inverseRows * squares;
            }
        }

        """;
}
