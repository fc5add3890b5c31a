using System;
using Simd.LowRank;
using Xunit;

namespace Simd.Tests.LowRank;

/// <summary>
/// The adapter's gradients: the formulas are the true gradient of the squared error (central differences in double),
/// and <see cref="LoraAdapter.ComputeGradients"/> evaluates them within a derived rounding bound.
/// </summary>
public class LoraGradientTests
{
    private const int D = 12, K = 17, R = 3, N = 9;

    /// <summary>
    /// Float gradients against the formulas in double. ∂L/∂B = s·Gᵀ·(X·Aᵀ): a term passes k roundings in X·Aᵀ, n in
    /// Gᵀ·H and one for s, so the bound is γ(k+n+2)·|s|·|G|ᵀ·(|X|·|A|ᵀ). ∂L/∂A = s·(G·B)ᵀ·X: d roundings in G·B,
    /// n in the product with X, one for s: γ(d+n+2)·|s|·(|G|·|B|)ᵀ·|X|.
    /// </summary>
    [Fact]
    public void Gradients_match_the_formulas_within_the_rounding_bound()
    {
        (LoraAdapter adapter, _, _) = LoraAdapterTests.Make(D, K, R, 0, seed: 41);
        float[] x = LoraReference.Random(N * K, 42), g = LoraReference.Random(N * D, 43);
        float[] gradA = new float[R * K], gradB = new float[D * R];
        adapter.ComputeGradients(new ReadOnlyMatrixView<float>(x, N, K), new ReadOnlyMatrixView<float>(g, N, D), new MatrixView<float>(gradA, R, K), new MatrixView<float>(gradB, D, R));

        double[] a = ToDouble(adapter.A.Memory.ToArray()), b = ToDouble(adapter.B.Memory.ToArray());
        (double[] wantA, double[] magA, double[] wantB, double[] magB) = Formulas(a, b, ToDouble(x), ToDouble(g), adapter.Scale);
        double gammaB = LoraReference.Gamma(K + N + 2), gammaA = LoraReference.Gamma(D + N + 2);
        for (int i = 0; i < gradB.Length; i++)
        {
            Assert.True(Math.Abs(gradB[i] - wantB[i]) <= gammaB * magB[i], $"dL/dB[{i}] = {gradB[i]}, expected {wantB[i]}");
        }

        for (int i = 0; i < gradA.Length; i++)
        {
            Assert.True(Math.Abs(gradA[i] - wantA[i]) <= gammaA * magA[i], $"dL/dA[{i}] = {gradA[i]}, expected {wantA[i]}");
        }
    }

    /// <summary>
    /// The loss is quadratic in any single entry of A or B, so a central difference is exact up to rounding
    /// (about ε·L/h ≈ 1e-12 here); the formulas must agree with it to 1e-7 relative.
    /// </summary>
    [Fact]
    public void Formulas_are_the_gradient_of_the_squared_error()
    {
        (LoraAdapter adapter, float[] wf, _) = LoraAdapterTests.Make(D, K, R, 0, seed: 51);
        double[] w = ToDouble(wf), x = ToDouble(LoraReference.Random(N * K, 52)), y = ToDouble(LoraReference.Random(N * D, 53));
        double[] a = ToDouble(adapter.A.Memory.ToArray()), b = ToDouble(adapter.B.Memory.ToArray());
        double s = adapter.Scale;
        double[] residual = Forward(w, a, b, x, s);
        var g = new double[N * D];
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = (residual[i] - y[i]) / N;
        }

        (double[] gradA, _, double[] gradB, _) = Formulas(a, b, x, g, s);
        const double h = 1e-3;
        foreach (int index in new[] { 0, 7, (R * K) - 1 })
        {
            double numeric = Central(a, index, h, () => Loss(w, a, b, x, y, s));
            Assert.True(Math.Abs(numeric - gradA[index]) <= 1e-7 * (Math.Abs(numeric) + 1e-3), $"A[{index}]: {numeric} vs {gradA[index]}");
        }

        foreach (int index in new[] { 0, 5, (D * R) - 1 })
        {
            double numeric = Central(b, index, h, () => Loss(w, a, b, x, y, s));
            Assert.True(Math.Abs(numeric - gradB[index]) <= 1e-7 * (Math.Abs(numeric) + 1e-3), $"B[{index}]: {numeric} vs {gradB[index]}");
        }
    }

    private static double Central(double[] parameters, int index, double h, Func<double> loss)
    {
        double saved = parameters[index];
        parameters[index] = saved + h;
        double plus = loss();
        parameters[index] = saved - h;
        double minus = loss();
        parameters[index] = saved;
        return (plus - minus) / (2 * h);
    }

    private static double Loss(double[] w, double[] a, double[] b, double[] x, double[] y, double s)
    {
        double[] prediction = Forward(w, a, b, x, s);
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            sum += (prediction[i] - y[i]) * (prediction[i] - y[i]);
        }

        return sum / (2.0 * N);
    }

    /// <summary>Ŷ = X·Wᵀ + s·(X·Aᵀ)·Bᵀ in double.</summary>
    private static double[] Forward(double[] w, double[] a, double[] b, double[] x, double s)
    {
        var y = new double[N * D];
        for (int n = 0; n < N; n++)
        {
            var hidden = new double[R];
            for (int q = 0; q < R; q++)
            {
                for (int p = 0; p < K; p++)
                {
                    hidden[q] += a[(q * K) + p] * x[(n * K) + p];
                }
            }

            for (int i = 0; i < D; i++)
            {
                double t = 0;
                for (int p = 0; p < K; p++)
                {
                    t += w[(i * K) + p] * x[(n * K) + p];
                }

                for (int q = 0; q < R; q++)
                {
                    t += s * b[(i * R) + q] * hidden[q];
                }

                y[(n * D) + i] = t;
            }
        }

        return y;
    }

    /// <summary>∂L/∂A = s·(G·B)ᵀ·X and ∂L/∂B = s·Gᵀ·(X·Aᵀ) in double, with the absolute-value products for bounds.</summary>
    private static (double[] GradA, double[] MagA, double[] GradB, double[] MagB) Formulas(double[] a, double[] b, double[] x, double[] g, double s)
    {
        var h = new double[N * R];
        var hAbs = new double[N * R];
        var gb = new double[N * R];
        var gbAbs = new double[N * R];
        for (int n = 0; n < N; n++)
        {
            for (int q = 0; q < R; q++)
            {
                for (int p = 0; p < K; p++)
                {
                    h[(n * R) + q] += x[(n * K) + p] * a[(q * K) + p];
                    hAbs[(n * R) + q] += Math.Abs(x[(n * K) + p] * a[(q * K) + p]);
                }

                for (int i = 0; i < D; i++)
                {
                    gb[(n * R) + q] += g[(n * D) + i] * b[(i * R) + q];
                    gbAbs[(n * R) + q] += Math.Abs(g[(n * D) + i] * b[(i * R) + q]);
                }
            }
        }

        var gradB = new double[D * R];
        var magB = new double[D * R];
        for (int i = 0; i < D; i++)
        {
            for (int q = 0; q < R; q++)
            {
                for (int n = 0; n < N; n++)
                {
                    gradB[(i * R) + q] += s * g[(n * D) + i] * h[(n * R) + q];
                    magB[(i * R) + q] += Math.Abs(s * g[(n * D) + i]) * hAbs[(n * R) + q];
                }
            }
        }

        var gradA = new double[R * K];
        var magA = new double[R * K];
        for (int q = 0; q < R; q++)
        {
            for (int p = 0; p < K; p++)
            {
                for (int n = 0; n < N; n++)
                {
                    gradA[(q * K) + p] += s * gb[(n * R) + q] * x[(n * K) + p];
                    magA[(q * K) + p] += Math.Abs(s) * gbAbs[(n * R) + q] * Math.Abs(x[(n * K) + p]);
                }
            }
        }

        return (gradA, magA, gradB, magB);
    }

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
