using Simd;

namespace Simd.Cuda.Tests;

/// <summary>
/// Kernels whose type, method and parameter names are not ASCII, as C# allows: the generator must give them
/// device names that <see cref="CudaKernelDefinition"/> accepts, or this class's static initialiser would throw
/// and take its CPU overloads down with it.
/// </summary>
public static partial class Größen
{
    [Kernel(Reductions = Reduction.Sum)]
    public static float Maß(float länge, [Uniform] float faktor) => länge * faktor;

    /// <summary>'a_u' and 'aü' must stay two names in CUDA C ("_u" is how non-ASCII characters are spelled there).</summary>
    [Kernel]
    public static float Unterschied(float a_u, float aü) => a_u - aü;
}
