using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous panel layouts the micro-kernels stream through,
/// padding partial panels with zeros so the kernels never branch on the edge. A padded row or column
/// only ever meets zeros and lands in the part of a tile that is not written back.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs rows <paramref name="i0"/> … +<paramref name="mc"/> and columns <paramref name="p0"/> … +<paramref name="kc"/>
    /// of op(A) into ⌈mc/mr⌉ panels of <c>mr × kc</c>, each stored p-major (element (i, p) at <c>p·mr + i</c>).
    /// </summary>
    public static void PackA<T>(in GemmOperands<T> o, int i0, int mc, int p0, int kc, int mr, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = int.Min(mr, mc - ir);
            if (o.TransposeA)
            {
                // op(A)(i, p) = A[p, i]: for each p the panel's mr values are contiguous in A's row p.
                for (int p = 0; p < kc; p++)
                {
                    T* src = o.A + ((p0 + p) * o.Lda) + i0 + ir;
                    T* d = dst + (p * mr);
                    int i = 0;
                    for (; i < rows; i++)
                    {
                        d[i] = src[i];
                    }

                    for (; i < mr; i++)
                    {
                        d[i] = T.Zero;
                    }
                }
            }
            else if (rows == 6 && mr == 6)
            {
                // A full six-row panel (every vector kernel's MR): the six rows are read side by side, so the
                // panel is written in order and the six read streams advance together, which the hardware
                // prefetchers follow; one row at a time left each 1 KiB row segment to a cold start.
                T* r0 = o.A + ((i0 + ir) * o.Lda) + p0;
                T* r1 = r0 + o.Lda, r2 = r1 + o.Lda, r3 = r2 + o.Lda, r4 = r3 + o.Lda, r5 = r4 + o.Lda;
                PrefetchRows(r0 + (PanelsAhead * 6 * o.Lda), int.Min(6, mc - ir - (PanelsAhead * 6)), o.Lda, kc);
                T* d = dst;
                for (int p = 0; p < kc; p++)
                {
                    d[0] = r0[p];
                    d[1] = r1[p];
                    d[2] = r2[p];
                    d[3] = r3[p];
                    d[4] = r4[p];
                    d[5] = r5[p];
                    d += 6;
                }
            }
            else
            {
                // op(A)(i, p) = A[i, p]: read each of the panel's rows contiguously and scatter with stride mr.
                for (int i = 0; i < mr; i++)
                {
                    T* d = dst + i;
                    if (i < rows)
                    {
                        T* src = o.A + ((i0 + ir + i) * o.Lda) + p0;
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * mr] = src[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * mr] = T.Zero;
                        }
                    }
                }
            }

            dst += mr * kc;
        }
    }

    /// <summary>
    /// How many six-row panels ahead <see cref="PackA"/> asks for the rows it will copy next. Each row segment it copies
    /// is one k-block long (1 KiB of floats) and the next row's lies a row of A further on, so the hardware prefetchers
    /// see only short runs and the copy waits on memory: at 4096 × 16 × 4096 (a product that is nearly all packing of
    /// A) the prefetch two panels ahead took the product from 0.66–0.80 to 0.83–0.90 of OpenBLAS's speed on the AVX2 path.
    /// </summary>
    private const int PanelsAhead = 2;

    /// <summary>Asks for <paramref name="kc"/> elements of each of <paramref name="rows"/> rows (none when rows ≤ 0); a hint that never faults.</summary>
    private static void PrefetchRows<T>(T* first, int rows, nint stride, int kc)
        where T : unmanaged
    {
        for (int i = 0; i < rows; i++)
        {
            byte* row = (byte*)(first + (i * stride));
            for (int offset = 0; offset < kc * sizeof(T); offset += 64)
            {
                VectorMath.Prefetch(row + offset);
            }
        }
    }

    /// <summary>
    /// Packs rows <paramref name="p0"/> … +<paramref name="kc"/> and columns <paramref name="j0"/> … +<paramref name="nc"/>
    /// of op(B) into ⌈nc/nr⌉ panels of <c>kc × nr</c>, each stored p-major (element (p, j) at <c>p·nr + j</c>).
    /// Panels <paramref name="firstPanel"/>, +<paramref name="panelStep"/>, … only, so threads can share the work.
    /// </summary>
    public static void PackB<T>(in GemmOperands<T> o, int p0, int kc, int j0, int nc, int nr, T* dst, int firstPanel, int panelStep)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PackB(o, p0, kc, j0, nc, nr, dst, firstPanel, panelStep, (nc + nr - 1) / nr);

    /// <summary>
    /// <see cref="PackB{T}(in GemmOperands{T}, int, int, int, int, int, T*, int, int)"/> for panels
    /// <paramref name="firstPanel"/>, +<paramref name="panelStep"/>, … below <paramref name="panels"/> only.
    /// </summary>
    public static void PackB<T>(in GemmOperands<T> o, int p0, int kc, int j0, int nc, int nr, T* dst, int firstPanel, int panelStep, int panels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!o.TransposeB)
        {
            PackRowsOfB(o, p0, kc, j0, nc, nr, dst, firstPanel, panelStep, panels);
            return;
        }

        for (int panel = firstPanel; panel < panels; panel += panelStep)
        {
            int jr = panel * nr;
            int cols = int.Min(nr, nc - jr);
            T* d0 = dst + ((nint)panel * nr * kc);

            // op(B)(p, j) = B[j, p]: read each of the panel's columns (a row of B) contiguously.
            for (int j = 0; j < nr; j++)
            {
                T* d = d0 + j;
                if (j < cols)
                {
                    T* src = o.B + ((j0 + jr + j) * o.Ldb) + p0;
                    for (int p = 0; p < kc; p++)
                    {
                        d[p * nr] = src[p];
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                    {
                        d[p * nr] = T.Zero;
                    }
                }
            }
        }
    }

    /// <summary>Rows of B packed together by <see cref="PackRowsOfB"/>.</summary>
    private const int RowsPerStep = 16;

    /// <summary>
    /// <see cref="PackB{T}(in GemmOperands{T}, int, int, int, int, int, T*, int, int)"/> for op(B) = B: element (p, j)
    /// is B[p, j]. The block is copied in strips of <see cref="RowsPerStep"/> rows: within a strip, panel after panel,
    /// so the strip's rows are read left to right side by side (sequential streams the prefetchers follow) and each
    /// panel receives 16 consecutive rows, 1 KiB of contiguous writes for the AVX2 float kernel. Panel by panel over
    /// the whole block read B a row apart each step; row by row wrote one cache line per panel, each in another page,
    /// and both were several times slower than the memory allows.
    /// </summary>
    private static void PackRowsOfB<T>(in GemmOperands<T> o, int p0, int kc, int j0, int nc, int nr, T* dst, int firstPanel, int panelStep, int panels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint panelSize = (nint)nr * kc;
        for (int pb = 0; pb < kc; pb += RowsPerStep)
        {
            int pe = int.Min(kc, pb + RowsPerStep);
            for (int panel = firstPanel; panel < panels; panel += panelStep)
            {
                int jr = panel * nr;
                int cols = int.Min(nr, nc - jr);
                for (int p = pb; p < pe; p++)
                {
                    T* src = o.B + ((p0 + p) * o.Ldb) + j0 + jr;
                    T* d = dst + (panel * panelSize) + ((nint)p * nr);
                    int j = 0;

                    // A panel row is 16 to 64 elements: vector copies inline, not a call to a general copy.
                    for (; j + Vector<T>.Count <= cols; j += Vector<T>.Count)
                    {
                        Vector.Store(Vector.Load(src + j), d + j);
                    }

                    for (; j < cols; j++)
                    {
                        d[j] = src[j];
                    }

                    for (; j < nr; j++)
                    {
                        d[j] = T.Zero;
                    }
                }
            }
        }
    }
}
