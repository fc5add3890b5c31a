using System;
using System.Runtime.InteropServices;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// One map and one sum over n = 2³¹ + 1000 floats: past every 32-bit index, so a truncated index or a grid that
/// does not stride over the whole length shows up as a wrong or missing element. Every element is checked.
/// </summary>
internal static class LargeChecks
{
    /// <summary>The length: 2³¹ + 1000.</summary>
    public const long Length = (1L << 31) + 1000;

    private const int Chunk = 1 << 24;
    private const int Period = 1024;

    /// <summary>Runs the map and the sum; the device needs about 17.2 GB free.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section($"Large: n = 2^31 + 1000 = {Length:N0} floats (64-bit indices, grid-stride loops)");
        long needed = 2 * Length * sizeof(float);
        if (device.TotalMemory < needed + (1L << 30))
        {
            report.Check(false, "large map and sum", $"the device has {device.TotalMemory / 1e9:F1} GB; the check needs {needed / 1e9:F1} GB");
            return;
        }

        // x[i] = (i mod 1024) / 4: exact in float, and every 2^24-element chunk is the same.
        float[] pattern = new float[Chunk];
        for (int i = 0; i < Chunk; i++)
        {
            pattern[i] = (i % Period) * 0.25f;
        }

        float[] twice = Array.ConvertAll(pattern, v => v + v);
        using var x = DeviceBuffer<float>.Allocate(device, Length);
        using var y = DeviceBuffer<float>.Allocate(device, Length);
        for (long start = 0; start < Length; start += Chunk)
        {
            int count = (int)Math.Min(Chunk, Length - start);
            using DeviceBuffer<float> slice = x.Slice(start, count);
            slice.Upload(pattern.AsSpan(0, count));
        }

        y.Clear();
        CudaKernelDefinition kernel = CheckKernels.Twice(isDouble: false);
        CudaKernels.Map(kernel, [x], [], y);

        // Every element, a chunk at a time.
        float[] back = new float[Chunk];
        long firstWrong = -1, wrong = 0;
        for (long start = 0; start < Length; start += Chunk)
        {
            int count = (int)Math.Min(Chunk, Length - start);
            using DeviceBuffer<float> slice = y.Slice(start, count);
            slice.Download(back.AsSpan(0, count));
            if (!MemoryMarshal.AsBytes(back.AsSpan(0, count)).SequenceEqual(MemoryMarshal.AsBytes(twice.AsSpan(0, count))))
            {
                for (int i = 0; i < count; i++)
                {
                    if (BitConverter.SingleToInt32Bits(back[i]) != BitConverter.SingleToInt32Bits(twice[i]))
                    {
                        firstWrong = firstWrong < 0 ? start + i : firstWrong;
                        wrong++;
                    }
                }
            }
        }

        report.Check(wrong == 0, $"map x + x over {Length:N0} elements", wrong == 0 ? "every element exact, including the 1000 past index 2^31" : $"{wrong:N0} wrong elements, the first at index {firstWrong:N0}");

        // Σ 2x exactly: q full periods of 2·0.25·(0 + … + 1023) plus the remainder r.
        long q = Length / Period, r = Length % Period;
        double exact = 2 * 0.25 * ((q * (Period * (Period - 1) / 2.0)) + (r * (r - 1) / 2.0));
        float sum = CudaKernels.Sum(kernel, [x], []);
        double bound = 1.01 * CudaKernels.SumAdditionsBound(Length) * Math.Pow(2, -24) * exact;
        double error = Math.Abs(sum - exact);
        report.Check(error <= bound, $"sum of x + x over {Length:N0} elements", $"device {sum}, exact {Report.Format(exact)}, error {Report.Format(error)} ≤ bound {Report.Format(bound)}");
    }
}
