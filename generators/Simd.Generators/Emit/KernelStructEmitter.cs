using System.Collections.Generic;
using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the private <see langword="ref struct"/> that binds a kernel to its lanes and outputs and implements the
    /// runtime's kernel interfaces: <c>IMapKernel</c> (steps that compute a block and store every output) and, for a
    /// kernel with reductions, <c>ISumKernel</c> or <c>IValueKernel</c> (blocks whose values are returned, the side outputs
    /// stored). The drivers' loops call it.
    /// </summary>
    internal static class KernelStructEmitter
    {
        private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
        private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
        private const string Destination = "_destination";
        private const string ValueLocal = "__value";

        public static string StructName(KernelModel kernel) => $"__{kernel.Name}Kernel_{kernel.Signature}";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            bool sums = (kernel.Reductions & KernelModel.SumFlag) != 0;
            var contracts = new List<string> { $"global::Simd.Operators.IMapKernel<{t}>" };
            if (sums)
            {
                contracts.Add($"global::Simd.Operators.ISumKernel<{t}>");
            }
            else if (kernel.Reductions != 0)
            {
                contracts.Add($"global::Simd.Operators.IValueKernel<{t}>");
            }

            string name = StructName(kernel);
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open($"private ref struct {name} : {string.Join(", ", contracts)}");
            foreach (KernelParameter p in kernel.Parameters)
            {
                string pt = p.Type.Keyword();
                writer.Line(p.Kind switch
                {
                    ParameterKind.Uniform => $"private readonly {pt} {Field(p)};",
                    ParameterKind.Lane => $"private readonly ref readonly {pt} {Field(p)};",
                    _ => $"private readonly ref {pt} {Field(p)};",
                });
            }

            if (kernel.ReturnsValue)
            {
                writer.Line($"private readonly ref {t} {Destination};");
            }

            writer.Line();
            var ctorParameters = kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Uniform => $"{p.Type.Keyword()} {ExpressionEmitter.Identifier(p.Name)}",
                ParameterKind.Lane => $"ref readonly {p.Type.Keyword()} {ExpressionEmitter.Identifier(p.Name)}",
                _ => $"ref {p.Type.Keyword()} {ExpressionEmitter.Identifier(p.Name)}",
            }).ToList();
            if (kernel.ReturnsValue)
            {
                ctorParameters.Add($"ref {t} {KernelModel.DestinationName}");
            }

            writer.Open($"public {name}({string.Join(", ", ctorParameters)})");
            foreach (KernelParameter p in kernel.Parameters)
            {
                writer.Line(p.Kind == ParameterKind.Uniform ? $"{Field(p)} = {ExpressionEmitter.Identifier(p.Name)};" : $"{Field(p)} = ref {ExpressionEmitter.Identifier(p.Name)};");
            }

            if (kernel.ReturnsValue)
            {
                writer.Line($"{Destination} = ref {KernelModel.DestinationName};");
            }

            writer.Close();
            writer.Line();

            KernelParameter? firstOutput = kernel.Parameters.FirstOrDefault(p => p.IsOutput);
            writer.Line($"public bool IsExact => {(Functions.FunctionTable.IsExact(kernel.Body) ? "true" : "false")};");
            writer.Line();
            writer.Line($"public ref readonly {t} FirstOutput => ref {(firstOutput is null ? Destination : AsElement(kernel, firstOutput))};");
            writer.Line();
            bool streams = kernel.ReturnsValue && firstOutput is null;
            writer.Line($"public bool IsStreamable => {(streams ? NotInPlace(kernel) : "false")};");
            writer.Line();
            if (sums)
            {
                writer.Line($"public bool HasSideOutputs => {(kernel.HasSideOutputs ? "true" : "false")};");
                writer.Line();
                writer.Line($"public ref readonly {t} FirstLane => ref {AsElement(kernel, kernel.Parameters.First(p => p.IsLane))};");
                writer.Line();
            }

            EmitScalar(writer, kernel);
            foreach (VectorWidth width in VectorWidth.All)
            {
                writer.Line();
                EmitWidth(writer, kernel, width, $"Step{width.Suffix}", "void", kernel.QualifiedTypeName + "." + ExpressionEmitter.Identifier(kernel.Name), store: true);
                writer.Line();
                if (streams)
                {
                    EmitWidth(writer, kernel, width, $"Stream{width.Suffix}", "void", kernel.QualifiedTypeName + "." + ExpressionEmitter.Identifier(kernel.Name), store: true);
                }
                else
                {
                    // Never called (IsStreamable is false); the interface still needs the method.
                    writer.Line($"public void Stream{width.Suffix}(nuint index) => Step{width.Suffix}(index);");
                }
                if (kernel.Reductions != 0)
                {
                    writer.Line();
                    EmitWidth(writer, kernel, width, $"Compute{width.Suffix}", width.Type(kernel.Element), kernel.QualifiedTypeName + "." + ExpressionEmitter.Identifier(kernel.Name), store: false);
                }

                if (sums)
                {
                    writer.Line();
                    EmitWidth(writer, kernel, width, $"Accumulate{width.Suffix}", width.Type(kernel.Element), kernel.QualifiedTypeName + "." + OperatorEmitter.AccumulatePrefix + kernel.Name, store: false);
                }
            }

            writer.Close();
        }

        /// <summary>
        /// The scalar step and value, which run the user's method itself on the element at the index, so the scalar path
        /// is the specification by construction. Value arguments are read before the method writes any output.
        /// </summary>
        private static void EmitScalar(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            string call = $"{kernel.QualifiedTypeName}.{ExpressionEmitter.Identifier(kernel.Name)}{kernel.TypeArguments}({string.Join(", ", kernel.Parameters.Select(ScalarArgument))})";
            writer.Line(Inline);
            writer.Line(kernel.ReturnsValue
                ? $"public void Step(nuint index) => {Unsafe}.Add(ref {Destination}, index) = {call};"
                : $"public void Step(nuint index) => {call};");
            if (kernel.Reductions != 0)
            {
                writer.Line();
                writer.Line(Inline);
                writer.Line($"public {t} Compute(nuint index) => {call};");
            }
        }

        /// <summary>
        /// One method at one width: load the lanes (and the <c>ref</c> lanes), call the per-width form, store the
        /// <c>ref</c> and <c>out</c> lanes, and then store the value (a step) or return it (compute, accumulate). Every
        /// load happens before the first store.
        /// </summary>
        private static void EmitWidth(CodeWriter writer, KernelModel kernel, VectorWidth width, string method, string returns, string callee, bool store)
        {
            string v = width.StaticClass;
            bool accumulate = method.StartsWith("Accumulate", System.StringComparison.Ordinal);
            bool streamed = method.StartsWith("Stream", System.StringComparison.Ordinal);
            writer.Line(Inline);
            writer.Open($"public {returns} {method}({(accumulate ? width.Type(kernel.Element) + " sum, " : string.Empty)}nuint index)");
            foreach (KernelParameter p in kernel.Parameters.Where(p => p.Kind == ParameterKind.RefLane))
            {
                writer.Line($"var {Local(p)} = {v}.LoadUnsafe(in {Field(p)}, index);");
            }

            var arguments = kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Uniform => $"{v}.Create({Field(p)})",
                ParameterKind.Lane => $"{v}.LoadUnsafe(in {Field(p)}, index)",
                ParameterKind.RefLane => $"ref {Local(p)}",
                _ => $"out var {Local(p)}",
            }).ToList();
            if (accumulate)
            {
                arguments.Insert(0, "sum");
            }

            string call = $"{callee}({string.Join(", ", arguments)})";
            writer.Line(kernel.ReturnsValue ? $"var {ValueLocal} = {call};" : $"{call};");
            foreach (KernelParameter p in kernel.Parameters.Where(p => p.IsOutput))
            {
                writer.Line($"{v}.StoreUnsafe({Local(p)}, ref {Field(p)}, index);");
            }

            if (kernel.ReturnsValue)
            {
                writer.Line(!store ? $"return {ValueLocal};"
                    : streamed ? $"global::Simd.Operators.NonTemporal.Store({ValueLocal}, ref {Destination}, index);"
                    : $"{v}.StoreUnsafe({ValueLocal}, ref {Destination}, index);");
            }

            writer.Close();
        }

        /// <summary>
        /// Whether no lane is the destination, compared by address (a lane of the other type of the width as its bytes):
        /// the validation allowed an output to be exactly one of the lanes or disjoint from it.
        /// </summary>
        private static string NotInPlace(KernelModel kernel)
        {
            string destination = $"ref {Unsafe}.As<{kernel.Element.Keyword()}, byte>(ref {Destination})";
            var same = kernel.Parameters.Where(p => p.Kind == ParameterKind.Lane)
                .Select(p => $"{Unsafe}.AreSame(ref {Unsafe}.As<{p.Type.Keyword()}, byte>(ref {Unsafe}.AsRef(in {Field(p)})), {destination})")
                .ToList();
            return same.Count == 0 ? "true" : "!(" + string.Join(" || ", same) + ")";
        }

        private static string ScalarArgument(KernelParameter p) => p.Kind switch
        {
            ParameterKind.Uniform => Field(p),
            ParameterKind.Lane => $"{Unsafe}.Add(ref {Unsafe}.AsRef(in {Field(p)}), index)",
            ParameterKind.RefLane => $"ref {Unsafe}.Add(ref {Field(p)}, index)",
            _ => $"out {Unsafe}.Add(ref {Field(p)}, index)",
        };

        private static string Field(KernelParameter p) => "_" + p.Name;

        /// <summary>
        /// The field of a lane as a reference of the kernel's element type: itself, or the same address reinterpreted when
        /// the lane has the other type of the width (the drivers read only its address).
        /// </summary>
        private static string AsElement(KernelModel kernel, KernelParameter p)
            => p.Type == kernel.Element
                ? Field(p)
                : $"{Unsafe}.As<{p.Type.Keyword()}, {kernel.Element.Keyword()}>(ref {Unsafe}.AsRef(in {Field(p)}))";

        private static string Local(KernelParameter p) => "__out_" + p.Name;
    }
}
