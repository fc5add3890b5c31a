using System;

namespace Simd.Cuda.Learning;

/// <summary>
/// The device trainer's algorithm on the host in double precision, step for step (same cost definition,
/// same update, cost recorded before each step). It is the reference the GPU results are compared with.
/// </summary>
internal static class GradientDescentReference
{
    /// <summary>Runs <paramref name="iterations"/> steps from zero weights.</summary>
    /// <param name="x">Row-major m × n features.</param>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    /// <param name="y">m targets.</param>
    /// <param name="kind">The model.</param>
    /// <param name="learningRate">α.</param>
    /// <param name="iterations">Steps.</param>
    /// <param name="lambda">λ.</param>
    /// <returns>Weights (n), bias, costs (one per step) and, per step, the largest Σ|error·x_j|/m over j and the bias
    /// term — the scale of the gradient sums that bounds their rounding error.</returns>
    public static (double[] Weights, double Bias, double[] Costs, double[] GradientScale) Train(
        ReadOnlySpan<double> x, int rows, int columns, ReadOnlySpan<double> y, RegressionKind kind, double learningRate, int iterations, double lambda)
    {
        var w = new double[columns];
        double b = 0;
        var costs = new double[iterations];
        var scale = new double[iterations];
        var gradient = new double[columns];
        var magnitude = new double[columns + 1];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(gradient);
            Array.Clear(magnitude);
            double biasGradient = 0, cost = 0;
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<double> row = x.Slice(r * columns, columns);
                double z = b;
                for (int j = 0; j < columns; j++)
                {
                    z += w[j] * row[j];
                }

                double error;
                if (kind == RegressionKind.Logistic)
                {
                    double p = 1 / (1 + Math.Exp(-z));
                    error = p - y[r];
                    cost += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - (y[r] * z);
                }
                else
                {
                    error = z - y[r];
                    cost += 0.5 * error * error;
                }

                for (int j = 0; j < columns; j++)
                {
                    gradient[j] += error * row[j];
                    magnitude[j] += Math.Abs(error * row[j]);
                }

                biasGradient += error;
                magnitude[columns] += Math.Abs(error);
            }

            double squares = 0;
            foreach (double wj in w)
            {
                squares += wj * wj;
            }

            costs[it] = (cost / rows) + (0.5 * lambda / rows * squares);
            double largest = 0;
            foreach (double m in magnitude)
            {
                largest = Math.Max(largest, m / rows);
            }

            scale[it] = largest;
            for (int j = 0; j < columns; j++)
            {
                w[j] -= learningRate * ((gradient[j] / rows) + (lambda / rows * w[j]));
            }

            b -= learningRate * (biasGradient / rows);
        }

        return (w, b, costs, scale);
    }

    /// <summary>
    /// How far a device run in a type with unit roundoff <paramref name="epsilon"/> may be from the double
    /// reference, per weight (and bias) and per cost entry. Valid when α ≤ 1/L (L the gradient's Lipschitz
    /// constant), so that a step is non-expansive and earlier rounding errors are not amplified.
    /// </summary>
    /// <param name="costs">The reference costs.</param>
    /// <param name="gradientScale">The reference's per-step max_j Σ|error·x_j| / m.</param>
    /// <param name="largestWeight">The largest |weight| or |bias| of the reference.</param>
    /// <param name="rows">m.</param>
    /// <param name="columns">n.</param>
    /// <param name="warps">How many warps the device run used (<c>CudaRegressionTrainer.Warps</c>).</param>
    /// <param name="learningRate">α.</param>
    /// <param name="epsilon">2^−24 for float, 2^−53 for double.</param>
    /// <remarks>
    /// Per step, each gradient component is a sum of m terms error·x_j accumulated along at most
    /// k = ceil(m / warps) (one warp's rows) + 5 (warp tree) + 5 (block tree) + ceil(warps / 256) + 5 (combine)
    /// additions; each term carries the dot product's error (n + 5 roundings) and the error's own (≤ 4 more
    /// for σ through exp), so |δg_j| ≤ (k + n + 15)·ε·S with S = max_j Σ|error·x_j| / m. A non-expansive step
    /// adds α‖δg‖₂ ≤ α·√(n+1)·max_j|δg_j| to the weight error, and the update's own rounding
    /// ε·(|w| + α|g|) ≤ 2ε·max|w|. Summed over T steps that is the weight bound. The cost is a sum of m
    /// losses along the same k additions (relative error (k + n + 15)ε), evaluated at weights off by at most
    /// the weight bound in each of n + 1 components, where its gradient is at most S per component.
    /// </remarks>
    public static (double Weight, double[] Cost) ErrorBounds(
        double[] costs, double[] gradientScale, double largestWeight, int rows, int columns, uint warps, double learningRate, double epsilon)
    {
        long k = ((rows + warps - 1) / warps) + 5 + 5 + ((warps + 255) / 256) + 5;
        double scale = 0;
        foreach (double s in gradientScale)
        {
            scale = Math.Max(scale, s);
        }

        int iterations = costs.Length;
        double weight = iterations * epsilon * ((learningRate * Math.Sqrt(columns + 1) * (k + columns + 15) * scale) + (2 * largestWeight));
        var cost = new double[iterations];
        for (int t = 0; t < iterations; t++)
        {
            cost[t] = ((k + columns + 15) * epsilon * Math.Abs(costs[t])) + ((columns + 1) * scale * weight);
        }

        return (weight, cost);
    }
}
