using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the private <see langword="ref struct"/> that binds a kernel to its lanes and implements the
    /// runtime's kernel interface; the drivers' loops call it.
    /// </summary>
    internal static class KernelStructEmitter
    {
        private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

        public static string StructName(KernelModel kernel)
            => $"__{kernel.Name}Kernel_{kernel.Element}{kernel.Parameters.Count}";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            bool sums = (kernel.Reductions & KernelModel.SumFlag) != 0;
            string contract = sums ? $"global::Simd.Operators.ISumKernel<{t}>" : $"global::Simd.Operators.IMapKernel<{t}>";
            string name = StructName(kernel);

            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open($"private ref struct {name} : {contract}");
            foreach (KernelParameter p in kernel.Parameters)
            {
                writer.Line(p.Kind == ParameterKind.Uniform ? $"private readonly {t} {Field(p)};" : $"private readonly ref readonly {t} {Field(p)};");
            }

            writer.Line();
            string ctorParameters = string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform ? $"{t} {ExpressionEmitter.Identifier(p.Name)}" : $"ref readonly {t} {ExpressionEmitter.Identifier(p.Name)}"));
            writer.Open($"public {name}({ctorParameters})");
            foreach (KernelParameter p in kernel.Parameters)
            {
                writer.Line(p.Kind == ParameterKind.Uniform ? $"{Field(p)} = {ExpressionEmitter.Identifier(p.Name)};" : $"{Field(p)} = ref {ExpressionEmitter.Identifier(p.Name)};");
            }

            writer.Close();
            writer.Line();

            KernelParameter firstLane = kernel.Parameters.First(p => p.Kind != ParameterKind.Uniform);
            writer.Line($"public ref readonly {t} FirstLane => ref {Field(firstLane)};");
            writer.Line();
            EmitScalar(writer, kernel);
            foreach (VectorWidth width in VectorWidth.All)
            {
                string type = width.Type(kernel.Element);
                string args = string.Join(", ", kernel.Parameters.Select(p => Load(p, width, t)));
                writer.Line();
                writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                writer.Line($"public {type} Compute{width.Suffix}(nuint index) => {kernel.QualifiedTypeName}.{ExpressionEmitter.Identifier(kernel.Name)}({args});");
                if (sums)
                {
                    writer.Line();
                    writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                    writer.Line($"public {type} Accumulate{width.Suffix}({type} sum, nuint index) => {kernel.QualifiedTypeName}.{OperatorEmitter.AccumulatePrefix}{kernel.Name}(sum, {args});");
                }
            }

            writer.Close();
        }

        private static void EmitScalar(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            string method = $"{kernel.QualifiedTypeName}.{ExpressionEmitter.Identifier(kernel.Name)}";
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            if (kernel.ReturnsValue)
            {
                string args = string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform ? Field(p) : Element(p)));
                writer.Line($"public {t} Compute(nuint index) => {method}({args});");
                return;
            }

            // The scalar path runs the user's method itself, so it is the specification by construction.
            writer.Open($"public {t} Compute(nuint index)");
            KernelParameter refLane = kernel.Parameters.First(p => p.Kind == ParameterKind.RefLane);
            writer.Line($"{t} __value = {Element(refLane)};");
            string callArgs = string.Join(", ", kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.RefLane => "ref __value",
                ParameterKind.Uniform => Field(p),
                _ => Element(p),
            }));
            writer.Line($"{method}({callArgs});");
            writer.Line("return __value;");
            writer.Close();
        }

        private static string Load(KernelParameter p, VectorWidth width, string t)
            => p.Kind == ParameterKind.Uniform
                ? $"{width.StaticClass}.Create({Field(p)})"
                : $"{width.StaticClass}.LoadUnsafe(in {Field(p)}, index)";

        private static string Element(KernelParameter p) => $"{Unsafe}.Add(ref {Unsafe}.AsRef(in {Field(p)}), index)";

        private static string Field(KernelParameter p) => "_" + p.Name;
    }
}
