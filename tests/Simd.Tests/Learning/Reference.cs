using System;

namespace Simd.Tests.Learning;

/// <summary>
/// Independent double-precision references written as plain loops straight from the formulas, with no
/// blocking, no vectors and no shared code with the library.
/// </summary>
internal static class Reference
{
    /// <summary>The unit roundoff u of float (2⁻²⁴) and of double (2⁻⁵³).</summary>
    public const double FloatU = 5.9604644775390625e-8;

    public const double DoubleU = 1.1102230246251565e-16;

    /// <summary>γ(k) = k·u / (1 − k·u): the classic bound on the relative error of k roundings (Higham, ch. 3).</summary>
    public static double Gamma(int k, double u) => k * u / (1 - (k * u));

    public static double Score(double[] x, int n, int i, double[] w, double b)
    {
        double z = b;
        for (int j = 0; j < n; j++)
        {
            z += x[(i * n) + j] * w[j];
        }

        return z;
    }

    /// <summary>J = (1/(2m)) Σ (w·xᵢ + b − yᵢ)² + (λ/(2m))‖w‖² and its gradient.</summary>
    public static double LinearCostAndGradient(double[] x, double[] y, int m, int n, double[] w, double b, double lambda, double[] gw, out double gb)
    {
        double cost = 0;
        Array.Clear(gw);
        gb = 0;
        for (int i = 0; i < m; i++)
        {
            double e = Score(x, n, i, w, b) - y[i];
            cost += e * e;
            gb += e;
            for (int j = 0; j < n; j++)
            {
                gw[j] += e * x[(i * n) + j];
            }
        }

        double penalty = 0;
        for (int j = 0; j < n; j++)
        {
            gw[j] = (gw[j] / m) + (lambda / m * w[j]);
            penalty += w[j] * w[j];
        }

        gb /= m;
        return (cost / (2.0 * m)) + (lambda / (2.0 * m) * penalty);
    }

    /// <summary>The log-loss from the textbook formula with f = 1/(1 + e^−z), and its gradient; for moderate |z| only.</summary>
    public static double LogisticCostAndGradient(double[] x, double[] y, int m, int n, double[] w, double b, double lambda, double[] gw, out double gb)
    {
        double cost = 0;
        Array.Clear(gw);
        gb = 0;
        for (int i = 0; i < m; i++)
        {
            double z = Score(x, n, i, w, b);
            double f = 1.0 / (1.0 + Math.Exp(-z));

            // −y·log f − (1 − y)·log(1 − f) as max(z, 0) − y·z + log1p(e^−|z|): the same value, without log(1 − f),
            // which loses about u·e^z where f rounds near 1 (5·10⁻⁸ at z = 20, far above a double step's bound).
            cost += Math.Max(z, 0) - (y[i] * z) + Log1p(Math.Exp(-Math.Abs(z)));
            double e = f - y[i];
            gb += e;
            for (int j = 0; j < n; j++)
            {
                gw[j] += e * x[(i * n) + j];
            }
        }

        double penalty = 0;
        for (int j = 0; j < n; j++)
        {
            gw[j] = (gw[j] / m) + (lambda / m * w[j]);
            penalty += w[j] * w[j];
        }

        gb /= m;
        return (cost / m) + (lambda / (2.0 * m) * penalty);
    }

    /// <summary>
    /// log(1 + t) for 0 ≤ t ≤ 1 within about 1 ulp: by its series below 2⁻⁵ (terms falling by 32 each, summed from the
    /// smallest) and as log(u)·t/(u − 1) above (Goldberg's form, u = 1 + t rounded). Written independently of the
    /// library's form (LearningKernels.LogLossTerm).
    /// </summary>
    public static double Log1p(double t)
    {
        if (t < 1.0 / 32)
        {
            double sum = 0;
            for (int k = 24; k >= 1; k--)
            {
                sum = (1.0 / k) - (t * sum);
            }

            return t * sum;
        }

        double u = 1 + t;
        return Math.Log(u) * t / (u - 1);
    }

    /// <summary>
    /// The rounding-error bound of the fused float/double evaluation against the exact result on the same
    /// inputs, per quantity. With u the unit roundoff of T:
    /// <list type="bullet">
    /// <item>each score z = Σⱼ xⱼwⱼ + b then error e = z − y goes through at most n + 2 roundings, so
    /// |ê − e| ≤ δᵢ = γ(n+2)·(Σⱼ|xᵢⱼwⱼ| + |b| + |yᵢ|);</item>
    /// <item>the cost term ê² is formed in double from ê: |ê² − e²| ≤ (2|e| + δ)δ (+ double rounding, 1e−15 relative);</item>
    /// <item>∂J/∂wⱼ: each product êᵢxᵢⱼ is rounded once and then passes through at most R + 3 additions in T,
    /// R = the rows of one chunk, before the chunks are summed in double, so the sum is off by
    /// Σᵢ|ê − e||xᵢⱼ| + γ(R+4)·Σᵢ|êᵢxᵢⱼ|, divided by m; ∂J/∂b is summed in double from ê: Σ δᵢ / m.</item>
    /// </list>
    /// Here R ≤ m is used (a chunk never has more rows than the data).
    /// </summary>
    public static (double Cost, double[] Weights, double Bias) LinearBounds(double[] x, double[] y, int m, int n, double[] w, double b, double u)
    {
        double gammaRow = Gamma(n + 2, u);
        double gammaSum = Gamma(m + 4, u);
        double cost = 0, bias = 0;
        var weights = new double[n];
        var absWeighted = new double[n];
        for (int i = 0; i < m; i++)
        {
            double magnitude = Math.Abs(b) + Math.Abs(y[i]);
            for (int j = 0; j < n; j++)
            {
                magnitude += Math.Abs(x[(i * n) + j] * w[j]);
            }

            double delta = gammaRow * magnitude;
            double e = Math.Abs(Score(x, n, i, w, b) - y[i]);
            cost += ((2 * e) + delta) * delta;
            bias += delta;
            for (int j = 0; j < n; j++)
            {
                double xij = Math.Abs(x[(i * n) + j]);
                weights[j] += delta * xij;
                absWeighted[j] += (e + delta) * xij;
            }
        }

        for (int j = 0; j < n; j++)
        {
            weights[j] = (weights[j] + (gammaSum * absWeighted[j])) / m;
        }

        // The final divisions and the conversion of the results to T add one rounding each: relative u,
        // covered by the factor 2 and an absolute floor for values that are exactly 0.
        return ((2 * cost / (2.0 * m)) + 1e-300, Array.ConvertAll(weights, v => (2 * v) + 1e-300), (2 * bias / m) + 1e-300);
    }

    /// <summary>
    /// The bound for the fused logistic evaluation, like <see cref="LinearBounds"/>: the score ẑ is off by
    /// at most γ(n+1)·(Σ|xⱼwⱼ| + |b|) =: ζᵢ; the sigmoid has slope ≤ ¼ and is evaluated in T within 4u
    /// (one exp within 1 ulp, one add, one divide), so |êᵢ − eᵢ| ≤ δᵢ = ¼ζᵢ + 4u; the loss softplus(z) − y·z has
    /// slope ≤ 1 in z and is formed in double, so each cost term is off by ≤ ζᵢ (+ its rounding); the
    /// gradient sums are bounded as in the linear case with |e| ≤ 1.
    /// </summary>
    public static (double Cost, double[] Weights, double Bias) LogisticBounds(double[] x, int m, int n, double[] w, double b, double u)
    {
        double gammaRow = Gamma(n + 1, u);
        double gammaSum = Gamma(m + 4, u);
        double cost = 0, bias = 0;
        var weights = new double[n];
        var absWeighted = new double[n];
        for (int i = 0; i < m; i++)
        {
            double magnitude = Math.Abs(b);
            for (int j = 0; j < n; j++)
            {
                magnitude += Math.Abs(x[(i * n) + j] * w[j]);
            }

            double zeta = gammaRow * magnitude;
            double delta = (0.25 * zeta) + (4 * u);
            // The cost term is ≤ |z| + log 2 ≤ magnitude + 1: its double rounding (1e−15) and the final rounding of J
            // to T (u·J, as J is the mean of the terms) are covered by (1e−15 + u)·(magnitude + 1).
            cost += zeta + ((1e-15 + u) * (magnitude + 1));
            bias += delta;
            for (int j = 0; j < n; j++)
            {
                double xij = Math.Abs(x[(i * n) + j]);
                weights[j] += delta * xij;
                absWeighted[j] += (1 + delta) * xij;
            }
        }

        for (int j = 0; j < n; j++)
        {
            weights[j] = (weights[j] + (gammaSum * absWeighted[j])) / m;
        }

        return ((2 * cost / m) + 1e-300, Array.ConvertAll(weights, v => (2 * v) + 1e-300), (2 * bias / m) + 1e-300);
    }

    /// <summary>Per column mean, population standard deviation (ddof = 0), min and max, by the textbook two-pass loops.</summary>
    public static (double[] Mean, double[] Std, double[] Min, double[] Max) ColumnStatistics(double[] x, int m, int n)
    {
        var mean = new double[n];
        var std = new double[n];
        var min = new double[n];
        var max = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            min[j] = double.MaxValue;
            max[j] = double.MinValue;
            for (int i = 0; i < m; i++)
            {
                double v = x[(i * n) + j];
                sum += v;
                min[j] = Math.Min(min[j], v);
                max[j] = Math.Max(max[j], v);
            }

            mean[j] = sum / m;
            double squares = 0;
            for (int i = 0; i < m; i++)
            {
                double d = x[(i * n) + j] - mean[j];
                squares += d * d;
            }

            std[j] = Math.Sqrt(squares / m);
        }

        return (mean, std, min, max);
    }

    /// <summary>X z-scored column by column in double.</summary>
    public static double[] ZScore(double[] x, int m, int n)
    {
        (double[] mean, double[] std, _, _) = ColumnStatistics(x, m, n);
        var z = new double[x.Length];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                z[(i * n) + j] = (x[(i * n) + j] - mean[j]) / std[j];
            }
        }

        return z;
    }

    /// <summary>trace of H = [X 1]ᵀ[X 1] / m, an upper bound on its largest eigenvalue (the gradient's Lipschitz constant).</summary>
    public static double HessianTrace(double[] x, int m, int n)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v * v;
        }

        return (sum / m) + 1;
    }
}
