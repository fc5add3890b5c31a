using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;
using Simd.Hardware;
using Simd.Widths;

namespace Simd.Learning.Kernels;

/// <summary>
/// One gradient-descent evaluation in a single pass over X: for each row the score z = w·x + b, the error,
/// the cost term, and the error-weighted row added to ∂J/∂w — with no m-length temporary.
/// </summary>
/// <remarks>
/// <para>Layout of the work, fixed by m, n and the element size only (never by the thread count):</para>
/// <list type="bullet">
/// <item>A <b>block</b> is <see cref="BlockRows{T}"/> rows, about <see cref="BlockBytes"/> bytes, so it stays in L1:
/// the block's dot products read it from memory, the gradient update reads it again from L1. The block's
/// errors live in a stack buffer of at most <see cref="MaxBlockRows"/> elements.</item>
/// <item>A <b>chunk</b> is a whole number of blocks, about <see cref="ChunkElements"/> elements. Each chunk
/// accumulates its own partial gradient (in T, vectorised) and partial cost and Σ error (in double).</item>
/// <item>Chunks are combined in chunk order, in double. Whether one thread or many processed the chunks,
/// every partial is computed by the same instructions on the same data and summed in the same order, so
/// the results are bit-identical for any thread count.</item>
/// </list>
/// <para>Chunks run in parallel when m·n ≥ <see cref="ParallelThreshold"/> (below it a fork/join costs more than it saves).</para>
/// </remarks>
internal static class FusedGradientStep
{
    /// <summary>
    /// m·n from which chunks are processed on several cores: 2¹⁸ elements (1 MiB of floats, a few chunks). Below it a
    /// step is too short for waking other threads to pay off; the value is a reasoned choice, not a tuned one.
    /// </summary>
    public const long ParallelThreshold = 1L << 18;

    /// <summary>Target elements per chunk (the unit of work handed to a thread).</summary>
    public const int ChunkElements = 1 << 16;

    /// <summary>
    /// Target bytes per cache block: a quarter of a 32 KiB L1 data cache (the smallest in current x64 cores), so the block,
    /// w, g and the stack stay in L1 between the two walks. Of 4, 8, 16 and 32 KiB, 4 and 8 KiB measured fastest at both
    /// benchmark shapes.
    /// </summary>
    public const int BlockBytes = 8 * 1024;

    /// <summary>Largest number of rows in a block (the size of the stack buffer of errors).</summary>
    public const int MaxBlockRows = 256;

    /// <summary>
    /// Rows at least this many bytes long take the pipelined form with its prefetch (<see cref="ChunkPipelined"/>), on x86.
    /// At 256-byte rows (64 floats on the AVX2 path) the pipelined form without the prefetch measured 1.4× slower than
    /// the per-row form, and the prefetch had measured slower at short rows; from 512 bytes it was faster at every shape
    /// tried, on the AVX-512 and the AVX2 path alike.
    /// </summary>
    public const int PipelinedRowBytes = 512;

    /// <summary>
    /// How far ahead of the rows being read the prefetch runs, at least: 16 KiB (two groups of four rows of 512 floats), in
    /// whole rows and never less than the next group. Of 4, 8, 12, 16 and 24 KiB on Zen 4, 12–16 KiB were best at
    /// 20,000×512 and 8–16 KiB at 40,000×256.
    /// </summary>
    public const int PrefetchDistance = 16 * 1024;

    /// <summary>
    /// How far ahead <c>FourVectorRowsAvx2</c> asks for rows: 3 KiB (24 rows of 32 floats). The hardware prefetchers alone
    /// left that loop at 65–85 % of a plain read of X on Zen 3; of 0.5, 1, 1.5, 2, 3, 4, 8 and 16 KiB, 3–4 KiB were fastest
    /// (medians within the read's spread) and 16 KiB no better than none.
    /// </summary>
    public const int ShortRowPrefetchBytes = 3 * 1024;

    /// <summary>
    /// How far ahead <c>FourVectorRowsAvx2</c> also asks for rows into L2: 16 KiB. On Zen 5, which reads a core's stream of X
    /// about three times as fast as Zen 3, 3 KiB ahead does not cover the memory's latency: 200,000 × 32 took 0.65–0.73 ms
    /// with it alone, 0.48–0.50 ms with this added, against a 256-bit read of X in 0.44–0.47 ms (0.42–0.46 ms with the L1
    /// prefetch itself moved to 16 KiB, which on Zen 3 had been no better than none; into L2 it does not crowd L1).
    /// </summary>
    public const int ShortRowL2PrefetchBytes = 16 * 1024;

    /// <summary>Rows per cache block for rows of <paramref name="columns"/> elements.</summary>
    public static int BlockRows<T>(int columns)
        where T : unmanaged
        => Math.Clamp(BlockBytes / Math.Max(1, columns * Unsafe.SizeOf<T>()), 4, MaxBlockRows);

    /// <summary>
    /// How many rows on a prefetch <paramref name="distanceBytes"/> ahead asks for: whole rows, never fewer than the next
    /// group of four, so that a view whose rows lie far apart asks for its rows and not for the bytes between them.
    /// </summary>
    private static int RowsAhead(int distanceBytes, nint strideBytes) => (int)Math.Max(4, distanceBytes / strideBytes);

    /// <summary>
    /// Whether <see cref="GroupedRows"/> forms the errors of its groups itself (<see cref="IRowLoss{T}.GroupErrors"/>): always
    /// for the squared error, and for the other losses at rows of four vectors, where the weighted rows follow at once.
    /// Elsewhere a transcendental error formed 128 bits at a time costs more than the block's kernel call at the full
    /// width (200,000 × 16 float on AVX-512: 1.98 ms against 1.66), so the scores wait for <see cref="IRowLoss{T}.BlockErrors"/>.
    /// </summary>
    private static bool GroupsFormErrors<T, TLoss>(bool fourVectors)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
        => TLoss.IsSquaredError || fourVectors;

    /// <summary>Rows per chunk: a whole number of blocks, about <see cref="ChunkElements"/> elements.</summary>
    public static int ChunkRows<T>(int columns)
        where T : unmanaged
    {
        int block = BlockRows<T>(columns);
        int rows = ChunkElements / Math.Max(1, columns);
        return Math.Max(block, rows / block * block);
    }

    /// <summary>
    /// Evaluates the cost and writes ∂J/∂w into <paramref name="gradientW"/> and ∂J/∂b into <paramref name="gradientB"/>,
    /// L2 term (λ/(2m))·‖w‖² included. Arguments are assumed validated (shapes agree, m ≥ 1). <paramref name="pathWidth"/>
    /// runs the path's own width even where <see cref="RowWidth{T}"/> would narrow it (for tests: the forms it avoids on
    /// one machine are the ones it runs on another).
    /// </summary>
    /// <returns>The cost J(w, b).</returns>
    public static double Run<T, TLoss>(
        ReadOnlyMatrixView<T> x,
        ReadOnlySpan<T> y,
        ReadOnlySpan<T> w,
        T b,
        double lambda,
        Span<T> gradientW,
        out double gradientB,
        int maxDegreeOfParallelism = -1,
        long parallelThreshold = ParallelThreshold,
        bool pathWidth = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        int m = x.Rows;
        int n = x.Columns;
        int chunkRows = ChunkRows<T>(n);
        int chunks = (m + chunkRows - 1) / chunkRows;

        T[] partialGradients = ArrayPool<T>.Shared.Rent(Math.Max(1, chunks * n));
        double[] partialSums = ArrayPool<double>.Shared.Rent(2 * chunks);
        try
        {
            unsafe
            {
                using var pin = x.Memory.Pin();
                fixed (T* yp = y)
                fixed (T* wp = w)
                {
                    var job = new ChunkJob<T, TLoss>(
                        (T*)pin.Pointer, x.Stride, m, n, yp, wp, b, chunkRows, partialGradients, partialSums,
                        pathWidth ? WidthChoice.For<T>((nuint)n) : RowWidth<T>(n));
                    bool parallel = maxDegreeOfParallelism != 1 && chunks > 1 && (long)m * n >= parallelThreshold
                        && Environment.ProcessorCount > 1;
                    if (parallel)
                    {
                        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, job.Run);
                    }
                    else
                    {
                        for (int c = 0; c < chunks; c++)
                        {
                            job.Run(c);
                        }
                    }
                }
            }

            // Combine in chunk order, in double: the order is fixed, so the thread count cannot change a bit.
            double costSum = 0, errorSum = 0;
            for (int c = 0; c < chunks; c++)
            {
                costSum += partialSums[2 * c];
                errorSum += partialSums[(2 * c) + 1];
            }

            double penalty = 0;
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < chunks; c++)
                {
                    s += double.CreateTruncating(partialGradients[(c * n) + j]);
                }

                double wj = double.CreateTruncating(w[j]);
                penalty += wj * wj;
                gradientW[j] = T.CreateTruncating((s / m) + (lambda / m * wj));
            }

            gradientB = errorSum / m;
            return (TLoss.CostScale * costSum / m) + (lambda / (2.0 * m) * penalty);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partialGradients);
            ArrayPool<double>.Shared.Return(partialSums);
        }
    }

    /// <summary>
    /// The work of one chunk, callable from any thread; writes only that chunk's partials. A struct, so the
    /// single-thread path allocates nothing (the parallel path boxes it once for the delegate).
    /// </summary>
    private unsafe struct ChunkJob<T, TLoss>(
        T* x, int stride, int m, int n, T* y, T* w, T b, int chunkRows, T[] partialGradients, double[] partialSums, Width width)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        public readonly void Run(int chunk)
        {
            int first = chunk * chunkRows;
            int rows = Math.Min(chunkRows, m - first);
            Span<T> g = partialGradients.AsSpan(chunk * n, n);
            g.Clear();
            ref T xs = ref Unsafe.AsRef<T>(x + ((nint)first * stride));
            ref T ys = ref Unsafe.AsRef<T>(y + first);
            ref T ws = ref Unsafe.AsRef<T>(w);
            ref T gs = ref MemoryMarshal.GetReference(g);
            double cost, errors;
            switch (width)
            {
                case Width.VectorT:
                    cost = Chunk<T, Vector<T>, WidthVector<T>, TLoss>(ref xs, stride, rows, m - first, n, ref ys, ref ws, b, ref gs, out errors);
                    break;
                case Width.V512:
                    cost = Chunk<T, System.Runtime.Intrinsics.Vector512<T>, Width512<T>, TLoss>(ref xs, stride, rows, m - first, n, ref ys, ref ws, b, ref gs, out errors);
                    break;
                case Width.V256:
                    cost = Chunk<T, System.Runtime.Intrinsics.Vector256<T>, Width256<T>, TLoss>(ref xs, stride, rows, m - first, n, ref ys, ref ws, b, ref gs, out errors);
                    break;
                case Width.V128:
                    cost = Chunk<T, System.Runtime.Intrinsics.Vector128<T>, Width128<T>, TLoss>(ref xs, stride, rows, m - first, n, ref ys, ref ws, b, ref gs, out errors);
                    break;
                default:
                    cost = ChunkScalar<T, TLoss>(ref xs, stride, rows, n, ref ys, ref ws, b, ref gs, out errors);
                    break;
            }

            partialSums[2 * chunk] = cost;
            partialSums[(2 * chunk) + 1] = errors;
        }
    }

    /// <summary>
    /// The width for rows of <paramref name="n"/> elements: <see cref="WidthChoice.For{T}(nuint)"/>, but 256 bits where that
    /// would be 512 in two cases:
    /// <list type="bullet">
    /// <item>float rows of 32 (128 bytes) with FMA, so that they run as rows of four vectors in <see cref="FourVectorRowsAvx2"/>,
    /// which keeps w, the gradient and the group's sums in registers. As two 512-bit vectors they go through the general
    /// grouped loop and a second walk over each block: at 200,000 × 32 on Zen 5 the linear step took 0.83 ms that way and
    /// 0.62–0.69 ms this way.</item>
    /// <item>rows that take the pipelined form (<see cref="PipelinedRowBytes"/> and longer) on AMD designs, where the 256-bit
    /// form measured faster: on Zen 5, 20,000 × 512 float 2.0–2.4 → 1.1–1.5 ms, 80,000 × 128 1.75–2.0 → 1.45–1.6 ms,
    /// 20,000 × 512 double 4.3–4.7 → 2.75–3.3 ms, at 64-byte-aligned rows as well as others; on Zen 4 the AVX2 path had been
    /// level with or faster than the default one at 20,000 × 512. Elsewhere (not measured) the path's width.</item>
    /// </list>
    /// </summary>
    private static Width RowWidth<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool fourVectorRows = typeof(T) == typeof(float) && n == 4 * Vector256<float>.Count && Fma.IsSupported;
        bool pipelinedOnAmd = CpuVendor.IsAmdDesign && (long)n * Unsafe.SizeOf<T>() >= PipelinedRowBytes;
        return fourVectorRows || pipelinedOnAmd ? WidthChoice.NoWiderThan256<T>((nuint)n) : WidthChoice.For<T>((nuint)n);
    }

    private static double Chunk<T, TVector, TWidth, TLoss>(
        ref T x, int stride, int rows, int rowsToEnd, int n, ref T y, ref T w, T b, ref T g, out double errorSum)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        where TLoss : IRowLoss<T>
    {
        if (Sse.IsSupported && n * Unsafe.SizeOf<T>() >= PipelinedRowBytes)
        {
            return ChunkPipelined<T, TVector, TWidth, TLoss>(ref x, stride, rows, rowsToEnd, n, ref y, ref w, b, ref g, out errorSum);
        }

        Span<T> e = stackalloc T[MaxBlockRows];
        int blockRows = BlockRows<T>(n);
        double costSum = 0, sumE = 0;
        int deferred = TLoss.IsSquaredError ? 0 : CostTermBuffer.Capacity;
        var pending = new CostTermBuffer(stackalloc double[deferred], stackalloc double[deferred]);

        // Short rows (up to four vectors): rows go in groups of one 128-bit vector
        // (4 floats or 2 doubles). Each row's products are folded to 128 bits and SSE3 horizontal adds turn the
        // group into one vector of dot products, so the errors, their sum and (squared error) their squares are formed
        // a vector at a time and accumulated in double vectors: at such rows the per-row horizontal sum and scalar
        // bookkeeping, not the loads, set the pace. For longer rows the per-row form measured faster. Rows of exactly
        // four vectors (32 floats at 256 bits, 64 at 512) group too: 56 → 68 % of the read bandwidth at 200,000×32 on
        // the AVX2 path and 62 → 77 % at 100,000×64 on AVX-512, measured together with AccumulateWeighted's row-wise form.
        // Other losses group the dot products the same way; at rows of four vectors they form their errors a group at a
        // time too (TLoss.GroupErrors), so that the weighted rows follow at once, and defer their cost terms to one kernel
        // call over many blocks (CostTermBuffer); at other lengths their scores wait in e for TLoss.BlockErrors.
        bool grouped = Sse3.IsSupported && n <= 4 * (int)TWidth.Count;

        // Grouped rows of exactly four vectors also add each group's weighted rows into four gradient accumulators
        // right after its errors, while the rows are in L1, instead of in a second walk over the block: the reads
        // from memory then never pause for a walk that asks memory for nothing, 70–78 → 82 % of the read bandwidth
        // at 200,000×32 on the AVX2 path. The rows and the operations are those of RowsOfFourVectors, in the same
        // order, so the bits are the same.
        bool fourVectors = grouped && n == 4 * (int)TWidth.Count;

        var accumulators = default(GroupAccumulators<TVector>);
        Vector128<T> bias = Vector128.Create(b);
        for (int start = 0; start < rows; start += blockRows)
        {
            int count = Math.Min(blockRows, rows - start);
            ref T block = ref Unsafe.Add(ref x, (nint)start * stride);
            ref T row = ref block;
            int r = 0;
            if (grouped)
            {
                ref T eBlock = ref MemoryMarshal.GetReference(e);
                ref T yBlock = ref Unsafe.Add(ref y, start);
                if (!TLoss.IsSquaredError && !pending.Fits(count))
                {
                    // Room for the whole block first: a call inside the grouped loops would make the JIT store their
                    // vector accumulators around it in every group.
                    TLoss.FlushCostTerms(ref pending, ref costSum);
                }

                r = fourVectors
                    ? GroupedRows<T, TVector, TWidth, TLoss, FourVectorRows>(ref row, stride, count, n, ref w, ref yBlock, bias, ref eBlock, ref accumulators, ref pending)
                    : GroupedRows<T, TVector, TWidth, TLoss, AnyShortRows>(ref row, stride, count, n, ref w, ref yBlock, bias, ref eBlock, ref accumulators, ref pending);
                row = ref Unsafe.Add(ref block, (nint)r * stride);
            }

            int groupedRows = r;
            for (; r < count; r++)
            {
                e[r] = RowKernels.Dot<T, TVector, TWidth>(in row, in w, n) + b;
                row = ref Unsafe.Add(ref row, stride);
            }

            // The rows whose errors are not formed yet (those after the last whole group; all where rows are too long to
            // group, or where GroupedRows left a loss's scores): their scores become errors in one block, so that a loss
            // with transcendental functions runs them at the vector width.
            int scored = GroupsFormErrors<T, TLoss>(fourVectors) ? groupedRows : 0;
            if (scored < count)
            {
                TLoss.BlockErrors(
                    e.Slice(scored, count - scored),
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref y, start + scored), count - scored),
                    ref pending,
                    ref costSum,
                    ref sumE);
            }

            if (fourVectors)
            {
                // The rows after the last whole group, in order, into the same accumulators; then the block's sums into g.
                ref T rest = ref Unsafe.Add(ref block, (nint)groupedRows * stride);
                for (int q = groupedRows; q < count; q++)
                {
                    RowKernels.AddWeightedRowOfFourVectors<T, TVector, TWidth>(in rest, e[q], ref accumulators.G0, ref accumulators.G1, ref accumulators.G2, ref accumulators.G3);
                    rest = ref Unsafe.Add(ref rest, stride);
                }

                RowKernels.AddFourVectors<T, TVector, TWidth>(ref g, accumulators.G0, accumulators.G1, accumulators.G2, accumulators.G3);
                accumulators.G0 = accumulators.G1 = accumulators.G2 = accumulators.G3 = TWidth.Zero;
            }
            else
            {
                RowKernels.AccumulateWeighted<T, TVector, TWidth>(in block, stride, count, n, e, ref g);
            }
        }

        TLoss.FlushCostTerms(ref pending, ref costSum);
        errorSum = sumE + Vector128.Sum(accumulators.Errors0 + accumulators.Errors1);
        return costSum + Vector128.Sum(accumulators.Cost0 + accumulators.Cost1);
    }

    /// <summary>
    /// The grouped rows of one block (<see cref="Chunk"/>, rows shorter than five vectors): groups of one 128-bit vector
    /// of rows, from the block's first row; returns the rows done (a whole number of groups). Where
    /// <see cref="GroupsFormErrors"/>, each group's errors come from <see cref="IRowLoss{T}.GroupErrors"/>: the squared
    /// error adds their squares to the accumulators, the other losses append the group's scores and labels to
    /// <paramref name="pending"/> (it has room for the block); otherwise the scores are left in the block's buffer for
    /// <see cref="IRowLoss{T}.BlockErrors"/>. A method of its own, specialised by <typeparamref name="TShape"/>, so that
    /// whether rows are exactly four vectors (and add their weighted rows into g right away) is a constant in the loop:
    /// decided at run time inside it, the other row lengths' loops stayed in the same code and the JIT kept the gradient
    /// and cost accumulators in memory, stored and reloaded in every group.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GroupedRows<T, TVector, TWidth, TLoss, TShape>(
        ref T row, int stride, int count, int n, ref T w, ref T y, Vector128<T> bias, ref T eBlock, ref GroupAccumulators<TVector> accumulators,
        ref CostTermBuffer pending)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        where TLoss : IRowLoss<T>
        where TShape : IGroupedRowShape
    {
        bool fourVectors = TShape.FourVectors;
        bool groupErrors = GroupsFormErrors<T, TLoss>(fourVectors);
        if (fourVectors && typeof(T) == typeof(float) && typeof(TVector) == typeof(Vector256<float>) && Fma.IsSupported)
        {
            return FourVectorRowsAvx2<T, TLoss>(
                ref Unsafe.As<T, float>(ref row), stride, count, ref Unsafe.As<T, float>(ref w), ref Unsafe.As<T, float>(ref y), bias.AsSingle(), ref Unsafe.As<T, float>(ref eBlock),
                ref Unsafe.As<GroupAccumulators<TVector>, GroupAccumulators<Vector256<float>>>(ref accumulators), ref pending);
        }

        int group = Vector128<T>.Count;
        ref double pendingScores = ref pending.NextScore;
        ref double pendingLabels = ref pending.NextLabel;
        TVector g0 = accumulators.G0, g1 = accumulators.G1, g2 = accumulators.G2, g3 = accumulators.G3;
        Vector128<double> cost0 = accumulators.Cost0, cost1 = accumulators.Cost1, errors0 = accumulators.Errors0, errors1 = accumulators.Errors1;
        int r = 0;
        nint rowBytes = (nint)n * Unsafe.SizeOf<T>();
        nint strideBytes = (nint)stride * Unsafe.SizeOf<T>();
        nint farBytes = RowsAhead(ShortRowL2PrefetchBytes, strideBytes) * strideBytes;
        for (; r + group <= count; r += group)
        {
            if (fourVectors && rowBytes >= 128 && Sse.IsSupported)
            {
                // Rows of four vectors of 256 or 512 bits read X fast enough for the memory's latency to show (on Zen 5,
                // 100,000 × 64 float at 512 bits: 0.77 → 0.53 ms; 200,000 × 16 double at 256 bits: 0.80 → 0.57 ms): each
                // row of the group the whole rows ShortRowL2PrefetchBytes hold on (RowsAhead), into L2. Shorter rows measured slower with it (200,000 × 16 float at 512 bits, one vector:
                // 0.25 → 0.36 ms; four 128-bit vectors, 64 bytes: 3–7 %), their time being the per-row work.
                unsafe
                {
                    for (int q = 0; q < group; q++)
                    {
                        byte* far = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref row, q * stride)) + farBytes;
                        for (nint line = 0; line < rowBytes; line += 64)
                        {
                            Sse.Prefetch1(far + line);
                        }
                    }
                }
            }

            Vector128<T> z;
            if (typeof(T) == typeof(float))
            {
                Vector128<float> a0 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in row, in w, n, fourVectors)).AsSingle();
                Vector128<float> a1 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in Unsafe.Add(ref row, stride), in w, n, fourVectors)).AsSingle();
                Vector128<float> a2 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in Unsafe.Add(ref row, 2 * stride), in w, n, fourVectors)).AsSingle();
                Vector128<float> a3 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in Unsafe.Add(ref row, 3 * stride), in w, n, fourVectors)).AsSingle();
                z = Sse3.HorizontalAdd(Sse3.HorizontalAdd(a0, a1), Sse3.HorizontalAdd(a2, a3)).As<float, T>();
            }
            else
            {
                Vector128<double> a0 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in row, in w, n, fourVectors)).AsDouble();
                Vector128<double> a1 = TWidth.Fold128(RowDot<T, TVector, TWidth>(in Unsafe.Add(ref row, stride), in w, n, fourVectors)).AsDouble();
                z = Sse3.HorizontalAdd(a0, a1).As<double, T>();
            }

            Vector128<T> scores = z + bias;
            if (!groupErrors)
            {
                scores.StoreUnsafe(ref eBlock, (nuint)r);
                row = ref Unsafe.Add(ref row, group * stride);
                continue;
            }

            Vector128<T> labels = Vector128.LoadUnsafe(ref y, (nuint)r);
            Vector128<T> error = TLoss.GroupErrors(scores, labels);
            error.StoreUnsafe(ref eBlock, (nuint)r);
            if (fourVectors)
            {
                ref T weighted = ref row;
                for (int q = 0; q < group; q++)
                {
                    RowKernels.AddWeightedRowOfFourVectors<T, TVector, TWidth>(in weighted, Unsafe.Add(ref eBlock, r + q), ref g0, ref g1, ref g2, ref g3);
                    weighted = ref Unsafe.Add(ref weighted, stride);
                }
            }

            if (typeof(T) == typeof(float))
            {
                (Vector128<double> low, Vector128<double> high) = Vector128.Widen(error.AsSingle());
                if (TLoss.IsSquaredError)
                {
                    cost0 = Width128<double>.MultiplyAdd(low, low, cost0);
                    cost1 = Width128<double>.MultiplyAdd(high, high, cost1);
                }

                errors0 += low;
                errors1 += high;
            }
            else
            {
                Vector128<double> d = error.AsDouble();
                if (TLoss.IsSquaredError)
                {
                    cost0 = Width128<double>.MultiplyAdd(d, d, cost0);
                }

                errors0 += d;
            }

            if (!TLoss.IsSquaredError)
            {
                CostTermBuffer.StoreGroup(ref pendingScores, ref pendingLabels, r, scores, labels);
            }

            row = ref Unsafe.Add(ref row, group * stride);
        }

        accumulators.G0 = g0;
        accumulators.G1 = g1;
        accumulators.G2 = g2;
        accumulators.G3 = g3;
        accumulators.Cost0 = cost0;
        accumulators.Cost1 = cost1;
        accumulators.Errors0 = errors0;
        accumulators.Errors1 = errors1;
        if (!TLoss.IsSquaredError && groupErrors)
        {
            pending.Advance(r);
        }

        return r;
    }

    /// <summary>
    /// <see cref="GroupedRows"/> for float rows of exactly four 256-bit vectors (32 floats) with FMA, in a form the JIT keeps
    /// in registers: w's four vectors held for the block, the four rows' eight lanes summed by two levels of 256-bit
    /// horizontal adds (pairs within each 128-bit half) and one add of the halves, and the double sums of a group's four
    /// errors (and, for the squared error, their squares) in one 256-bit vector each (lanes 0–1 and 2–3 are the two 128-bit
    /// sums of the general loop, so those sums keep their bits, as do the weighted rows added into g). The one difference
    /// from the general loop is the order in which a row's eight lanes are added (it folds lane i with lane i + 4 first), so
    /// a score can differ from it in the last bit; it is fixed by the row and the width, so results stay bit-identical for
    /// any thread count. The row steps are the general loop's (<see cref="RowKernels.DotLanesOfFourVectors"/>,
    /// <see cref="RowKernels.AddWeightedRowOfFourVectors"/>); in the general loop's shape (each row folded to 128 bits, w
    /// passed per row) the JIT spilled and reloaded w, the rows and the accumulators in every group: at 200,000 × 32 on
    /// Zen 3 a row took 8 ns with X in the caches, and 3.4–4.1 ns in this form. The rows are prefetched
    /// <see cref="ShortRowPrefetchBytes"/> ahead into L1 and <see cref="ShortRowL2PrefetchBytes"/> ahead into L2, in whole
    /// rows (<see cref="RowsAhead"/>). <typeparamref name="T"/> is float; it is generic only to carry the loss.
    /// </summary>
    private static int FourVectorRowsAvx2<T, TLoss>(
        ref float row, int stride, int count, ref float w, ref float y, Vector128<float> bias, ref float eBlock, ref GroupAccumulators<Vector256<float>> accumulators,
        ref CostTermBuffer pending)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        Vector256<float> w0 = Vector256.LoadUnsafe(ref w), w1 = Vector256.LoadUnsafe(ref w, 8);
        Vector256<float> w2 = Vector256.LoadUnsafe(ref w, 16), w3 = Vector256.LoadUnsafe(ref w, 24);
        Vector256<float> g0 = accumulators.G0, g1 = accumulators.G1, g2 = accumulators.G2, g3 = accumulators.G3;
        Vector256<double> cost = Vector256.Create(accumulators.Cost0, accumulators.Cost1);
        Vector256<double> errors = Vector256.Create(accumulators.Errors0, accumulators.Errors1);
        ref double pendingScores = ref pending.NextScore;
        ref double pendingLabels = ref pending.NextLabel;
        nint step = stride;
        nint strideBytes = step * sizeof(float);
        nint aheadBytes = RowsAhead(ShortRowPrefetchBytes, strideBytes) * strideBytes;
        nint farBytes = RowsAhead(ShortRowL2PrefetchBytes, strideBytes) * strideBytes;
        int r = 0;
        for (; r + 4 <= count; r += 4)
        {
            // The group's four rows as many rows on as ShortRowPrefetchBytes (into L1) and ShortRowL2PrefetchBytes (into L2)
            // hold, two lines each: for dense rows the same bytes as the range that distance ahead, for a view whose rows
            // lie apart its rows and not the gaps (X is pinned by Run; a prefetch never faults).
            unsafe
            {
                for (int q = 0; q < 4; q++)
                {
                    byte* start = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref row, q * step));
                    Sse.Prefetch0(start + aheadBytes);
                    Sse.Prefetch0(start + aheadBytes + 64);
                    Sse.Prefetch1(start + farBytes);
                    Sse.Prefetch1(start + farBytes + 64);
                }
            }

            ref float row1 = ref Unsafe.Add(ref row, step);
            ref float row2 = ref Unsafe.Add(ref row, 2 * step);
            ref float row3 = ref Unsafe.Add(ref row, 3 * step);
            Vector256<float> h01 = Avx.HorizontalAdd(
                RowKernels.DotLanesOfFourVectors<float, Vector256<float>, Width256<float>>(in row, w0, w1, w2, w3),
                RowKernels.DotLanesOfFourVectors<float, Vector256<float>, Width256<float>>(in row1, w0, w1, w2, w3));
            Vector256<float> h23 = Avx.HorizontalAdd(
                RowKernels.DotLanesOfFourVectors<float, Vector256<float>, Width256<float>>(in row2, w0, w1, w2, w3),
                RowKernels.DotLanesOfFourVectors<float, Vector256<float>, Width256<float>>(in row3, w0, w1, w2, w3));
            Vector256<float> h = Avx.HorizontalAdd(h01, h23);
            Vector128<float> scores = (h.GetLower() + h.GetUpper()) + bias;
            Vector128<float> labels = Vector128.LoadUnsafe(ref y, (nuint)r);
            Vector128<float> error = TLoss.GroupErrors(scores.As<float, T>(), labels.As<float, T>()).AsSingle();
            error.StoreUnsafe(ref eBlock, (nuint)r);
            RowKernels.AddWeightedRowOfFourVectors<float, Vector256<float>, Width256<float>>(in row, error.ToScalar(), ref g0, ref g1, ref g2, ref g3);
            RowKernels.AddWeightedRowOfFourVectors<float, Vector256<float>, Width256<float>>(in row1, error.GetElement(1), ref g0, ref g1, ref g2, ref g3);
            RowKernels.AddWeightedRowOfFourVectors<float, Vector256<float>, Width256<float>>(in row2, error.GetElement(2), ref g0, ref g1, ref g2, ref g3);
            RowKernels.AddWeightedRowOfFourVectors<float, Vector256<float>, Width256<float>>(in row3, error.GetElement(3), ref g0, ref g1, ref g2, ref g3);
            Vector256<double> d = Avx.ConvertToVector256Double(error);
            if (TLoss.IsSquaredError)
            {
                cost = Width256<double>.MultiplyAdd(d, d, cost);
            }
            else
            {
                CostTermBuffer.StoreGroup(ref pendingScores, ref pendingLabels, r, scores.As<float, T>(), labels.As<float, T>());
            }

            errors += d;
            row = ref Unsafe.Add(ref row, 4 * step);
        }

        accumulators.G0 = g0;
        accumulators.G1 = g1;
        accumulators.G2 = g2;
        accumulators.G3 = g3;
        accumulators.Cost0 = cost.GetLower();
        accumulators.Cost1 = cost.GetUpper();
        accumulators.Errors0 = errors.GetLower();
        accumulators.Errors1 = errors.GetUpper();
        if (!TLoss.IsSquaredError)
        {
            pending.Advance(r);
        }

        return r;
    }

    /// <summary>
    /// <see cref="Chunk"/> for rows of at least <see cref="PipelinedRowBytes"/> bytes on x86, software-pipelined by blocks:
    /// each group of four rows of a block takes its dot products in the same column walk that adds the same four rows of
    /// the block before, whose errors are known by then, into g (<see cref="RowKernels.DotFourRows"/>). The reads from
    /// memory (the new block) are spread over the whole walk instead of stopping while a block is re-read from L1, and four
    /// rows share each load of w. Two blocks and their errors are in L1 at a time; blocks are whole groups of four rows.
    /// </summary>
    private static unsafe double ChunkPipelined<T, TVector, TWidth, TLoss>(
        ref T x, int stride, int rows, int rowsToEnd, int n, ref T y, ref T w, T b, ref T g, out double errorSum)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        where TLoss : IRowLoss<T>
    {
        Span<T> current = stackalloc T[MaxBlockRows];
        Span<T> previous = stackalloc T[MaxBlockRows];
        int blockRows = BlockRows<T>(n) / 4 * 4; // BlockRows is at least 4
        double costSum = 0, sumE = 0;
        int deferred = TLoss.IsSquaredError ? 0 : CostTermBuffer.Capacity;
        var pending = new CostTermBuffer(stackalloc double[deferred], stackalloc double[deferred]);

        // The hardware prefetchers do not keep up with four rows read side by side (at 20,000×512 float on Zen 4 the step
        // took 4.1 ms without this, against 2.8 ms for the per-row form and 1.7 ms with it): each group asks for the
        // same columns of the four rows aheadRows further on, at least PrefetchDistance bytes ahead, into L2, a line of
        // each row as the walk reaches it. Row by row rather than as one range of bytes, so that a view whose rows lie far
        // apart asks for its rows and not for the gaps. Bounded by the matrix, not the chunk, so the next chunk's first
        // rows arrive in time too.
        nint strideBytes = (nint)stride * Unsafe.SizeOf<T>();
        int aheadRows = RowsAhead(PrefetchDistance, strideBytes);
        int lastAhead = rowsToEnd - aheadRows - 4;

        ref T previousBlock = ref x;
        int previousCount = 0;
        for (int start = 0; start < rows; start += blockRows)
        {
            int count = Math.Min(blockRows, rows - start);
            ref T block = ref Unsafe.Add(ref x, (nint)start * stride);
            ref T scores = ref MemoryMarshal.GetReference(current);
            ref T errors = ref MemoryMarshal.GetReference(previous);
            int r = 0;
            for (; r + 4 <= count; r += 4)
            {
                ref T row = ref Unsafe.Add(ref block, (nint)r * stride);
                byte* ahead = start + r <= lastAhead ? (byte*)Unsafe.AsPointer(ref row) + (aheadRows * strideBytes) : null;

                TVector d0, d1, d2, d3;
                if (r + 4 <= previousCount)
                {
                    RowKernels.DotFourRows<T, TVector, TWidth>(
                        in row, stride, in w, n, true, in Unsafe.Add(ref previousBlock, (nint)r * stride),
                        Unsafe.Add(ref errors, r), Unsafe.Add(ref errors, r + 1), Unsafe.Add(ref errors, r + 2), Unsafe.Add(ref errors, r + 3),
                        ref g, out d0, out d1, out d2, out d3, ahead, strideBytes);
                }
                else
                {
                    RowKernels.DotFourRows<T, TVector, TWidth>(
                        in row, stride, in w, n, false, in row, T.Zero, T.Zero, T.Zero, T.Zero, ref g, out d0, out d1, out d2, out d3, ahead, strideBytes);
                }

                Unsafe.Add(ref scores, r) = TWidth.Sum(d0) + b;
                Unsafe.Add(ref scores, r + 1) = TWidth.Sum(d1) + b;
                Unsafe.Add(ref scores, r + 2) = TWidth.Sum(d2) + b;
                Unsafe.Add(ref scores, r + 3) = TWidth.Sum(d3) + b;
            }

            // The last block of a chunk may end in fewer than four rows.
            for (; r < count; r++)
            {
                Unsafe.Add(ref scores, r) = RowKernels.Dot<T, TVector, TWidth>(in Unsafe.Add(ref block, (nint)r * stride), in w, n) + b;
            }

            // The rows of the block before that no group of this one took (when this block is the shorter last one).
            int paired = previousCount == 0 ? 0 : Math.Min(previousCount, count / 4 * 4);
            if (paired < previousCount)
            {
                RowKernels.AccumulateWeighted<T, TVector, TWidth>(
                    in Unsafe.Add(ref previousBlock, (nint)paired * stride), stride, previousCount - paired, n, previous[paired..previousCount], ref g);
            }

            TLoss.BlockErrors(
                current[..count], MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref y, start), count), ref pending, ref costSum, ref sumE);
            Span<T> swap = current;
            current = previous;
            previous = swap;
            previousBlock = ref block;
            previousCount = count;
        }

        if (previousCount > 0)
        {
            RowKernels.AccumulateWeighted<T, TVector, TWidth>(in previousBlock, stride, previousCount, n, previous[..previousCount], ref g);
        }

        TLoss.FlushCostTerms(ref pending, ref costSum);
        errorSum = sumE;
        return costSum;
    }

    /// <summary>
    /// A grouped row's dot-product lanes: for rows of exactly four vectors one multiply and three multiply-adds, with w's
    /// four loads the same for every row of a group (nothing is stored between them, so they are read once per group;
    /// held in registers for the whole chunk instead, they cost the other row lengths four registers), else the general form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RowDot<T, TVector, TWidth>(ref readonly T row, ref readonly T w, int n, bool fourVectors)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TWidth : IVectorWidth<TVector, T>
        => fourVectors
            ? RowKernels.DotLanesOfFourVectors<T, TVector, TWidth>(
                in row, TWidth.Load(in w, 0), TWidth.Load(in w, TWidth.Count), TWidth.Load(in w, 2 * TWidth.Count), TWidth.Load(in w, 3 * TWidth.Count))
            : RowKernels.DotLanes<T, TVector, TWidth>(in row, in w, n);

    private static double ChunkScalar<T, TLoss>(
        ref T x, int stride, int rows, int n, ref T y, ref T w, T b, ref T g, out double errorSum)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : IRowLoss<T>
    {
        Span<T> e = stackalloc T[MaxBlockRows];
        int blockRows = BlockRows<T>(n);
        double costSum = 0, sumE = 0;
        for (int start = 0; start < rows; start += blockRows)
        {
            int count = Math.Min(blockRows, rows - start);
            ref T block = ref Unsafe.Add(ref x, (nint)start * stride);
            ref T row = ref block;
            for (int r = 0; r < count; r++)
            {
                T z = RowKernels.DotScalar(in row, in w, n) + b;
                T error = TLoss.Error(z, Unsafe.Add(ref y, start + r), out double term);
                e[r] = error;
                costSum += term;
                sumE += double.CreateTruncating(error);
                row = ref Unsafe.Add(ref row, stride);
            }

            RowKernels.AccumulateWeightedScalar(in block, stride, count, n, e, ref g);
        }

        errorSum = sumE;
        return costSum;
    }
}
