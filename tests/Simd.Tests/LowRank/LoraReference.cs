using System;

namespace Simd.Tests.LowRank;

/// <summary>Double-precision references for the adapter: the explicit merged matrix and products with absolute values for bounds.</summary>
internal static class LoraReference
{
    public const double FloatRoundoff = 5.9604644775390625e-08; // 2⁻²⁴

    public static double Gamma(int n) => n * FloatRoundoff / (1 - (n * FloatRoundoff));

    public static float[] Random(int count, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(((random.NextDouble() * 2) - 1) * scale);
        }

        return values;
    }

    /// <summary>The explicit W' = W + s·B·A (d × k) in double, and |W| + |s|·|B|·|A| for bounds.</summary>
    public static (double[] Merged, double[] Magnitude) Merge(float[] w, int ldw, float[] b, float[] a, int d, int k, int r, double s)
    {
        var merged = new double[d * k];
        var magnitude = new double[d * k];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double t = 0, abs = 0;
                for (int q = 0; q < r; q++)
                {
                    t += (double)b[(i * r) + q] * a[(q * k) + j];
                    abs += Math.Abs((double)b[(i * r) + q] * a[(q * k) + j]);
                }

                merged[(i * k) + j] = w[(i * ldw) + j] + (s * t);
                magnitude[(i * k) + j] = Math.Abs(w[(i * ldw) + j]) + (Math.Abs(s) * abs);
            }
        }

        return (merged, magnitude);
    }

    /// <summary>y = W'·x in double for the explicit W', and (|W| + |s||B||A|)·|x| — which bounds |W||x| + |s||B|(|A||x|) — for bounds.</summary>
    public static (double[] Value, double[] Magnitude) Apply(double[] merged, double[] mergedMagnitude, int d, int k, ReadOnlySpan<float> x)
    {
        var value = new double[d];
        var magnitude = new double[d];
        for (int i = 0; i < d; i++)
        {
            double t = 0, abs = 0;
            for (int j = 0; j < k; j++)
            {
                t += merged[(i * k) + j] * x[j];
                abs += mergedMagnitude[(i * k) + j] * Math.Abs(x[j]);
            }

            value[i] = t;
            magnitude[i] = abs;
        }

        return (value, magnitude);
    }
}
