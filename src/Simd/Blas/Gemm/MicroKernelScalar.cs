using System.Numerics;

namespace Simd.MatrixMultiply;

/// <summary>
/// The scalar micro-kernel for the path without hardware vectors: a 4 × 4 tile, 16 accumulators in
/// registers, a plain multiply and add per step (no software FMA, which would be very slow).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct MicroKernelScalar<T> : IMicroKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int MR => 4;

    public static int NR => 4;

    public static unsafe void Run(nint kc, T* a, T* b, nint ldb, T* c, nint ldc, T alpha, T beta)
    {
        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero;
        for (nint p = 0; p < kc; p++)
        {
            T b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            T ai = a[0];
            c00 += ai * b0; c01 += ai * b1; c02 += ai * b2; c03 += ai * b3;
            ai = a[1];
            c10 += ai * b0; c11 += ai * b1; c12 += ai * b2; c13 += ai * b3;
            ai = a[2];
            c20 += ai * b0; c21 += ai * b1; c22 += ai * b2; c23 += ai * b3;
            ai = a[3];
            c30 += ai * b0; c31 += ai * b1; c32 += ai * b2; c33 += ai * b3;
            a += 4;
            b += ldb;
        }

        UpdateRow(c, alpha, beta, c00, c01, c02, c03);
        UpdateRow(c + ldc, alpha, beta, c10, c11, c12, c13);
        UpdateRow(c + (2 * ldc), alpha, beta, c20, c21, c22, c23);
        UpdateRow(c + (3 * ldc), alpha, beta, c30, c31, c32, c33);
    }

    private static unsafe void UpdateRow(T* c, T alpha, T beta, T x0, T x1, T x2, T x3)
    {
        c[0] = VectorMath.Update(x0, alpha, beta, c[0]);
        c[1] = VectorMath.Update(x1, alpha, beta, c[1]);
        c[2] = VectorMath.Update(x2, alpha, beta, c[2]);
        c[3] = VectorMath.Update(x3, alpha, beta, c[3]);
    }
}
