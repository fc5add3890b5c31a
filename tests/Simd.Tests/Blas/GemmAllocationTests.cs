using System;
using Xunit;
using static Simd.Blas;

namespace Simd.Tests.Blas;

/// <summary>
/// A warm one-thread GEMM allocates no more than the call's own small constant (a few dozen bytes, as in the
/// softmax-regression test) in the forms whose parallel split is a lambda: the few-row dot-product form (X·Wᵀ) and the
/// few-row form that reads B in place. Capturing a lambda's variables allocates where the enclosing method starts, so a
/// parallel split written inline would cost every call its captures (about 100–300 bytes).
/// </summary>
public class GemmAllocationTests
{
    [Fact]
    public void Warm_one_thread_few_row_products_allocate_only_a_small_constant()
    {
        float[] a = GemmCase.RandomFloats(4 * 300, 1), bt = GemmCase.RandomFloats(700 * 300, 2), b = GemmCase.RandomFloats(300 * 700, 3);
        float[] c = new float[4 * 700];
        void Call()
        {
            // 4 rows times a transposed matrix: the dot-product form; 4 rows times B: B read in place.
            Gemm(Transpose.None, Transpose.Transpose, 1f, new ReadOnlyMatrixView<float>(a, 4, 300), new ReadOnlyMatrixView<float>(bt, 700, 300), 0f, new MatrixView<float>(c, 4, 700), maxDegreeOfParallelism: 1);
            Gemm(Transpose.None, Transpose.None, 1f, new ReadOnlyMatrixView<float>(a, 4, 300), new ReadOnlyMatrixView<float>(b, 300, 700), 0f, new MatrixView<float>(c, 4, 700), maxDegreeOfParallelism: 1);
        }

        for (int i = 0; i < 50; i++)
        {
            Call();
        }

        // The fewest bytes per call over five windows of 20 calls: an allocation made on every call shows in each
        // window, while a one-off on this thread (seen once in a CI run: 438 bytes per call in a single window) does not.
        long perCall = long.MaxValue;
        for (int window = 0; window < 5; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                Call();
            }

            perCall = Math.Min(perCall, (GC.GetAllocatedBytesForCurrentThread() - before) / 20);
        }

        Assert.True(perCall < 64, $"{perCall} bytes per call");
    }
}
