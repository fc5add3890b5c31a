using System;
using System.Collections.Generic;
using System.Linq;
using Simd;
using Simd.Cuda;
using Simd.Cuda.Learning;

namespace Simd.GpuCheck;

/// <summary>
/// Device throughput measured with CUDA events in one run: device-to-device copy bandwidth first (the
/// ceiling), then Dot (the Sum of a·b), Axpy (the in-place map y + α·x) and one gradient-descent iteration,
/// each reported as GB/s of memory traffic and as a fraction of the copy bandwidth.
/// </summary>
internal static class DeviceBenchmarks
{
    private const int Repetitions = 10;

    /// <summary>Runs the benchmarks with arrays of about <paramref name="gigabytesPerArray"/> GB each.</summary>
    public static void Run(CudaDevice device, double gigabytesPerArray)
    {
        Report.Section("Device benchmarks (median of 10, CUDA events)");

        // Two arrays of the requested size, but never more than a quarter of the device memory in all.
        long bytes = (long)Math.Min(gigabytesPerArray * 1e9, device.TotalMemory / 8.0);
        long n = bytes / sizeof(float) / 256 * 256;
        Report.Info($"float arrays of {n:N0} elements ({n * 4 / 1e9:F2} GB each)");

        using var x = DeviceBuffer<float>.Allocate(device, n);
        using var y = DeviceBuffer<float>.Allocate(device, n);
        using var timer = new CudaTimer(device);
        x.Clear();
        y.Clear();

        // Copy: reads n·4 bytes and writes n·4 bytes.
        double copy = Bandwidth(2.0 * n * sizeof(float), Median(timer, () => x.CopyTo(y)));
        Report.Info($"device-to-device copy: {copy:F0} GB/s (read + write)");

        // Dot: reads both arrays.
        CudaKernelDefinition multiply = CheckKernels.Multiply(isDouble: false);
        double dot = Bandwidth(2.0 * n * sizeof(float), Median(timer, () => CudaKernels.Sum(multiply, [x, y], [])));
        Line("Dot (Sum of a·b)", dot, copy);

        // Axpy in place: reads x and y, writes y.
        CudaKernelDefinition axpy = CheckKernels.Axpy(isDouble: false);
        double axpyRate = Bandwidth(3.0 * n * sizeof(float), Median(timer, () => CudaKernels.Map(axpy, [y, x], [0.5f], y)));
        Line("Axpy (y ← y + α·x in place)", axpyRate, copy);

        // One gradient-descent iteration on 10M × 32 floats: reads X and y once (the combine is tiny).
        const int rows = 10_000_000, columns = 32;
        if ((long)rows * columns * sizeof(float) * 2 < device.TotalMemory)
        {
            var random = new Random(1);
            float[] features = new float[(long)rows * columns <= Array.MaxLength ? rows * columns : 0];
            for (int i = 0; i < features.Length; i++)
            {
                features[i] = (float)((random.NextDouble() * 2) - 1);
            }

            float[] targets = new float[rows];
            for (int i = 0; i < rows; i++)
            {
                targets[i] = (float)random.NextDouble();
            }

            using var trainer = new CudaRegressionTrainer<float>(new ReadOnlyMatrixView<float>(features, rows, columns), targets, RegressionKind.Linear, device);
            using var costs = DeviceBuffer<float>.Allocate(device, 1);
            double milliseconds = Median(timer, () => trainer.Iterate(0.01f, 0f, 1, costs));
            double gd = Bandwidth(((double)rows * columns * sizeof(float)) + ((double)rows * sizeof(float)), milliseconds);
            Report.Info($"one gradient-descent iteration, linear, {rows:N0}×{columns} float: {milliseconds:F3} ms");
            Line("Gradient-descent iteration", gd, copy);
        }
    }

    private static void Line(string what, double rate, double copy)
        => Report.Info($"{what}: {rate:F0} GB/s = {100 * rate / copy:F0}% of copy bandwidth{(rate / copy >= 0.8 ? string.Empty : "  (below the 80% target)")}");

    private static double Bandwidth(double bytes, double milliseconds) => bytes / (milliseconds * 1e-3) / 1e9;

    private static double Median(CudaTimer timer, Action work)
    {
        work(); // warm-up: compiles and loads the module, faults in the pages
        var times = new List<double>(Repetitions);
        for (int i = 0; i < Repetitions; i++)
        {
            timer.Start();
            work();
            times.Add(timer.StopMilliseconds());
        }

        times.Sort();
        return times[Repetitions / 2];
    }
}
