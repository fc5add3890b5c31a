using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>Emits the device overloads of a kernel when the compilation references Simd.Cuda.</summary>
    internal static class CudaOverloadEmitter
    {
        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
        }
    }
}
