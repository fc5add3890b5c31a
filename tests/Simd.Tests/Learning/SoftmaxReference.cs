using System;

namespace Simd.Tests.Learning;

/// <summary>
/// Softmax regression in plain double loops straight from the formulas (no GEMM, no shared code with the library),
/// and the rounding bounds of the library's evaluation in a type with unit roundoff u.
/// </summary>
internal static class SoftmaxReference
{
    /// <summary>zᵢₖ = bₖ + Σⱼ xᵢⱼ·Wⱼₖ, W row-major n×K.</summary>
    public static double[] Logits(double[] x, int m, int n, double[] w, double[] b)
    {
        int k = b.Length;
        var z = new double[m * k];
        for (int i = 0; i < m; i++)
        {
            for (int c = 0; c < k; c++)
            {
                double s = b[c];
                for (int j = 0; j < n; j++)
                {
                    s += x[(i * n) + j] * w[(j * k) + c];
                }

                z[(i * k) + c] = s;
            }
        }

        return z;
    }

    /// <summary>Row-wise softmax, the maximum subtracted first.</summary>
    public static double[] Probabilities(double[] z, int m, int k)
    {
        var p = new double[m * k];
        for (int i = 0; i < m; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                max = Math.Max(max, z[(i * k) + c]);
            }

            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                sum += Math.Exp(z[(i * k) + c] - max);
            }

            for (int c = 0; c < k; c++)
            {
                p[(i * k) + c] = Math.Exp(z[(i * k) + c] - max) / sum;
            }
        }

        return p;
    }

    /// <summary>J = −(1/m) Σ log pᵢ,yᵢ + (λ/(2m))‖W‖², ∂J/∂W = (1/m) Xᵀ(P − Y) + (λ/m) W, ∂J/∂b = (1/m) Σ (P − Y).</summary>
    public static double CostAndGradient(double[] x, int[] y, int m, int n, double[] w, double[] b, double lambda, double[] gw, double[] gb)
    {
        int k = b.Length;
        double[] z = Logits(x, m, n, w, b);
        double[] p = Probabilities(z, m, k);
        double cost = 0;
        Array.Clear(gw);
        Array.Clear(gb);
        for (int i = 0; i < m; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                max = Math.Max(max, z[(i * k) + c]);
            }

            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                sum += Math.Exp(z[(i * k) + c] - max);
            }

            cost += max + Math.Log(sum) - z[(i * k) + y[i]];
            for (int c = 0; c < k; c++)
            {
                double d = p[(i * k) + c] - (c == y[i] ? 1 : 0);
                gb[c] += d;
                for (int j = 0; j < n; j++)
                {
                    gw[(j * k) + c] += x[(i * n) + j] * d;
                }
            }
        }

        double penalty = 0;
        for (int e = 0; e < w.Length; e++)
        {
            gw[e] = (gw[e] / m) + (lambda / m * w[e]);
            penalty += w[e] * w[e];
        }

        for (int c = 0; c < k; c++)
        {
            gb[c] /= m;
        }

        return (cost / m) + (lambda / (2.0 * m) * penalty);
    }

    /// <summary>
    /// Bounds on |library − exact| for the library's evaluation in a type with unit roundoff u (inputs exactly
    /// representable in it). The logits come from a GEMM with C = b: |ẑ − z| ≤ γ(n+2)·(Σⱼ|xᵢⱼ||Wⱼₖ| + |bₖ|) =: δᵢₖ.
    /// The row's cross-entropy log Σ e^z − z_y moves by at most 2·maxₖ δᵢₖ; the probability by a factor within
    /// e^(±2δᵢ) and one rounding to T (pₖ = e^(zₖ − lse)); P − Y one more rounding. ∂J/∂b sums those in double and rounds
    /// once; ∂J/∂W is a GEMM with α = fl(1/m), β = fl(λ/m) over the perturbed P − Y: γ(m+2) of the magnitudes plus the
    /// propagated error. The double sums of the library add γ(m+K+3) in double relative to the magnitudes.
    /// </summary>
    public static (double Cost, double[] Weights, double[] Bias) Bounds(double[] x, int[] y, int m, int n, double[] w, double[] b, double lambda, double u)
    {
        int k = b.Length;
        double[] z = Logits(x, m, n, w, b);
        double[] p = Probabilities(z, m, k);
        double gammaN = Reference.Gamma(n + 2, u);
        double gammaM = Reference.Gamma(m + 2, u) + u;
        double doubleSums = Reference.Gamma(m + k + 3, Reference.DoubleU);
        var gw = new double[n * k];
        var gb = new double[k];
        double cost = 0, costMagnitude = 0;
        var weightBounds = new double[n * k];
        var biasBounds = new double[k];
        var magnitudeW = new double[n * k];
        var magnitudeB = new double[k];
        for (int i = 0; i < m; i++)
        {
            double delta = 0;
            for (int c = 0; c < k; c++)
            {
                double s = Math.Abs(b[c]);
                for (int j = 0; j < n; j++)
                {
                    s += Math.Abs(x[(i * n) + j] * w[(j * k) + c]);
                }

                delta = Math.Max(delta, gammaN * s);
            }

            double rowCost = 0;
            for (int c = 0; c < k; c++)
            {
                rowCost = Math.Max(rowCost, Math.Abs(z[(i * k) + c]));
            }

            cost += 2 * delta;
            costMagnitude += rowCost + Math.Log(k) + 1;
            double spread = Math.Exp(2 * delta) - 1 + (2 * Reference.DoubleU);
            for (int c = 0; c < k; c++)
            {
                double pc = p[(i * k) + c];
                double d = Math.Abs(pc - (c == y[i] ? 1 : 0));
                double e = (pc * (spread + u) * (1 + u)) + (u * (d + (pc * spread)));
                biasBounds[c] += e;
                magnitudeB[c] += d + e;
                for (int j = 0; j < n; j++)
                {
                    double ax = Math.Abs(x[(i * n) + j]);
                    weightBounds[(j * k) + c] += ax * e;
                    magnitudeW[(j * k) + c] += ax * (d + e);
                }
            }
        }

        double exact = CostAndGradient(x, y, m, n, w, b, lambda, gw, gb);
        double costBound = (cost / m) + (u * Math.Abs(exact)) + (doubleSums * ((costMagnitude / m) + (lambda / (2.0 * m) * SumOfSquares(w))));
        for (int c = 0; c < k; c++)
        {
            biasBounds[c] = (biasBounds[c] / m) + (doubleSums * magnitudeB[c] / m) + (u * Math.Abs(gb[c]));
        }

        for (int e = 0; e < weightBounds.Length; e++)
        {
            weightBounds[e] = (weightBounds[e] / m) + (gammaM * ((magnitudeW[e] / m) + (lambda / m * Math.Abs(w[e]))));
        }

        return (costBound, weightBounds, biasBounds);
    }

    private static double SumOfSquares(double[] w)
    {
        double s = 0;
        foreach (double v in w)
        {
            s += v * v;
        }

        return s;
    }
}
