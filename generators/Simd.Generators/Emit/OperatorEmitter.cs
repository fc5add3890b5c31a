using System.Linq;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the per-width forms of a kernel: one static overload per vector width taking every
    /// parameter as a vector (uniforms broadcast by the caller), and, for kernels with a Sum reduction,
    /// the accumulate form that fuses a final product into the running sum.
    /// </summary>
    internal static class OperatorEmitter
    {
        public const string AccumulatePrefix = "__Accumulate_";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            foreach (VectorWidth width in VectorWidth.All)
            {
                string type = width.Type(kernel.Element);
                writer.Line($"/// <summary>The {Describe(width)} form of <see cref=\"{Documentation.Cref(kernel)}\"/>: one vector of every parameter in, {(kernel.ReturnsValue ? "the kernel's values" : "the new values of the 'ref' lane")} out. Used by the generated loops and by kernels that call this one.</summary>");
                foreach (KernelParameter parameter in kernel.Parameters)
                {
                    writer.Line($"/// <param name=\"{parameter.Name}\">Values of <c>{parameter.Name}</c>.</param>");
                }

                writer.Line("/// <returns>One value per lane.</returns>");
                writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                writer.Open($"{kernel.Accessibility} static {type} {ExpressionEmitter.Identifier(kernel.Name)}({Parameters(kernel, type)})");
                Body(writer, kernel, width, result => $"return {result};");
                writer.Close();
                writer.Line();
            }

            if ((kernel.Reductions & KernelModel.SumFlag) != 0)
            {
                foreach (VectorWidth width in VectorWidth.All)
                {
                    string type = width.Type(kernel.Element);
                    writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                    writer.Open($"private static {type} {AccumulatePrefix}{kernel.Name}({type} __sum, {Parameters(kernel, type)})");
                    if (kernel.Body.Result is Binary { Operator: BinaryOperator.Multiply } product)
                    {
                        // The value is a product: fuse it into the sum (one rounding fewer, one instruction fewer).
                        string left = ExpressionEmitter.Emit(product.Left, width, kernel.Element);
                        string right = ExpressionEmitter.Emit(product.Right, width, kernel.Element);
                        Statements(writer, kernel, width);
                        string fma = width == VectorWidth.VectorT
                            ? $"global::Simd.Operators.KernelOps.FusedMultiplyAdd<{kernel.Element.Keyword()}>({left}, {right}, __sum)"
                            : $"global::Simd.Operators.KernelOps.FusedMultiplyAdd({left}, {right}, __sum)";
                        writer.Line($"return {fma};");
                    }
                    else
                    {
                        Body(writer, kernel, width, result => $"return __sum + {result};");
                    }

                    writer.Close();
                    writer.Line();
                }
            }
        }

        private static void Body(CodeWriter writer, KernelModel kernel, VectorWidth width, System.Func<string, string> returnLine)
        {
            Statements(writer, kernel, width);
            writer.Line(returnLine(ExpressionEmitter.Emit(kernel.Body.Result, width, kernel.Element)));
        }

        private static void Statements(CodeWriter writer, KernelModel kernel, VectorWidth width)
        {
            foreach (Statement statement in kernel.Body.Statements)
            {
                string value = ExpressionEmitter.Emit(statement.Value, width, kernel.Element);
                string name = ExpressionEmitter.Identifier(statement.Name);
                writer.Line(statement.Declares ? $"var {name} = {value};" : $"{name} = {value};");
            }
        }

        private static string Parameters(KernelModel kernel, string type)
            => string.Join(", ", kernel.Parameters.Select(p => $"{type} {ExpressionEmitter.Identifier(p.Name)}"));

        private static string Describe(VectorWidth width) => width == VectorWidth.VectorT ? "Vector&lt;T&gt;" : width.Suffix + "-bit";
    }
}
