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

            // Two ref lanes, both written by one launch (a is Axpy's result now; b serves as the gradient).
            float[] weight = da.ToArray(), velocity = b.Select(v => v * 0.5f).ToArray();
            using var dv = DeviceBuffer<float>.FromSpan(device, velocity);
            HostKernels.Momentum(weight, velocity, b, 0.01f, 0.9f);
            HostKernels.Momentum(da, dv, db, 0.01f, 0.9f);
            float[] gw = da.ToArray(), gv = dv.ToArray();
            wrong = Enumerable.Range(0, n).FirstOrDefault(i => !KernelChecks.SameBits(weight[i], gw[i]) || !KernelChecks.SameBits(velocity[i], gv[i]), -1);
            report.Check(wrong < 0, $"generated two-ref-lane Momentum n={n}", wrong < 0 ? $"{n} elements of both lanes bit-identical" : $"element {wrong}: CPU ({weight[wrong]}, {velocity[wrong]}), device ({gw[wrong]}, {gv[wrong]})");

            // An out lane and a returned value, x = b in [−1, 1]. Exp is libdevice's on the device: within its documented 2 ulp, not bit-exact.
            float[] s = new float[n], grad = new float[n];
            using var dgrad = DeviceBuffer<float>.Allocate(device, n);
            HostKernels.SigmoidWithGrad(db, dgrad, destination);
            HostKernels.SigmoidWithGrad(b, grad, s);
            float[] gs = destination.ToArray(), gg = dgrad.ToArray();
            wrong = Enumerable.Range(0, n).FirstOrDefault(i => !Close(s[i], gs[i]) || !Close(grad[i], gg[i]), -1);
            report.Check(wrong < 0, $"generated out-lane SigmoidWithGrad n={n}", wrong < 0 ? $"{n} values and gradients within 8 ulp" : $"element {wrong}: CPU ({s[wrong]}, {grad[wrong]}), device ({gs[wrong]}, {gg[wrong]})");
        }
    }

    // exp within 2 ulp (CUDA C++ Programming Guide), carried through 1 / (1 + e) and s(1 − s): a few ulp of the result.
    private static bool Close(float expected, float actual)
        => Math.Abs(expected - actual) <= 8 * Math.Max(float.Epsilon, MathF.BitIncrement(MathF.Abs(expected)) - MathF.Abs(expected));
}
