using System;
using System.Globalization;
using System.Runtime.InteropServices;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// Records what it runs on (the host, the CPU path, the driver, NVRTC and the files they came from, the device
/// and the compile target), runs the CPU kernel checks on this machine, then on the GPU every kernel shape, the
/// generated kernels, the trainer, a map and a sum over 2³¹ + 1000 floats, 16 threads at once and the NVRTC
/// error path against the CPU, and the device benchmarks. Exit codes: 0 all passed, 1 a mismatch, 2 no GPU
/// (the reason is printed; a run without a GPU has failed), 3 a check threw, 64 usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.WriteLine($"ERROR (unhandled): {e.ExceptionObject}");
            Console.WriteLine("RESULT: FAILED (a check threw)");
            Environment.Exit(ExitCode.Error);
        };

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
        Console.WriteLine($"host: {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical processors, .NET {Environment.Version}");
        var report = new Report();
        report.Run("CPU kernels", () => CpuChecks.Run(report));

        Report.Section("CUDA");
        bool opened = CudaDevice.TryOpenDefault(out CudaDevice? device, out string reason);
        Console.WriteLine($"   {CudaRuntime.Describe()}");
        if (!opened)
        {
            Console.WriteLine($"NO GPU: {reason}");
            Console.WriteLine($"RESULT: FAILED (no GPU; {report.Passes} CPU checks passed, {report.Failures} failed, {report.Errors} errors)");
            return ExitCode.NoGpu;
        }

        CudaDevice gpu = device!;
        Console.WriteLine($"   {gpu}");
        report.Run("compile target", () =>
        {
            CompileTarget target = NvrtcCompiler.TargetFor(gpu.ComputeCapability);
            Console.WriteLine($"   NVRTC architectures: {string.Join(' ', NvrtcCompiler.SupportedArchitectures())}; kernels compile to {target.Architecture} ({(target.IsCubin ? "a cubin, no driver JIT" : "PTX for the driver's JIT")})");
        });

        report.Run("kernel shapes", () => KernelChecks.Run(gpu, report));
        report.Run("generated kernels", () => GeneratedDeviceChecks.Run(gpu, report));
        report.Run("gradient descent", () => TrainerChecks.Run(gpu, report));
        report.Run("optimizers", () => OptimizerChecks.Run(gpu, report));
        report.Run("large", () => LargeChecks.Run(gpu, report));
        report.Run("concurrency", () => ConcurrencyChecks.Run(gpu, report));
        report.Run("error paths", () => ErrorPathChecks.Run(gpu, report));
        report.Run("synchronise", gpu.Synchronize);
        if (benchmarks)
        {
            report.Run("benchmarks", () => DeviceBenchmarks.Run(gpu, gigabytes));
        }

        Console.WriteLine();
        if (report.Errors > 0)
        {
            Console.WriteLine($"RESULT: FAILED ({report.Errors} group(s) threw, {report.Failures} check(s) failed, {report.Passes} passed)");
            return ExitCode.Error;
        }

        Console.WriteLine(report.Failures == 0 ? $"RESULT: ALL {report.Passes} CHECKS PASSED" : $"RESULT: FAILED ({report.Failures} check(s) failed, {report.Passes} passed)");
        return report.Failures == 0 ? ExitCode.Passed : ExitCode.Mismatch;
    }
}
