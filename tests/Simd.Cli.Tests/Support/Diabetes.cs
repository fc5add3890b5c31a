using System;
using System.IO;
using Simd.Cli.Data;

namespace Simd.Cli.Tests.Support;

/// <summary>The embedded diabetes data and its column statistics, computed here in double independently of the library.</summary>
internal static class Diabetes
{
    public static DataSet Load()
    {
        using TextReader text = EmbeddedData.OpenDiabetes();
        return DataSet.Read(text, EmbeddedData.DiabetesName, null);
    }

    /// <summary>Per feature: the mean and the population standard deviation (ddof = 0), as z-score scaling uses.</summary>
    public static (double[] Mean, double[] Sigma) Moments(DataSet data)
    {
        int m = data.Rows, n = data.FeatureCount;
        var mean = new double[n];
        var sigma = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < m; i++)
            {
                sum += data.Features[(i * n) + j];
            }

            mean[j] = sum / m;
            double squares = 0;
            for (int i = 0; i < m; i++)
            {
                double d = data.Features[(i * n) + j] - mean[j];
                squares += d * d;
            }

            sigma[j] = Math.Sqrt(squares / m);
        }

        return (mean, sigma);
    }

    /// <summary>R = ZᵀZ/m for the z-scored features Z: the Hessian of the squared-error cost with respect to w.</summary>
    public static double[] CorrelationMatrix(DataSet data)
    {
        (double[] mean, double[] sigma) = Moments(data);
        int m = data.Rows, n = data.FeatureCount;
        var r = new double[n * n];
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < n; p++)
            {
                double zp = (data.Features[(i * n) + p] - mean[p]) / sigma[p];
                for (int q = 0; q < n; q++)
                {
                    r[(p * n) + q] += zp * (data.Features[(i * n) + q] - mean[q]) / sigma[q];
                }
            }
        }

        for (int k = 0; k < r.Length; k++)
        {
            r[k] /= m;
        }

        return r;
    }
}
