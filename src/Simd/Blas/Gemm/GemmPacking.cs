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
    /// Packs rows <paramref name="p0"/> … +<paramref name="kc"/> and columns <paramref name="j0"/> … +<paramref name="nc"/>
    /// of op(B) into ⌈nc/nr⌉ panels of <c>kc × nr</c>, each stored p-major (element (p, j) at <c>p·nr + j</c>).
    /// Panels <paramref name="firstPanel"/>, +<paramref name="panelStep"/>, … only, so threads can share the work.
    /// </summary>
    public static void PackB<T>(in GemmOperands<T> o, int p0, int kc, int j0, int nc, int nr, T* dst, int firstPanel, int panelStep)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int panels = (nc + nr - 1) / nr;
        for (int panel = firstPanel; panel < panels; panel += panelStep)
        {
            int jr = panel * nr;
            int cols = int.Min(nr, nc - jr);
            T* d0 = dst + ((nint)panel * nr * kc);
            if (o.TransposeB)
            {
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
            else
            {
                // op(B)(p, j) = B[p, j]: each step of p is a contiguous copy of the panel's columns.
                for (int p = 0; p < kc; p++)
                {
                    T* src = o.B + ((p0 + p) * o.Ldb) + j0 + jr;
                    T* d = d0 + (p * nr);
                    new System.ReadOnlySpan<T>(src, cols).CopyTo(new System.Span<T>(d, cols));
                    for (int j = cols; j < nr; j++)
                    {
                        d[j] = T.Zero;
                    }
                }
            }
        }
    }
}
