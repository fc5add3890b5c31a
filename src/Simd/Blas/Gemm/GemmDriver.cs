using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Simd.MatrixMultiply;

/// <summary>
/// The blocked GEMM loop nest around one micro-kernel:
/// <c>for jc (NC columns) → for pc (KC of the sum) → pack B block → for ic (MC rows) → pack A → for ir (MR) → for jr (NR) → kernel</c>.
/// With several threads the B block is packed cooperatively and the C block is split into disjoint row
/// (or, for short wide problems, column) ranges aligned to whole tiles. Every element of C is always
/// computed by the same kernel with the same k-blocks in the same order, whoever computes it, so the
/// result is bit-identical for any thread count.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TKernel">The micro-kernel.</typeparam>
internal static unsafe class GemmDriver<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IMicroKernel<T>
{
    public static void Run(GemmOperands<T> o, int threads)
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int kcMax = int.Min(GemmBlocking<T, TKernel>.KC, o.K);
        int ncMax = int.Min(GemmBlocking<T, TKernel>.NC, RoundUp(o.N, nr));
        int mcMax = int.Min(GemmBlocking<T, TKernel>.MC, RoundUp(o.M, mr));
        nuint align = 64;
        T* packedB = (T*)NativeMemory.AlignedAlloc((nuint)kcMax * (nuint)RoundUp(ncMax, nr) * (nuint)sizeof(T), align);
        nint aBytes = (nint)kcMax * RoundUp(mcMax, mr) * sizeof(T);
        T* packedA = (T*)NativeMemory.AlignedAlloc((nuint)(aBytes * threads), align);
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
                        GemmPacking.PackB(o, pc, kc, jc, nc, nr, packedB, 0, 1);
                        ComputeBlock(o, 0, o.M, jc, nc, pc, kc, beta, packedA, packedB);
                        continue;
                    }

                    var block = new Block(o, jc, nc, pc, kc, beta, (nint)packedA, aBytes, (nint)packedB, threads);
                    var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
                    Parallel.For(0, threads, options, block.Pack);
                    Parallel.For(0, threads, options, block.Compute);
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
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = int.Min(mr, mc - ir);
                T* aPanel = packedA + ((nint)ir * kc);
                T* cRow = o.C + ((ic + ir) * o.Ldc) + jc;
                for (int jr = j0; jr < j1; jr += nr)
                {
                    int cols = int.Min(nr, nc - jr);
                    T* bPanel = packedB + ((nint)jr * kc);
                    if (rows == mr && cols == nr)
                    {
                        TKernel.Run(kc, aPanel, bPanel, cRow + jr, o.Ldc, o.Alpha, beta);
                    }
                    else
                    {
                        EdgeTile(kc, aPanel, bPanel, cRow + jr, o.Ldc, rows, cols, o.Alpha, beta);
                    }
                }
            }
        }
    }

    /// <summary>A partial tile: the same kernel on a full-size scratch tile, then only the valid part is written back.</summary>
    [SkipLocalsInit]
    private static void EdgeTile(int kc, T* aPanel, T* bPanel, T* c, nint ldc, int rows, int cols, T alpha, T beta)
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

        TKernel.Run(kc, aPanel, bPanel, tile, nr, alpha, beta);
        for (int i = 0; i < rows; i++)
        {
            new ReadOnlySpan<T>(tile + (i * nr), cols).CopyTo(new Span<T>(c + (i * ldc), cols));
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>One (jc, pc) block shared by the threads: who packs which B panels and who computes which part of C.</summary>
    private sealed class Block(GemmOperands<T> o, int jc, int nc, int pc, int kc, T beta, nint packedA, nint aBytes, nint packedB, int threads)
    {
        public void Pack(int t) => GemmPacking.PackB(o, pc, kc, jc, nc, TKernel.NR, (T*)packedB, t, threads);

        public void Compute(int t)
        {
            T* a = (T*)(packedA + (t * aBytes));
            int mr = TKernel.MR, nr = TKernel.NR;
            int rowTiles = (o.M + mr - 1) / mr;
            if (rowTiles >= 2 * threads)
            {
                // Enough rows: thread t takes a contiguous run of whole row tiles.
                (int first, int count) = Share(rowTiles, t, threads);
                int i0 = first * mr, i1 = int.Min(o.M, (first + count) * mr);
                ComputeBlock(o, i0, i1, jc, 0, nc, nc, pc, kc, beta, a, (T*)packedB);
            }
            else
            {
                // Short and wide: thread t takes a contiguous run of whole column panels.
                int colTiles = (nc + nr - 1) / nr;
                (int first, int count) = Share(colTiles, t, threads);
                int j0 = first * nr, j1 = int.Min(nc, (first + count) * nr);
                if (j0 < j1)
                {
                    ComputeBlock(o, 0, o.M, jc, j0, j1, nc, pc, kc, beta, a, (T*)packedB);
                }
            }
        }

        private static (int First, int Count) Share(int items, int t, int threads)
        {
            int baseCount = items / threads, extra = items % threads;
            int first = (t * baseCount) + int.Min(t, extra);
            return (first, baseCount + (t < extra ? 1 : 0));
        }
    }
}
