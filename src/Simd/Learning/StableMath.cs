using System;

namespace Simd.Learning;

/// <summary>Numerically careful scalar pieces of the logistic and softmax formulas.</summary>
internal static class StableMath
{
    /// <summary>
    /// log(1 + x) accurate for small x (the BCL's <c>LogP1</c> is <c>Log(x + 1)</c>, which loses every digit of
    /// x below 1e−16): with u = 1 + x rounded, log(u) · x / (u − 1) cancels the rounding of u.
    /// </summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^−|z|): no overflow for large z, no log(0).</summary>
    public static double Softplus(double z) => Math.Max(z, 0.0) + Log1P(Math.Exp(-Math.Abs(z)));
}
