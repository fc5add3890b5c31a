namespace Simd;

/// <content>The operation applied to a matrix argument of <see cref="Gemm(Transpose, Transpose, float, ReadOnlyMatrixView{float}, ReadOnlyMatrixView{float}, float, MatrixView{float}, int)"/> and <c>Gemv</c>.</content>
public static partial class Blas
{
    /// <summary>Whether a matrix argument is used as stored or transposed (BLAS's <c>op(X)</c>).</summary>
    public enum Transpose
    {
        /// <summary><c>op(X) = X</c>: the view is used as stored.</summary>
        None,

        /// <summary><c>op(X) = Xᵀ</c>: the view is read as its transpose; nothing is copied.</summary>
        Transpose,
    }
}
