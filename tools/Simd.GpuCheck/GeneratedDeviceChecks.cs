using System;
using System.Linq;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// The generator's own CUDA C on the device: the device overloads of <see cref="HostKernels"/> against their
/// CPU span overloads (maps bit for bit, NaN payloads aside; min/max exactly; the sum within the device bound).
/// </summary>
internal static class GeneratedDeviceChecks
{
    private static readonly int[] Lengths = [1, 257, 1_000_003];

    /// <summary>Runs the generated device overloads.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section("Generated kernels: device overloads vs CPU overloads");
        foreach (int n in Lengths)
        {
            var random = new Random(n);
            float[] a = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 200) - 100)).ToArray();
            float[] b = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            a[0] = float.NaN;
            using var da = DeviceBuffer<float>.FromSpan(device, a);
            using var db = DeviceBuffer<float>.FromSpan(device, b);
            using var destination = DeviceBuffer<float>.Allocate(device, n);

            float[] cpu = new float[n];
            HostKernels.SquaredDifference(a, b, cpu);
            HostKernels.SquaredDifference(da, db, destination);
            float[] gpu = destination.ToArray();
            int wrong = Enumerable.Range(0, n).FirstOrDefault(i => !KernelChecks.SameBits(cpu[i], gpu[i]), -1);
            report.Check(wrong < 0, $"generated map SquaredDifference n={n}", wrong < 0 ? $"{n} elements bit-identical (NaN payloads aside)" : $"element {wrong}: CPU {cpu[wrong]}, device {gpu[wrong]}");

            // Without the NaN for the reductions.
            a[0] = 1;
            da.Upload(a);
            HostKernels.SquaredDifference(a, b, cpu);
            float min = HostKernels.SquaredDifferenceMin(da, db), max = HostKernels.SquaredDifferenceMax(da, db);
            report.Check(KernelChecks.SameBits(HostKernels.SquaredDifferenceMin(a, b), min) && KernelChecks.SameBits(HostKernels.SquaredDifferenceMax(a, b), max), $"generated min/max SquaredDifference n={n}", $"device ({min}, {max})");
            double exact = cpu.Sum(v => (double)v);
            float sum = HostKernels.SquaredDifferenceSum(da, db);
            double bound = 1.01 * CudaKernels.SumAdditionsBound(n) * Math.Pow(2, -24) * exact;
            report.Check(Math.Abs(sum - exact) <= bound, $"generated sum SquaredDifference n={n}", $"device {sum}, exact {Report.Format(exact)}, bound {Report.Format(bound)}");

            float[] y = (float[])a.Clone();
            HostKernels.Axpy(y, b, 0.375f);
            HostKernels.Axpy(da, db, 0.375f);
            float[] updated = da.ToArray();
            wrong = Enumerable.Range(0, n).FirstOrDefault(i => !KernelChecks.SameBits(y[i], updated[i]), -1);
            report.Check(wrong < 0, $"generated in-place Axpy n={n}", wrong < 0 ? $"{n} elements bit-identical" : $"element {wrong}: CPU {y[wrong]}, device {updated[wrong]}");
        }
    }
}
