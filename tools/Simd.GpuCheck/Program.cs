using System;
using System.Globalization;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// Runs every kernel shape and the gradient-descent trainer on the GPU against the CPU, then the device
/// benchmarks. Exit codes: 0 all passed, 1 a mismatch, 2 no GPU (the reason is printed), 3 an error, 64 usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        double gigabytes = 2;
        bool benchmarks = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-benchmarks":
                    benchmarks = false;
                    break;
                case "--gb" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out gigabytes) && gigabytes > 0:
                    i++;
                    break;
                default:
                    Console.Error.WriteLine("usage: Simd.GpuCheck [--gb <GB per benchmark array, default 2>] [--no-benchmarks]");
                    return ExitCode.Usage;
            }
        }

        Console.WriteLine("Simd GPU check");
        if (!CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason))
        {
            Console.WriteLine($"NO GPU: {reason}");
            return ExitCode.NoGpu;
        }

        Console.WriteLine(device);
        try
        {
            var report = new Report();
            KernelChecks.Run(device, report);
            TrainerChecks.Run(device, report);
            if (benchmarks)
            {
                DeviceBenchmarks.Run(device, gigabytes);
            }

            Console.WriteLine();
            Console.WriteLine(report.Failures == 0 ? $"ALL {report.Passes} CHECKS PASSED" : $"{report.Failures} CHECK(S) FAILED, {report.Passes} passed");
            return report.Failures == 0 ? ExitCode.Passed : ExitCode.Mismatch;
        }
        catch (Exception e) when (e is CudaException or CudaUnavailableException or ArgumentException or InvalidOperationException)
        {
            Console.WriteLine($"ERROR: {e}");
            return ExitCode.Error;
        }
    }
}
