using System;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// Every kernel shape on the device against the CPU: maps bit for bit (FMA contraction is off; NaN payloads
/// aside), the in-place update of a ref lane, min and max exactly (Math.Min/Max semantics), and the sum within its bound.
/// </summary>
internal static class KernelChecks
{
    private static readonly int[] Lengths = [1, 31, 32, 255, 256, 257, 4099, 1_000_003];

    /// <summary>Runs the checks for float and double.</summary>
    public static void Run(CudaDevice device, Report report)
    {
        Report.Section("Kernel shapes: device vs CPU");
        Run<float>(device, report, isDouble: false, CheckKernels.SquaredDifference, CheckKernels.Axpy, CheckKernels.Clamp);
        Run<double>(device, report, isDouble: true, CheckKernels.SquaredDifference, CheckKernels.Axpy, CheckKernels.Clamp);
    }

    private static void Run<T>(CudaDevice device, Report report, bool isDouble, Func<T, T, T> squaredDifference, Func<T, T, T, T> axpy, Func<T, T, T, T> clamp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string type = typeof(T).Name.ToLowerInvariant();
        CudaKernelDefinition squared = CheckKernels.SquaredDifference(isDouble);
        CudaKernelDefinition update = CheckKernels.Axpy(isDouble);
        CudaKernelDefinition clamped = CheckKernels.Clamp(isDouble);
        double unitRoundoff = isDouble ? Math.Pow(2, -53) : Math.Pow(2, -24);

        foreach (int n in Lengths)
        {
            (T[] a, T[] b) = Inputs<T>(n, seed: n);
            using var da = DeviceBuffer<T>.FromSpan(device, a);
            using var db = DeviceBuffer<T>.FromSpan(device, b);
            using var destination = DeviceBuffer<T>.Allocate(device, n);

            // Map with two lanes.
            CudaKernels.Map(squared, [da, db], [], destination);
            T[] mapped = destination.ToArray();
            T[] expected = a.Zip(b, squaredDifference).ToArray();
            report.Check(FirstBitDifference(expected, mapped, out string where), $"map {squared.Name} n={n}", where);

            // Map with a uniform, in place on the ref lane.
            T alpha = T.CreateTruncating(0.375);
            da.CopyTo(destination);
            CudaKernels.Map(update, [destination, db], [alpha], destination);
            T[] updated = destination.ToArray();
            T[] expectedUpdate = a.Zip(b, (y, x) => axpy(y, x, alpha)).ToArray();
            report.Check(FirstBitDifference(expectedUpdate, updated, out where), $"in-place update {update.Name} n={n}", where);

            // Uniforms around a lane, Math.Min/Max inside the device function.
            T lo = -T.Zero, hi = T.CreateTruncating(2.5);
            CudaKernels.Map(clamped, [da], [lo, hi], destination);
            T[] clampedValues = destination.ToArray();
            report.Check(FirstBitDifference(a.Select(x => clamp(lo, x, hi)).ToArray(), clampedValues, out where), $"map {clamped.Name} (uniforms) n={n}", where);

            // Min and max fold exactly like Math.Min/Max over the mapped values.
            T min = CudaKernels.Min(squared, [da, db], []);
            T max = CudaKernels.Max(squared, [da, db], []);
            report.Check(SameBits(expected.Aggregate(T.Min), min), $"min {squared.Name} n={n}", $"device {min}, CPU {expected.Aggregate(T.Min)}");
            report.Check(SameBits(expected.Aggregate(T.Max), max), $"max {squared.Name} n={n}", $"device {max}, CPU {expected.Aggregate(T.Max)}");

            // Sum within γ_k Σ|v| of the exact sum of the mapped values (k: additions along the longest path,
            // derived in CudaKernels.SumAdditionsBound).
            T sum = CudaKernels.Sum(squared, [da, db], []);
            double exact = 0, magnitude = 0;
            foreach (T v in expected)
            {
                exact += double.CreateTruncating(v);
                magnitude += Math.Abs(double.CreateTruncating(v));
            }

            long k = CudaKernels.SumAdditionsBound(n);
            double bound = 1.01 * k * unitRoundoff * magnitude;
            double error = Math.Abs(double.CreateTruncating(sum) - exact);
            report.Check(error <= bound, $"sum {squared.Name} n={n}", $"device {sum}, exact {Report.Format(exact)}, error {Report.Format(error)} ≤ bound {Report.Format(bound)}");
        }

        // Signed zeros and NaN through min/max: the cases where Math.Min differs from a naive a < b ? a : b.
        T[][] specials =
        [
            [T.Zero, -T.Zero], [-T.Zero, T.Zero], [T.One, T.NaN, -T.One], [T.NegativeInfinity, T.PositiveInfinity, T.Zero],
        ];
        foreach (T[] values in specials)
        {
            using var buffer = DeviceBuffer<T>.FromSpan(device, values);
            using var zeros = DeviceBuffer<T>.FromSpan(device, new T[values.Length]);
            T[] mapped = values.Select(v => squaredDifference(v, T.Zero)).ToArray();
            T min = CudaKernels.Min(squared, [buffer, zeros], []);
            T max = CudaKernels.Max(squared, [buffer, zeros], []);
            string input = string.Join(", ", values);
            report.Check(SameBits(mapped.Aggregate(T.Min), min) && SameBits(mapped.Aggregate(T.Max), max), $"min/max {type} specials [{input}]", $"device ({min}, {max}), CPU ({mapped.Aggregate(T.Min)}, {mapped.Aggregate(T.Max)})");
            using var clampOut = DeviceBuffer<T>.Allocate(device, values.Length);
            CudaKernels.Map(clamped, [buffer], [-T.Zero, T.One], clampOut);
            report.Check(FirstBitDifference(values.Select(x => clamp(-T.Zero, x, T.One)).ToArray(), clampOut.ToArray(), out string where), $"clamp {type} specials [{input}]", where);
        }
    }

    private static (T[] A, T[] B) Inputs<T>(int n, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var a = new T[n];
        var b = new T[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = T.CreateTruncating((random.NextDouble() * 200) - 100);
            b[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
        }

        return (a, b);
    }

    /// <summary>
    /// The same bits, or both NaN: NaN payloads are not part of the contract (a GPU returns one canonical NaN,
    /// 0x7fffffff, from arithmetic on a NaN; x86 returns the quieted input, e.g. .NET's float.NaN 0xffc00000).
    /// </summary>
    public static bool SameBits<T>(T expected, T actual)
        where T : unmanaged, IFloatingPointIeee754<T>
        => (T.IsNaN(expected) && T.IsNaN(actual)) || MemoryMarshal.AsBytes([expected]).SequenceEqual(MemoryMarshal.AsBytes([actual]));

    private static bool FirstBitDifference<T>(T[] expected, T[] actual, out string detail)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!SameBits(expected[i], actual[i]))
            {
                detail = $"element {i}: CPU {expected[i]}, device {actual[i]}";
                return false;
            }
        }

        detail = $"{expected.Length} elements bit-identical (NaN payloads aside)";
        return true;
    }
}
