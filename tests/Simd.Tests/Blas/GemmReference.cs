using System;

namespace Simd.Tests.Blas;

/// <summary>
/// A reference GEMM in double precision with compensated dot products (TwoProduct via FMA, TwoSum), and the
/// per-element magnitude <c>S = |α|·Σ|a||b| + |β|·|c|</c> that the error bounds scale with.
/// </summary>
/// <remarks>
/// The compensated dot product (Ogita, Rump and Oishi's Dot2) is within <c>u·|s| + γ(k)²·Σ|ab|</c> of the exact sum
/// for u = 2⁻⁵³; the final <c>α·s + β·c</c> adds two more roundings. So the reference is within
/// <c>ReferenceSlack = 4·u_double·S</c> of the exact result, negligible against the single-precision bound and a
/// small stated slack against the double-precision one.
/// </remarks>
internal static class GemmReference
{
    public const double ReferenceSlackFactor = 4 * 1.1102230246251565e-16;

    /// <summary>Element (i, j) of an r × c row-major matrix with the given stride, optionally read transposed.</summary>
    public static double At(double[] x, int stride, bool transpose, int i, int j)
        => transpose ? x[(j * stride) + i] : x[(i * stride) + j];

    public static (double[] Value, double[] Magnitude) Gemm(
        bool transposeA, bool transposeB, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc, int m, int n, int k)
    {
        var value = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0, comp = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = At(a, lda, transposeA, i, p), y = At(b, ldb, transposeB, p, j);
                    double prod = x * y;
                    double prodErr = Math.FusedMultiplyAdd(x, y, -prod);
                    double t = s + prod;
                    double z = t - s;
                    double sumErr = (s - (t - z)) + (prod - z);
                    s = t;
                    comp += prodErr + sumErr;
                    abs += Math.Abs(prod);
                }

                double dot = s + comp;
                double cOld = beta == 0 ? 0 : c[(i * ldc) + j];
                value[(i * n) + j] = (alpha * dot) + (beta * cOld);
                magnitude[(i * n) + j] = (Math.Abs(alpha) * abs) + Math.Abs(beta * cOld);
            }
        }

        return (value, magnitude);
    }

    /// <summary><c>γ(n) = n·u / (1 − n·u)</c>.</summary>
    public static double Gamma(int n, double unitRoundoff) => n * unitRoundoff / (1 - (n * unitRoundoff));
}
