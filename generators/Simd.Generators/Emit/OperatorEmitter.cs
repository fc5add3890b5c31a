using System.Linq;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the per-width forms of a kernel: one static overload per vector width with the scalar method's signature
    /// in vectors (uniforms broadcast by the caller, <c>ref</c> and <c>out</c> lanes as <c>ref</c> and <c>out</c> vectors), and,
    /// for kernels with a Sum reduction, the accumulate form that fuses a final product into the running sum.
    /// </summary>
    internal static class OperatorEmitter
    {
        public const string AccumulatePrefix = "__Accumulate_";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            ExprTypes types = ExprTypes.Of(kernel);
            foreach (VectorWidth width in VectorWidth.All)
            {
                string type = width.Type(kernel.Element);
                string returns = kernel.ReturnsValue ? type : "void";
                writer.Line($"/// <summary>The {Describe(width)} form of <see cref=\"{Documentation.Cref(kernel)}\"/>: one vector of every parameter in, {(kernel.ReturnsValue ? "the kernel's values out" : "the new values of its 'ref' and 'out' lanes written")}. Used by the generated loops and by kernels that call this one.</summary>");
                foreach (KernelParameter parameter in kernel.Parameters)
                {
                    writer.Line($"/// <param name=\"{parameter.Name}\">Values of <c>{parameter.Name}</c>.</param>");
                }

                if (kernel.ReturnsValue)
                {
                    writer.Line("/// <returns>One value per lane.</returns>");
                }

                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                writer.Open($"{kernel.Accessibility} static {returns} {ExpressionEmitter.Identifier(kernel.Name)}({Parameters(kernel, width)})");
                Statements(writer, kernel, width, types);
                if (kernel.Body.Result is { } result)
                {
                    writer.Line($"return {ExpressionEmitter.Emit(result, width, types)};");
                }

                writer.Close();
                writer.Line();
            }

            if ((kernel.Reductions & KernelModel.SumFlag) != 0)
            {
                foreach (VectorWidth width in VectorWidth.All)
                {
                    EmitAccumulate(writer, kernel, width, types);
                }
            }
        }

        private static void EmitAccumulate(CodeWriter writer, KernelModel kernel, VectorWidth width, ExprTypes types)
        {
            string type = width.Type(kernel.Element);
            Expr result = kernel.Body.Result!;
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            writer.Open($"private static {type} {AccumulatePrefix}{kernel.Name}({type} __sum, {Parameters(kernel, width)})");
            Statements(writer, kernel, width, types);

            // An integer sum wraps, exactly in any order: a product is multiplied and added like any value.
            if (result is Binary { Operator: BinaryOperator.Multiply } product && !kernel.Element.IsInteger())
            {
                // The value is a product: multiply-add it into the sum — fused where the hardware has FMA (one rounding
                // and one instruction fewer), a multiply and an add where it does not: never the exact software fusion,
                // which would make the sum many times slower than the scalar loop there.
                string left = ExpressionEmitter.Emit(product.Left, width, types);
                string right = ExpressionEmitter.Emit(product.Right, width, types);
                string fma = width == VectorWidth.VectorT
                    ? $"global::Simd.Operators.KernelOps.MultiplyAdd<{kernel.Element.Keyword()}>({left}, {right}, __sum)"
                    : $"global::Simd.Operators.KernelOps.MultiplyAdd({left}, {right}, __sum)";
                writer.Line($"return {fma};");
            }
            else
            {
                writer.Line($"return __sum + {ExpressionEmitter.Emit(result, width, types)};");
            }

            writer.Close();
            writer.Line();
        }

        private static void Statements(CodeWriter writer, KernelModel kernel, VectorWidth width, ExprTypes types)
        {
            // An 'out' lane starts at zero: the lowered body assigns it lane by lane (a select keeps the old value in the
            // lanes that do not assign it), and C# definite assignment guarantees the scalar method never reads it first.
            foreach (KernelParameter p in kernel.Parameters.Where(p => p.Kind == ParameterKind.OutLane))
            {
                writer.Line($"{ExpressionEmitter.Identifier(p.Name)} = {width.Type(p.Type)}.Zero;");
            }

            foreach (Statement statement in kernel.Body.Statements)
            {
                string value = ExpressionEmitter.Emit(statement.Value, width, types);
                if (!statement.Declares)
                {
                    // A condition assigned to a condition variable of another type (in a kernel that mixes types).
                    value = ExpressionEmitter.Reinterpret(value, types.TypeOf(statement.Value), types.Variable(statement.Name), width);
                }

                string name = ExpressionEmitter.Identifier(statement.Name);
                writer.Line(statement.Declares ? $"var {name} = {value};" : $"{name} = {value};");
            }
        }

        private static string Parameters(KernelModel kernel, VectorWidth width)
            => string.Join(", ", kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.RefLane => $"ref {width.Type(p.Type)} {ExpressionEmitter.Identifier(p.Name)}",
                ParameterKind.OutLane => $"out {width.Type(p.Type)} {ExpressionEmitter.Identifier(p.Name)}",
                _ => $"{width.Type(p.Type)} {ExpressionEmitter.Identifier(p.Name)}",
            }));

        private static string Describe(VectorWidth width) => width == VectorWidth.VectorT ? "Vector&lt;T&gt;" : width.Suffix + "-bit";
    }
}
