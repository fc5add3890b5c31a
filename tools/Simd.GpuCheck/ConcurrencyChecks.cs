using System;
using System.Linq;
using System.Threading;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// 16 host threads launching at once on one device: a kernel none of them has compiled yet (so the first
/// compilation races), then maps and sums on each thread's own buffers, each checked against the CPU, and the
/// sums repeated to show they are reproducible while other threads run.
/// </summary>
internal static class ConcurrencyChecks
{
    private const int Threads = 16;
    private const int Rounds = 20;

    /// <summary>Runs the threads and checks each one's results.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section($"Concurrency: {Threads} host threads launching on one device");
        CudaKernelDefinition kernel = CheckKernels.Contended();
        var failures = new string?[Threads];
        using var start = new Barrier(Threads);
        Thread[] threads = Enumerable.Range(0, Threads).Select(t => new Thread(() => failures[t] = Work(device, kernel, t, start))).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        for (int t = 0; t < Threads; t++)
        {
            report.Check(failures[t] is null, $"thread {t}: {Rounds} maps and sums", failures[t] ?? "every map exact, every sum within its bound and identical across rounds");
        }

        int compiled = KernelCache.CompileCount(device, ModuleKey.Of(kernel));
        report.Check(compiled == 1, "the contended kernel compiled once", $"{compiled} compilation(s)");
    }

    private static string? Work(CudaDevice device, CudaKernelDefinition kernel, int thread, Barrier start)
    {
        bool started = false;
        try
        {
            int n = 1_000_003 + (thread * 4099);
            var random = new Random(thread);
            float[] a = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 20) - 10)).ToArray();
            float[] b = Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            float[] expected = a.Zip(b, CheckKernels.SquaredDifference).ToArray();
            double exact = expected.Sum(v => (double)v);
            double bound = 1.01 * CudaKernels.SumAdditionsBound(n) * Math.Pow(2, -24) * exact;
            using var da = DeviceBuffer<float>.FromSpan(device, a);
            using var db = DeviceBuffer<float>.FromSpan(device, b);
            using var destination = DeviceBuffer<float>.Allocate(device, n);
            started = true;
            start.SignalAndWait();

            float? first = null;
            for (int round = 0; round < Rounds; round++)
            {
                destination.Clear();
                CudaKernels.Map(kernel, [da, db], [], destination);
                float[] mapped = destination.ToArray();
                for (int i = 0; i < n; i++)
                {
                    if (!KernelChecks.SameBits(expected[i], mapped[i]))
                    {
                        return $"round {round}, element {i}: CPU {expected[i]}, device {mapped[i]}";
                    }
                }

                float sum = CudaKernels.Sum(kernel, [da, db], []);
                if (Math.Abs(sum - exact) > bound)
                {
                    return $"round {round}: sum {sum}, exact {Report.Format(exact)}, bound {Report.Format(bound)}";
                }

                if (first is { } earlier && BitConverter.SingleToInt32Bits(earlier) != BitConverter.SingleToInt32Bits(sum))
                {
                    return $"round {round}: sum {sum} differs from round 0's {earlier}";
                }

                first = sum;
            }

            return null;
        }
        catch (Exception e)
        {
            if (!started)
            {
                start.RemoveParticipant();
            }

            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
