using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>
/// A register-blocked micro-kernel: it multiplies one packed <c>MR × kc</c> panel of A by one packed
/// <c>kc × NR</c> panel of B and folds the product into an <c>MR × NR</c> tile of C.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the C tile (rows of the A micro-panel).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile (columns of the B micro-panel).</summary>
    static abstract int NR { get; }

    /// <summary>
    /// <c>C ← α·(A·B) + β·C</c> on one full tile; with β = 0 the tile is not read (so NaN there is ignored).
    /// Each element's sum runs over p = 0 … kc−1 in order, the same for every tile position, which is
    /// what makes the result independent of how the output is split between threads.
    /// </summary>
    /// <param name="kc">Length of the sum.</param>
    /// <param name="a">Packed A: element (i, p) at <c>a[p·MR + i]</c>.</param>
    /// <param name="b">B's panel: element (p, j) at <c>b[p·ldb + j]</c>.</param>
    /// <param name="ldb">Elements between rows of B's panel: <c>NR</c> when packed, B's own row stride when the kernel reads B in place.</param>
    /// <param name="c">The tile's first element.</param>
    /// <param name="ldc">Elements between rows of the tile.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing tile.</param>
    static abstract unsafe void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta);
}
