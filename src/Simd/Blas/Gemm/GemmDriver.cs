using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Simd.MatrixMultiply;

/// <summary>
/// The blocked GEMM loop nest around one micro-kernel:
/// <c>for jc (NC columns) → for pc (KC of the sum) → pack B block → for ic (MC rows) → pack A → for jr (NR) → for ir (MR) → kernel</c>.
/// With several threads the B block is packed cooperatively and the C block is split into disjoint row
/// (or, for short wide problems, column) ranges of whole tiles. Every element of C is always
/// computed by the same kernel with the same k-blocks in the same order, whoever computes it, so the
/// result is bit-identical for any thread count.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel.</typeparam>
internal static unsafe class GemmDriver<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    /// <summary>Work items per thread when a product is split: several, handed out on demand (see <see cref="Block"/>).</summary>
    private const int ItemsPerThread = 4;

    public static void Run(GemmOperands<T> o, int threads)
    {
        if (ReadsBInPlace(o))
        {
            RunInPlace(o, threads);
            return;
        }

        int mr = TKernel.MR, nr = TKernel.NR;
        int kcMax = int.Min(GemmBlocking<T, TKernel>.KC, o.K);
        int ncMax = int.Min(GemmBlocking<T, TKernel>.NC, RoundUp(o.N, nr));
        int mcMax = int.Min(GemmBlocking<T, TKernel>.MC, RoundUp(o.M, mr));
        nuint align = 64;
        T* packedB = (T*)NativeMemory.AlignedAlloc((nuint)kcMax * (nuint)RoundUp(ncMax, nr) * (nuint)sizeof(T), align);
        nint aBytes = (nint)kcMax * RoundUp(mcMax, mr) * sizeof(T);
        T* packedA = threads == 1 ? (T*)NativeMemory.AlignedAlloc((nuint)aBytes, align) : null;
        try
        {
            for (int jc = 0; jc < o.N; jc += ncMax)
            {
                int nc = int.Min(ncMax, o.N - jc);
                for (int pc = 0; pc < o.K; pc += kcMax)
                {
                    int kc = int.Min(kcMax, o.K - pc);
                    T beta = pc == 0 ? o.Beta : T.One;
                    if (threads == 1)
                    {
                        ComputeBlockPackingB(o, jc, nc, pc, kc, beta, packedA, packedB);
                        continue;
                    }

                    new Block(o, jc, nc, pc, kc, beta, aBytes, (nint)packedB, threads).Run();
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(packedA);
            NativeMemory.AlignedFree(packedB);
        }
    }

    /// <summary>
    /// One thread's (jc, pc) block: the B block is packed a few panels at a time, each chunk multiplied by the first
    /// A block right away while it is in L1/L2, and the later A blocks reuse the packed block. Packing the whole block
    /// first would read B from memory and then the packed block back from the last-level cache, one after the other;
    /// for a product with few rows (little reuse of B) that second pass was a third of the time.
    /// </summary>
    private static void ComputeBlockPackingB(in GemmOperands<T> o, int jc, int nc, int pc, int kc, T beta, T* packedA, T* packedB)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int mc = int.Min(GemmBlocking<T, TKernel>.MC, o.M);
        int panels = (nc + nr - 1) / nr;
        GemmPacking.PackA(o, 0, mc, pc, kc, mr, packedA);

        // Chunks of about 512 bytes of each row of B: eight 64-byte lines side by side per row of the block.
        int chunk = int.Max(1, 512 / (nr * sizeof(T)));
        for (int first = 0; first < panels; first += chunk)
        {
            int end = int.Min(panels, first + chunk);
            GemmPacking.PackB(o, pc, kc, jc, nc, nr, packedB, first, 1, end);
            Tiles(o, 0, mc, jc, first * nr, int.Min(nc, end * nr), nc, pc, kc, beta, packedA, packedB, bInPlace: false);
        }

        if (mc < o.M)
        {
            ComputeBlock(o, mc, o.M, jc, nc, pc, kc, beta, packedA, packedB);
        }
    }

    /// <summary>
    /// A product with few rows (<see cref="ReadsBInPlace"/>): the kernel reads B's rows where they are, k-blocks of
    /// <see cref="GemmBlocking{T, TKernel}.KCInPlace"/>; with several threads each takes whole column panels, so
    /// every element of C sees the same k-blocks in the same order for any thread count, and no thread waits for another.
    /// </summary>
    private static void RunInPlace(GemmOperands<T> o, int threads)
    {
        int panels = (o.N + TKernel.NR - 1) / TKernel.NR;
        int items = threads == 1 ? 1 : int.Min(panels, threads * ItemsPerThread);
        if (items == 1)
        {
            InPlaceColumns(o, 0, o.N);
            return;
        }

        InPlaceColumnsInParallel(o, panels, items, threads);
    }

    /// <summary>
    /// The parallel part of <see cref="RunInPlace"/>, in a method of its own: the lambda's captures are allocated where
    /// the method starts, and one call on the calling thread must allocate nothing.
    /// </summary>
    private static void InPlaceColumnsInParallel(GemmOperands<T> o, int panels, int items, int threads)
        => Parallel.For(
            0,
            items,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            item => InPlaceColumns(o, (int)((long)panels * item / items) * TKernel.NR, int.Min(o.N, (int)((long)panels * (item + 1) / items) * TKernel.NR)));

    /// <summary>Columns [<paramref name="j0"/>, <paramref name="j1"/>) of C for a product that reads B in place.</summary>
    private static void InPlaceColumns(in GemmOperands<T> o, int j0, int j1)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int kcMax = int.Min(GemmBlocking<T, TKernel>.KCInPlace, o.K);
        int nc = j1 - j0;
        int panels = (nc + nr - 1) / nr;
        nuint align = 64;

        // Only a partial last panel is packed; the buffer has the block's panel layout so Tiles finds it.
        T* packedB = nc % nr != 0 ? (T*)NativeMemory.AlignedAlloc((nuint)kcMax * (nuint)(panels * nr) * (nuint)sizeof(T), align) : null;
        T* packedA = (T*)NativeMemory.AlignedAlloc((nuint)kcMax * (nuint)RoundUp(o.M, mr) * (nuint)sizeof(T), align);
        try
        {
            for (int pc = 0; pc < o.K; pc += kcMax)
            {
                int kc = int.Min(kcMax, o.K - pc);
                T beta = pc == 0 ? o.Beta : T.One;
                GemmPacking.PackA(o, 0, o.M, pc, kc, mr, packedA);
                if (packedB != null)
                {
                    GemmPacking.PackB(o, pc, kc, j0, nc, nr, packedB, panels - 1, 1, panels);
                }

                Tiles(o, 0, o.M, j0, 0, nc, nc, pc, kc, beta, packedA, packedB, bInPlace: true);
            }
        }
        finally
        {
            NativeMemory.AlignedFree(packedA);
            NativeMemory.AlignedFree(packedB);
        }
    }

    /// <summary>
    /// Multiplies rows [<paramref name="i0"/>, <paramref name="i1"/>) of op(A)'s k-block by the packed B block
    /// (columns jc … jc+nc) into C.
    /// </summary>
    private static void ComputeBlock(in GemmOperands<T> o, int i0, int i1, int jc, int nc, int pc, int kc, T beta, T* packedA, T* packedB)
        => ComputeBlock(o, i0, i1, jc, 0, nc, nc, pc, kc, beta, packedA, packedB);

    private static void ComputeBlock(in GemmOperands<T> o, int i0, int i1, int jc, int j0, int j1, int nc, int pc, int kc, T beta, T* packedA, T* packedB)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int mcMax = GemmBlocking<T, TKernel>.MC;
        for (int ic = i0; ic < i1; ic += mcMax)
        {
            int mc = int.Min(mcMax, i1 - ic);
            GemmPacking.PackA(o, ic, mc, pc, kc, mr, packedA);
            Tiles(o, ic, mc, jc, j0, j1, nc, pc, kc, beta, packedA, packedB, bInPlace: false);
        }
    }

    /// <summary>
    /// The micro-kernel over rows ic … ic+mc (packed in <paramref name="packedA"/>) and the B panels covering
    /// columns j0 … j1 of the block: packed ones, or with <paramref name="bInPlace"/> B's own rows for every full
    /// panel (only the partial last panel is packed).
    /// </summary>
    private static void Tiles(in GemmOperands<T> o, int ic, int mc, int jc, int j0, int j1, int nc, int pc, int kc, T beta, T* packedA, T* packedB, bool bInPlace)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        if (kc <= GemmBlocking<T, TKernel>.ShortKC)
        {
            // A short k-block: each tile's work is little more than loading and storing its part of C, so the order
            // is chosen for C. Row tiles outside: C is written a few rows at a time from left to right, streams the
            // prefetchers follow, where columns of tiles outside would touch a new page in every row of C (at
            // 4096 × 4096 × 16 float, a cache-line fill for every 64 bytes stored, one row of C apart). The packed B
            // block (kc × nc) is small enough at this kc to stay in L2 for all the row tiles.
            for (int ir = 0; ir < mc; ir += mr)
            {
                for (int jr = j0; jr < j1; jr += nr)
                {
                    Tile(o, ic, mc, jc, nc, pc, kc, beta, packedA, packedB, bInPlace, ir, jr);
                }
            }

            return;
        }

        // B micro-panel outside, A micro-panels inside: the B panel stays in L1 while the A block streams
        // from L2 (see GemmBlocking).
        for (int jr = j0; jr < j1; jr += nr)
        {
            for (int ir = 0; ir < mc; ir += mr)
            {
                Tile(o, ic, mc, jc, nc, pc, kc, beta, packedA, packedB, bInPlace, ir, jr);
            }
        }
    }

    /// <summary>The tile of rows ic + ir … and columns jc + jr … of C: the micro-kernel, or <see cref="EdgeTile"/> where it is partial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(in GemmOperands<T> o, int ic, int mc, int jc, int nc, int pc, int kc, T beta, T* packedA, T* packedB, bool bInPlace, int ir, int jr)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int cols = int.Min(nr, nc - jr);
        T* bPanel = packedB + ((nint)jr * kc);
        nint ldb = nr;
        if (bInPlace && cols == nr)
        {
            bPanel = o.B + ((nint)pc * o.Ldb) + jc + jr;
            ldb = o.Ldb;
        }

        int rows = int.Min(mr, mc - ir);
        T* aPanel = packedA + ((nint)ir * kc);
        T* c = o.C + ((ic + ir) * o.Ldc) + jc + jr;
        if (rows == mr && cols == nr)
        {
            TKernel.Run(kc, aPanel, bPanel, ldb, c, o.Ldc, o.Alpha, beta);
        }
        else
        {
            EdgeTile(kc, aPanel, bPanel, ldb, c, o.Ldc, rows, cols, o.Alpha, beta);
        }
    }

    /// <summary>A partial tile: the same kernel on a full-size scratch tile, then only the valid part is written back.</summary>
    [SkipLocalsInit]
    private static void EdgeTile(int kc, T* aPanel, T* bPanel, nint ldb, T* c, nint ldc, int rows, int cols, T alpha, T beta)
    {
        int nr = TKernel.NR;
        T* tile = stackalloc T[TKernel.MR * nr];
        if (beta != T.Zero)
        {
            for (int i = 0; i < rows; i++)
            {
                new ReadOnlySpan<T>(c + (i * ldc), cols).CopyTo(new Span<T>(tile + (i * nr), cols));
            }
        }

        TKernel.Run(kc, aPanel, bPanel, ldb, tile, nr, alpha, beta);
        for (int i = 0; i < rows; i++)
        {
            new ReadOnlySpan<T>(tile + (i * nr), cols).CopyTo(new Span<T>(c + (i * ldc), cols));
        }
    }

    /// <summary>
    /// Whether the kernel reads B's rows where they are instead of packing them: when op(B) is B itself (each panel
    /// row contiguous) and op(A) has at most four row tiles, so each B panel is used at most four times and packing it
    /// (a copy of all of B) would not pay for itself: at 16 × 4096 × 4096 packing was most of the time. With more row
    /// tiles the packed panel wins: a panel read in place has its rows a row of B apart, which for a power-of-two row
    /// length all fall in one L1 set and cannot stay in L1 across the row tiles (see <see cref="GemmBlocking{T, TKernel}.KCInPlace"/>
    /// for what keeps them in L2).
    /// </summary>
    private static bool ReadsBInPlace(in GemmOperands<T> o) => !o.TransposeB && o.M <= 4 * TKernel.MR;

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>
    /// One (jc, pc) block shared by the threads: B panels are packed one work item each; C is cut into work items of
    /// whole row tiles (or, for short wide products, whole column panels), several per thread and handed out on demand,
    /// so a thread that loses its core for a while on a busy machine does not hold the others up. Each worker packs A
    /// into its own buffer.
    /// </summary>
    private sealed class Block(GemmOperands<T> o, int jc, int nc, int pc, int kc, T beta, nint aBytes, nint packedB, int threads)
    {
        public void Run()
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            int panels = (nc + TKernel.NR - 1) / TKernel.NR;
            Parallel.For(0, panels, options, panel => GemmPacking.PackB(o, pc, kc, jc, nc, TKernel.NR, (T*)packedB, panel, panels));

            int rowTiles = (o.M + TKernel.MR - 1) / TKernel.MR;
            bool byRows = rowTiles >= 2 * threads;
            int tiles = byRows ? rowTiles : panels;
            int items = int.Min(tiles, threads * ItemsPerThread);
            Parallel.For(
                0,
                items,
                options,
                () => (nint)NativeMemory.AlignedAlloc((nuint)aBytes, 64),
                (item, _, buffer) =>
                {
                    int first = (int)((long)tiles * item / items), last = (int)((long)tiles * (item + 1) / items);
                    if (byRows)
                    {
                        ComputeBlock(o, first * TKernel.MR, int.Min(o.M, last * TKernel.MR), jc, 0, nc, nc, pc, kc, beta, (T*)buffer, (T*)packedB);
                    }
                    else
                    {
                        ComputeBlock(o, 0, o.M, jc, first * TKernel.NR, int.Min(nc, last * TKernel.NR), nc, pc, kc, beta, (T*)buffer, (T*)packedB);
                    }

                    return buffer;
                },
                buffer => NativeMemory.AlignedFree((void*)buffer));
        }
    }
}
