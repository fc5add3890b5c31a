using System;
using System.Linq;
using System.Numerics;
using Simd.Hardware;
using Xunit;

namespace Simd.Tests.Support;

/// <summary>Calls a generated map with the lanes of a <see cref="LaneCase"/> and a destination inside a guarded buffer.</summary>
internal delegate void SingleMap(float[][] buffers, int[] offsets, int length, Span<float> destination);

/// <summary>Double-precision <see cref="SingleMap"/>.</summary>
internal delegate void DoubleMap(double[][] buffers, int[] offsets, int length, Span<double> destination);

/// <summary>Either of <see cref="SingleMap"/> and <see cref="DoubleMap"/>, for the shared checking code.</summary>
internal delegate void MapCall<T>(T[][] buffers, int[] offsets, int length, Span<T> destination);

/// <summary>
/// The comparisons every kernel shape is held to: maps bit-exact with the scalar method and no write
/// outside the destination; min/max equal to the scalar fold; sums within the stated bound of the exact sum.
/// </summary>
internal static class KernelCheck
{
    private const float Guard = -12345.678f;

    /// <summary>Unit roundoff of float, 2⁻²⁴.</summary>
    public static readonly double UnitRoundoffSingle = Math.ScaleB(1.0, -24);

    /// <summary>Unit roundoff of double, 2⁻⁵³.</summary>
    public static readonly double UnitRoundoffDouble = Math.ScaleB(1.0, -53);

    public static void Map(LaneCase c, int lanes, Func<float[], float> scalar, SingleMap generated)
        => Map(c, lanes, lane => c.SingleBuffer(lane, out _), scalar, (b, o, n, d) => generated(b, o, n, d));

    public static void Map(LaneCase c, int lanes, Func<double[], double> scalar, DoubleMap generated)
        => Map(c, lanes, lane => c.DoubleBuffer(lane, out _), scalar, (b, o, n, d) => generated(b, o, n, d));

    private static void Map<T>(LaneCase c, int lanes, Func<int, T[]> buffer, Func<T[], T> scalar, MapCall<T> generated)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T guard = T.CreateTruncating(Guard);
        T[][] buffers = Enumerable.Range(0, lanes).Select(buffer).ToArray();
        int destinationOffset = c.Offsets[4];
        var destination = new T[destinationOffset + c.Length + 19];
        Array.Fill(destination, guard);

        generated(buffers, c.Offsets, c.Length, destination.AsSpan(destinationOffset, c.Length + 3));

        var arguments = new T[lanes];
        for (int i = 0; i < c.Length; i++)
        {
            for (int l = 0; l < lanes; l++)
            {
                arguments[l] = buffers[l][c.Offsets[l] + i];
            }

            T expected = scalar(arguments);
            T actual = destination[destinationOffset + i];
            Assert.True(Values.Same(expected, actual), $"element {i} of {c.Length} on {SimdHardware.Path}: expected {expected:R} ({string.Join(", ", arguments.Select(a => a.ToString("R", null)))}), got {actual:R}");
        }

        for (int i = 0; i < destination.Length; i++)
        {
            if (i < destinationOffset || i >= destinationOffset + c.Length)
            {
                Assert.True(destination[i] == guard, $"the map wrote outside its destination at buffer index {i}");
            }
        }
    }

    /// <summary>The values of the scalar method over the lanes of <paramref name="c"/>.</summary>
    public static float[] Terms(LaneCase c, int lanes, Func<float[], float> scalar)
    {
        float[][] columns = Enumerable.Range(0, lanes).Select(c.Singles).ToArray();
        return Enumerable.Range(0, c.Length).Select(i => scalar(columns.Select(col => col[i]).ToArray())).ToArray();
    }

    /// <inheritdoc cref="Terms(LaneCase, int, Func{float[], float})"/>
    public static double[] Terms(LaneCase c, int lanes, Func<double[], double> scalar)
    {
        double[][] columns = Enumerable.Range(0, lanes).Select(c.Doubles).ToArray();
        return Enumerable.Range(0, c.Length).Select(i => scalar(columns.Select(col => col[i]).ToArray())).ToArray();
    }

    public static void Extremum(float[] terms, float actual, bool max)
    {
        float expected = terms[0];
        foreach (float t in terms.Skip(1))
        {
            expected = max ? Math.Max(expected, t) : Math.Min(expected, t);
        }

        Assert.True(Values.Same(expected, actual), $"{(max ? "max" : "min")} of {terms.Length} on {SimdHardware.Path}: expected {expected:R}, got {actual:R}");
    }

    public static void Extremum(double[] terms, double actual, bool max)
    {
        double expected = terms[0];
        foreach (double t in terms.Skip(1))
        {
            expected = max ? Math.Max(expected, t) : Math.Min(expected, t);
        }

        Assert.True(Values.Same(expected, actual), $"{(max ? "max" : "min")} of {terms.Length} on {SimdHardware.Path}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>
    /// Asserts |actual − Σ tᵢ| ≤ γ(k+1)·Σ|tᵢ| (docs/authoring-kernels.md): k roundings per term from the
    /// accumulation order, one more because a product may be fused (its term is then not rounded at all).
    /// The reference sum is taken in double over float terms (exact to far below the bound).
    /// </summary>
    public static void Sum(float[] terms, float actual)
    {
        double exact = 0, absolute = 0;
        foreach (float t in terms)
        {
            exact += t;
            absolute += Math.Abs(t);
        }

        double bound = Gamma(Roundings(terms.Length, sizeof(float)) + 1, UnitRoundoffSingle) * absolute;
        Assert.True(Math.Abs(actual - exact) <= bound, $"sum of {terms.Length} on {SimdHardware.Path}: expected {exact:R} ± {bound:R}, got {actual:R}");
    }

    /// <summary>As <see cref="Sum(float[], float)"/>; the reference is a compensated (Neumaier) double sum, whose own error (≈ u·|Σ| + n²u²Σ|t|) is far below the bound.</summary>
    public static void Sum(double[] terms, double actual)
    {
        double sum = 0, compensation = 0, absolute = 0;
        foreach (double t in terms)
        {
            double s = sum + t;
            compensation += Math.Abs(sum) >= Math.Abs(t) ? (sum - s) + t : (t - s) + sum;
            sum = s;
            absolute += Math.Abs(t);
        }

        double exact = sum + compensation;
        double bound = (Gamma(Roundings(terms.Length, sizeof(double)) + 1, UnitRoundoffDouble) * absolute) + (UnitRoundoffDouble * Math.Abs(exact));
        Assert.True(Math.Abs(actual - exact) <= bound, $"sum of {terms.Length} on {SimdHardware.Path}: expected {exact:R} ± {bound:R}, got {actual:R}");
    }

    /// <summary>k = ⌈n/(4L)⌉ + L + 3 with L lanes on a vector path (four accumulators, then their combination and the lanes); n on the scalar path.</summary>
    public static int Roundings(int n, int elementSize)
    {
        if (SimdHardware.Path == SimdPath.Scalar)
        {
            return n;
        }

        int lanes = SimdHardware.PathBits / 8 / elementSize;
        return ((n + (4 * lanes) - 1) / (4 * lanes)) + lanes + 3;
    }

    private static double Gamma(int k, double u) => k * u / (1 - (k * u));
}
