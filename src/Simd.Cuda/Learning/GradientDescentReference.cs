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
}
