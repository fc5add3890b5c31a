using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits, when the compilation references Simd.Cuda, the kernel's CUDA C source and its overloads over
    /// <c>DeviceBuffer&lt;T&gt;</c>, with the span overloads' parameters in the same order: the map (a kernel that
    /// returns a value, with its destination last) or the update (a kernel that only writes <c>ref</c> and
    /// <c>out</c> lanes), and each requested reduction of a kernel without side outputs, all launched through
    /// <c>Simd.Cuda.CudaKernels</c>, which checks lengths and aliasing as the span overloads do.
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
            string parameterList = string.Join(", ", kernel.Parameters.Select(p => $"new(\"{p.Name}\", global::Simd.Cuda.CudaParameterKind.{CudaKind(p.Kind)})"));
            writer.Line($"private static readonly global::Simd.Cuda.CudaKernelDefinition {definition} = new(\"{CudaEmitter.FunctionName(kernel)}\", {SourceFieldName(kernel)}, {(kernel.Element == ElementType.Double ? "true" : "false")}, new global::Simd.Cuda.CudaKernelParameter[] {{ {parameterList} }}, {(kernel.ReturnsValue ? "true" : "false")});");
            writer.Line();

            string lanes = "new " + Buffer + "<" + t + ">[] { " + string.Join(", ", kernel.Parameters.Where(p => p.Kind != ParameterKind.Uniform).Select(p => ExpressionEmitter.Identifier(p.Name))) + " }";
            string uniforms = "new " + t + "[] { " + string.Join(", ", kernel.Parameters.Where(p => p.Kind == ParameterKind.Uniform).Select(p => ExpressionEmitter.Identifier(p.Name))) + " }";
            string parameters = string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform ? $"{t} {ExpressionEmitter.Identifier(p.Name)}" : $"{Buffer}<{t}> {ExpressionEmitter.Identifier(p.Name)}"));
            string[] written = kernel.Parameters.Where(p => p.IsOutput).Select(p => $"<paramref name=\"{p.Name}\"/>").ToArray();

            if (kernel.ReturnsValue)
            {
                string also = written.Length == 0 ? string.Empty : " and " + string.Join(", ", written);
                writer.Line($"/// <summary>Computes <see cref=\"{Documentation.Cref(kernel)}\"/> for every element on the GPU, writing <paramref name=\"destination\"/>{also}.</summary>");
                Docs(writer, kernel);
                writer.Line("/// <param name=\"destination\">Receives one value per element; at least as long as the lanes.</param>");
                Exceptions(writer);
                writer.Line($"{kernel.Accessibility} static void {ExpressionEmitter.Identifier(kernel.Name)}({parameters}, {Buffer}<{t}> destination)");
                writer.Line($"    => {Kernels}.Map<{t}>({definition}, {lanes}, {uniforms}, destination);");
            }
            else
            {
                writer.Line($"/// <summary>Applies <see cref=\"{Documentation.Cref(kernel)}\"/> to every element on the GPU, writing {string.Join(", ", written)}.</summary>");
                Docs(writer, kernel);
                Exceptions(writer);
                writer.Line($"{kernel.Accessibility} static void {ExpressionEmitter.Identifier(kernel.Name)}({parameters})");
                writer.Line($"    => {Kernels}.Update<{t}>({definition}, {lanes}, {uniforms});");
            }

            writer.Line();
            foreach ((int flag, string suffix) in new[] { (KernelModel.SumFlag, "Sum"), (KernelModel.MinFlag, "Min"), (KernelModel.MaxFlag, "Max") })
            {
                // The device reductions reduce returned values of kernels without side outputs; a kernel that also
                // writes lanes reduces on the CPU only.
                if ((kernel.Reductions & flag) == 0 || kernel.Parameters.Any(p => p.IsOutput))
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
                string text = p.Kind switch
                {
                    ParameterKind.Uniform => $"The value of <c>{p.Name}</c> shared by every element.",
                    ParameterKind.RefLane => $"The values of <c>{p.Name}</c> on the device, one per element, updated in place.",
                    ParameterKind.OutLane => $"Receives the values of <c>{p.Name}</c> on the device, one per element.",
                    _ => $"The values of <c>{p.Name}</c> on the device, one per element.",
                };
                writer.Line($"/// <param name=\"{p.Name}\">{text}</param>");
            }
        }

        private static void Exceptions(CodeWriter writer)
        {
            writer.Line("/// <exception cref=\"global::Simd.Cuda.CudaUnavailableException\">No usable GPU, driver or NVRTC.</exception>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length or device, the destination is too short, an output overlaps an input at a different start, or two outputs share memory; the message names the parameters.</exception>");
        }

        private static string CudaKind(ParameterKind kind) => kind switch
        {
            ParameterKind.Lane => "Lane",
            ParameterKind.RefLane => "RefLane",
            ParameterKind.OutLane => "OutLane",
            ParameterKind.Uniform => "Uniform",
            _ => throw new System.InvalidOperationException($"The CUDA emitter has no parameter kind for {kind}."),
        };

        private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
    }
}
