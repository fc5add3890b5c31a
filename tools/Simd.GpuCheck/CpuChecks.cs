using System;
using System.Linq;
using Simd.Hardware;

namespace Simd.GpuCheck;

/// <summary>
/// The generated kernels' CPU paths on this machine against their scalar methods: maps bit for bit (NaN
/// payloads aside), the in-place ref-lane update, min and max exactly, sums within the bound of
/// <c>SumDriver</c> (k = ⌈n / 4L⌉ + L + 4 roundings for L lanes per vector, as the unit tests derive it).
/// </summary>
internal static class CpuChecks
{
    private static readonly int[] Lengths = [0, 1, 3, 15, 16, 17, 63, 64, 65, 1000, 4099, 1_000_003, 16_777_259];

    /// <summary>Prints which path ran and on what, then runs the checks.</summary>
    public static void Run(Report report)
    {
        Report.Section("CPU kernels on this machine");
        Report.Info($"path {SimdHardware.Path} ({SimdHardware.PathBits}-bit), {Environment.ProcessorCount} logical processors, features {string.Join(' ', SimdHardware.Features)}");
        Report.Info($"runtime knobs: {(SimdHardware.RuntimeKnobs.Length == 0 ? "none" : string.Join(' ', SimdHardware.RuntimeKnobs))}");
        foreach (int n in Lengths)
        {
            Single(report, n);
            Double(report, n);
        }
    }

    private static void Single(Report report, int n)
    {
        (float[] a, float[] b) = Inputs<float>(n, n);
        float[] expected = a.Zip(b, HostKernels.SquaredDifference).ToArray();
        float[] mapped = new float[n];
        HostKernels.SquaredDifference(a, b, mapped);
        report.Check(FirstDifference(expected, mapped, out string where), $"cpu map float n={n}", where);

        float[] y = (float[])a.Clone();
        HostKernels.Axpy(y, b, 0.375f);
        float[] expectedY = a.Zip(b, (yi, xi) => { HostKernels.Axpy(ref yi, xi, 0.375f); return yi; }).ToArray();
        report.Check(FirstDifference(expectedY, y, out where), $"cpu in-place update float n={n}", where);

        float[] clamped = new float[n];
        HostKernels.Clamp(-0f, a, 2.5f, clamped);
        report.Check(FirstDifference(a.Select(x => HostKernels.Clamp(-0f, x, 2.5f)).ToArray(), clamped, out where), $"cpu map with uniforms float n={n}", where);
        if (n > 0)
        {
            float min = HostKernels.SquaredDifferenceMin(a, b), max = HostKernels.SquaredDifferenceMax(a, b);
            report.Check(KernelChecks.SameBits(expected.Aggregate(MathF.Min), min) && KernelChecks.SameBits(expected.Aggregate(MathF.Max), max), $"cpu min/max float n={n}", $"({min}, {max})");
        }

        float sum = HostKernels.SquaredDifferenceSum(a, b);
        SumCheck(report, $"cpu sum float n={n}", sum, expected.Select(v => (double)v).ToArray(), sizeof(float), Math.Pow(2, -24));
    }

    private static void Double(Report report, int n)
    {
        (double[] a, double[] b) = Inputs<double>(n, n + 1);
        double[] expected = a.Zip(b, HostKernels.SquaredDifferenceDouble).ToArray();
        double[] mapped = new double[n];
        HostKernels.SquaredDifferenceDouble(a, b, mapped);
        report.Check(FirstDifference(expected, mapped, out string where), $"cpu map double n={n}", where);

        double[] y = (double[])a.Clone();
        HostKernels.AxpyDouble(y, b, 0.375);
        double[] expectedY = a.Zip(b, (yi, xi) => { HostKernels.AxpyDouble(ref yi, xi, 0.375); return yi; }).ToArray();
        report.Check(FirstDifference(expectedY, y, out where), $"cpu in-place update double n={n}", where);
        if (n > 0)
        {
            double min = HostKernels.SquaredDifferenceDoubleMin(a, b), max = HostKernels.SquaredDifferenceDoubleMax(a, b);
            report.Check(KernelChecks.SameBits(expected.Aggregate(Math.Min), min) && KernelChecks.SameBits(expected.Aggregate(Math.Max), max), $"cpu min/max double n={n}", $"({min}, {max})");
        }

        double sum = HostKernels.SquaredDifferenceDoubleSum(a, b);
        SumCheck(report, $"cpu sum double n={n}", sum, expected, sizeof(double), Math.Pow(2, -53));
    }

    private static void SumCheck(Report report, string what, double sum, double[] terms, int elementSize, double unitRoundoff)
    {
        // A Neumaier-compensated double reference: its own error is far below the bound.
        double exact = 0, compensation = 0, magnitude = 0;
        foreach (double t in terms)
        {
            double next = exact + t;
            compensation += Math.Abs(exact) >= Math.Abs(t) ? (exact - next) + t : (t - next) + exact;
            exact = next;
            magnitude += Math.Abs(t);
        }

        exact += compensation;
        if (double.IsNaN(exact))
        {
            report.Check(double.IsNaN(sum), what, $"{sum} (the terms include a NaN)");
            return;
        }

        int lanes = SimdHardware.Path == SimdPath.Scalar ? 1 : SimdHardware.PathBits / 8 / elementSize;
        long k = SimdHardware.Path == SimdPath.Scalar ? terms.Length + 1 : ((terms.Length + (4L * lanes) - 1) / (4L * lanes)) + lanes + 4;
        if (k * unitRoundoff >= 0.5)
        {
            // One accumulator over this many float terms (the scalar path): γ_k gives no usable bound.
            Report.Info($"{what}: {sum} (no error bound for {terms.Length} terms on the {SimdHardware.Path} path; not checked)");
            return;
        }

        double bound = (k * unitRoundoff / (1 - (k * unitRoundoff)) * magnitude) + (unitRoundoff * Math.Abs(exact));
        double error = Math.Abs(sum - exact);
        report.Check(error <= bound, what, $"{sum}, error {Report.Format(error)} ≤ bound {Report.Format(bound)}");
    }

    private static (T[] A, T[] B) Inputs<T>(int n, int seed)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[] a = new T[n], b = new T[n];
        T[] specials = [T.NaN, T.Zero, -T.Zero, T.PositiveInfinity, T.NegativeInfinity, T.Epsilon, T.One];
        for (int i = 0; i < n; i++)
        {
            a[i] = n < 100_000 && i < specials.Length && n % 2 == 1 ? specials[i] : T.CreateTruncating((random.NextDouble() * 200) - 100);
            b[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
        }

        return (a, b);
    }

    private static bool FirstDifference<T>(T[] expected, T[] actual, out string detail)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!KernelChecks.SameBits(expected[i], actual[i]))
            {
                detail = $"element {i}: scalar {expected[i]}, {SimdHardware.Path} {actual[i]}";
                return false;
            }
        }

        detail = $"{expected.Length} elements bit-identical (NaN payloads aside)";
        return true;
    }
}
