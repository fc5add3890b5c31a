using System;
using System.Runtime.InteropServices;

namespace Simd.Benchmarks;

/// <summary>
/// OpenBLAS loaded at run time (Debian's <c>libopenblas0-pthread</c>), for side-by-side comparisons. When the library
/// cannot be loaded, <see cref="IsAvailable"/> is false and <see cref="Reason"/> says why; benchmarks then skip it.
/// </summary>
internal static unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111;
    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    private static readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> Dgemm;
    private static readonly delegate* unmanaged<int, void> SetThreads;
    private static readonly delegate* unmanaged<IntPtr> Config;

    static OpenBlas()
    {
        string[] candidates = ["libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "libopenblas.so", "libopenblas"];
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, out IntPtr handle)
                && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out IntPtr sgemm)
                && NativeLibrary.TryGetExport(handle, "cblas_dgemm", out IntPtr dgemm)
                && NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out IntPtr threads))
            {
                Dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dgemm;
                Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
                SetThreads = (delegate* unmanaged<int, void>)threads;
                if (NativeLibrary.TryGetExport(handle, "openblas_get_config", out IntPtr config))
                {
                    Config = (delegate* unmanaged<IntPtr>)config;
                }

                IsAvailable = true;
                Reason = $"loaded {name}";
                return;
            }
        }

        Reason = "OpenBLAS is not installed (tried " + string.Join(", ", candidates) + "); install libopenblas0-pthread to compare.";
    }

    public static bool IsAvailable { get; }

    public static string Reason { get; }

    /// <summary>OpenBLAS's build description (version, kernel chosen for this CPU), or the reason it is missing.</summary>
    public static string Description => IsAvailable && Config != null ? Marshal.PtrToStringAnsi(Config()) ?? Reason : Reason;

    /// <summary>C ← A·B, all n × n dense row-major, on <paramref name="threads"/> threads.</summary>
    public static void Gemm(float[] a, float[] b, float[] c, int n, int threads) => Gemm(a, b, c, n, n, n, threads);

    /// <summary>C (m × n) ← A (m × k) · B (k × n), dense row-major, single precision, on <paramref name="threads"/> threads.</summary>
    public static void Gemm(float[] a, float[] b, float[] c, int m, int n, int k, int threads)
    {
        SetThreads(threads);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Sgemm(RowMajor, NoTrans, NoTrans, m, n, k, 1f, pa, k, pb, n, 0f, pc, n);
        }
    }

    /// <summary>C (m × n) ← A (m × k) · B (k × n), dense row-major, double precision, on <paramref name="threads"/> threads.</summary>
    public static void Gemm(double[] a, double[] b, double[] c, int m, int n, int k, int threads)
    {
        SetThreads(threads);
        fixed (double* pa = a, pb = b, pc = c)
        {
            Dgemm(RowMajor, NoTrans, NoTrans, m, n, k, 1.0, pa, k, pb, n, 0.0, pc, n);
        }
    }
}
