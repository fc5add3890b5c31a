using System;

namespace Simd.Cli.Tests.Support;

/// <summary>Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (in double), for deriving test tolerances.</summary>
internal static class SymmetricEigenvalues
{
    /// <summary>The eigenvalues of the n×n symmetric matrix <paramref name="a"/> (row-major; not modified), ascending.</summary>
    public static double[] Of(double[] a, int n)
    {
        double[] m = (double[])a.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += m[(p * n) + q] * m[(p * n) + q];
                }
            }

            if (off < 1e-30)
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = m[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    // The rotation that zeroes m[p, q] (Golub & Van Loan, Algorithm 8.4.1).
                    double theta = (m[(q * n) + q] - m[(p * n) + p]) / (2 * apq);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    double c = 1 / Math.Sqrt((t * t) + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double mkp = m[(k * n) + p], mkq = m[(k * n) + q];
                        m[(k * n) + p] = (c * mkp) - (s * mkq);
                        m[(k * n) + q] = (s * mkp) + (c * mkq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double mpk = m[(p * n) + k], mqk = m[(q * n) + k];
                        m[(p * n) + k] = (c * mpk) - (s * mqk);
                        m[(q * n) + k] = (s * mpk) + (c * mqk);
                    }
                }
            }
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = m[(i * n) + i];
        }

        Array.Sort(values);
        return values;
    }
}
