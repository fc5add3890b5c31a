using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits, when the compilation references Simd.Cuda, the kernel's CUDA C source and its overloads over
    /// <c>DeviceBuffer&lt;T&gt;</c>: the map (or ref-lane update) and each requested reduction, all launched
    /// through <c>Simd.Cuda.CudaKernels</c>.
    /// </summary>
    internal static class CudaOverloadEmitter
    {
        private const string Buffer = "global::Simd.Cuda.DeviceBuffer";
        private const string Kernels = "global::Simd.Cuda.CudaKernels";

        public static string SourceFieldName(KernelModel kernel) => $"__{kernel.Name}CudaSource_{kernel.Signature}";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            if (!CudaEmitter.Supports(kernel))
            {
                return;
            }

            // Integer parameters: the device function is translated (and compile-checked), but the runtime's buffers and
            // launches are float and double only, so no device overloads yet.
            if (kernel.HasIntegerParameters)
            {
                writer.Line($"/// <summary>The CUDA C device function of <see cref=\"{Documentation.Cref(kernel)}\"/> (no device overloads yet: it has integer parameters).</summary>");
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                writer.Line($"internal const string {SourceFieldName(kernel)} = \"{Escape(CudaEmitter.Emit(kernel))}\";");
                writer.Line();
                return;
            }

            string t = kernel.Element.Keyword();
            string definition = $"__{kernel.Name}CudaKernel_{kernel.Signature}";
            writer.Line($"/// <summary>The CUDA C device function of <see cref=\"{Documentation.Cref(kernel)}\"/>.</summary>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Line($"internal const string {SourceFieldName(kernel)} = \"{Escape(CudaEmitter.Emit(kernel))}\";");
            writer.Line();
            string lanesFlags = string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform ? "false" : "true"));
            writer.Line($"private static readonly global::Simd.Cuda.CudaKernelDefinition {definition} = new(\"{CudaEmitter.FunctionName(kernel)}\", {SourceFieldName(kernel)}, {(kernel.Element == ElementType.Double ? "true" : "false")}, new bool[] {{ {lanesFlags} }});");
            writer.Line();

            string lanes = "new " + Buffer + "<" + t + ">[] { " + string.Join(", ", kernel.Parameters.Where(p => p.Kind != ParameterKind.Uniform).Select(p => ExpressionEmitter.Identifier(p.Name))) + " }";
            string uniforms = "new " + t + "[] { " + string.Join(", ", kernel.Parameters.Where(p => p.Kind == ParameterKind.Uniform).Select(p => ExpressionEmitter.Identifier(p.Name))) + " }";
            string parameters = string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform ? $"{t} {ExpressionEmitter.Identifier(p.Name)}" : $"{Buffer}<{t}> {ExpressionEmitter.Identifier(p.Name)}"));

            if (kernel.ReturnsValue)
            {
                writer.Line($"/// <summary>Computes <see cref=\"{Documentation.Cref(kernel)}\"/> for every element on the GPU, writing <paramref name=\"destination\"/>.</summary>");
                Docs(writer, kernel);
                writer.Line("/// <param name=\"destination\">Receives one value per element; at least as long as the lanes.</param>");
                writer.Line("/// <exception cref=\"global::Simd.Cuda.CudaUnavailableException\">No usable GPU, driver or NVRTC.</exception>");
                writer.Line($"{kernel.Accessibility} static void {ExpressionEmitter.Identifier(kernel.Name)}({parameters}, {Buffer}<{t}> destination)");
                writer.Line($"    => {Kernels}.Map<{t}>({definition}, {lanes}, {uniforms}, destination);");
            }
            else
            {
                KernelParameter target = kernel.Parameters.First(p => p.Kind == ParameterKind.RefLane);
                writer.Line($"/// <summary>Applies <see cref=\"{Documentation.Cref(kernel)}\"/> to every element on the GPU, updating <paramref name=\"{target.Name}\"/> in place.</summary>");
                Docs(writer, kernel);
                writer.Line("/// <exception cref=\"global::Simd.Cuda.CudaUnavailableException\">No usable GPU, driver or NVRTC.</exception>");
                writer.Line($"{kernel.Accessibility} static void {ExpressionEmitter.Identifier(kernel.Name)}({parameters})");
                writer.Line($"    => {Kernels}.Map<{t}>({definition}, {lanes}, {uniforms}, {ExpressionEmitter.Identifier(target.Name)});");
            }

            writer.Line();
            foreach ((int flag, string suffix) in new[] { (KernelModel.SumFlag, "Sum"), (KernelModel.MinFlag, "Min"), (KernelModel.MaxFlag, "Max") })
            {
                if ((kernel.Reductions & flag) == 0)
                {
                    continue;
                }

                writer.Line($"/// <summary>The {suffix.ToLowerInvariant()} of <see cref=\"{Documentation.Cref(kernel)}\"/> over every element, computed on the GPU with a deterministic two-stage reduction.</summary>");
                Docs(writer, kernel);
                writer.Line($"/// <returns>The {suffix.ToLowerInvariant()}.</returns>");
                writer.Line("/// <exception cref=\"global::Simd.Cuda.CudaUnavailableException\">No usable GPU, driver or NVRTC.</exception>");
                writer.Line($"{kernel.Accessibility} static {t} {ExpressionEmitter.Identifier(kernel.Name + suffix)}({parameters})");
                writer.Line($"    => {Kernels}.{suffix}<{t}>({definition}, {lanes}, {uniforms});");
                writer.Line();
            }
        }

        private static void Docs(CodeWriter writer, KernelModel kernel)
        {
            foreach (KernelParameter p in kernel.Parameters)
            {
                writer.Line(p.Kind == ParameterKind.Uniform
                    ? $"/// <param name=\"{p.Name}\">The value of <c>{p.Name}</c> shared by every element.</param>"
                    : $"/// <param name=\"{p.Name}\">The values of <c>{p.Name}</c> on the device, one per element.</param>");
            }
        }

        private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
    }
}
