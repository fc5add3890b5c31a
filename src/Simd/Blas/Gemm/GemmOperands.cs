using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>
/// One validated, pinned GEMM problem <c>C ← α·op(A)·op(B) + β·C</c> with op(A) m × k and op(B) k × n,
/// as raw pointers and strides so that the blocked loops and packing routines index without bounds checks.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal unsafe struct GemmOperands<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int M;
    public int N;
    public int K;
    public T* A;
    public nint Lda;
    public bool TransposeA;
    public T* B;
    public nint Ldb;
    public bool TransposeB;
    public T* C;
    public nint Ldc;
    public T Alpha;
    public T Beta;
}
