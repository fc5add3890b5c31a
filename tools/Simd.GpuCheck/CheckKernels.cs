using System;
using Simd.Cuda;

namespace Simd.GpuCheck;

/// <summary>
/// The kernels the check runs, written as the generator emits them (a <c>__device__</c> function of the
/// element type per <c>[Kernel]</c>), each with the C# scalar method it stands for.
/// </summary>
internal static class CheckKernels
{
    /// <summary>[Kernel(Reductions = Sum | Min | Max)] static T SquaredDifference(T a, T b) { var d = a − b; return d·d; }</summary>
    public static CudaKernelDefinition SquaredDifference(bool isDouble) => Define("squared_difference", isDouble, [true, true], "{0} d = a - b; return d * d;", "a", "b");

    /// <summary>[Kernel] static T Axpy(ref T y, T x, [Uniform] T alpha) => y + alpha·x;  (a ref lane: the map writes y in place)</summary>
    public static CudaKernelDefinition Axpy(bool isDouble) => Define("axpy", isDouble, [true, true, false], "return y + alpha * x;", "y", "x", "alpha");

    /// <summary>[Kernel(Reductions = Sum)] static T Multiply(T a, T b) => a·b;  (its Sum is the dot product)</summary>
    public static CudaKernelDefinition Multiply(bool isDouble) => Define("multiply", isDouble, [true, true], "return a * b;", "a", "b");

    /// <summary>[Kernel(Reductions = Min | Max)] static T Clamp([Uniform] T lo, T x, [Uniform] T hi) => Math.Min(Math.Max(x, lo), hi);</summary>
    public static CudaKernelDefinition Clamp(bool isDouble) => Define("clamp", isDouble, [false, true, false], "return simd_min(simd_max(x, lo), hi);", "lo", "x", "hi");

    /// <summary>[Kernel(Reductions = Sum)] static T Twice(T x) => x + x;  (exact, so a result can be checked against a formula)</summary>
    public static CudaKernelDefinition Twice(bool isDouble) => Define("twice", isDouble, [true], "return x + x;", "x");

    /// <summary>A kernel whose device function does not compile, for the NVRTC error path.</summary>
    public static CudaKernelDefinition Broken() => Define("broken", isDouble: false, [true], "return x + undefined_name;", "x");

    /// <summary>SquaredDifference under another name, compiled for the first time by many threads at once.</summary>
    public static CudaKernelDefinition Contended() => Define("contended", isDouble: false, [true, true], "{0} d = a - b; return d * d;", "a", "b");

    /// <summary>The scalar SquaredDifference.</summary>
    public static double SquaredDifference(double a, double b)
    {
        double d = a - b;
        return d * d;
    }

    /// <summary>The scalar SquaredDifference in float.</summary>
    public static float SquaredDifference(float a, float b)
    {
        float d = a - b;
        return d * d;
    }

    /// <summary>The scalar Axpy.</summary>
    public static double Axpy(double y, double x, double alpha) => y + (alpha * x);

    /// <summary>The scalar Axpy in float.</summary>
    public static float Axpy(float y, float x, float alpha) => y + (alpha * x);

    /// <summary>The scalar Clamp.</summary>
    public static double Clamp(double lo, double x, double hi) => Math.Min(Math.Max(x, lo), hi);

    /// <summary>The scalar Clamp in float.</summary>
    public static float Clamp(float lo, float x, float hi) => MathF.Min(MathF.Max(x, lo), hi);

    private static CudaKernelDefinition Define(string name, bool isDouble, bool[] lanes, string body, params string[] parameters)
    {
        string t = isDouble ? "double" : "float";
        string function = $"{name}_{(isDouble ? "f64" : "f32")}";
        string list = string.Join(", ", Array.ConvertAll(parameters, p => $"{t} {p}"));
        return new CudaKernelDefinition(function, $"static __device__ {t} {function}({list}) {{ {string.Format(System.Globalization.CultureInfo.InvariantCulture, body, t)} }}", isDouble, lanes);
    }
}
