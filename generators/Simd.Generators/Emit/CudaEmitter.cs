using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Simd.Generators.Functions;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Translates a kernel into a CUDA C <c>__device__</c> function equivalent to the scalar method: every
    /// parameter in C# order, a read lane or uniform as the element type, a <c>ref</c> or <c>out</c> lane as a
    /// reference to it (<c>float&amp;</c>), returning the kernel's value or <c>void</c>. Math goes through the
    /// Simd CUDA prelude (<c>simd_min</c>, <c>simd_exp</c>…) so the same text compiles under NVRTC and under
    /// clang without CUDA headers.
    /// </summary>
    internal static class CudaEmitter
    {
        /// <summary>
        /// Whether the kernel can run on the device: any outputs (<c>ref</c> and <c>out</c> lanes, a returned value), and no
        /// calls to other kernels, which are not translated.
        /// </summary>
        public static bool Supports(KernelModel kernel)
            => !kernel.Body.Statements.Any(s => ContainsKernelCall(s.Value))
            && (kernel.Body.Result is null || !ContainsKernelCall(kernel.Body.Result));

        /// <summary>
        /// The device function's name: unique per containing type, kernel, element type and arity, and always an
        /// ASCII C identifier not starting with <c>simd_</c>, which is what <c>CudaKernelDefinition</c> accepts.
        /// </summary>
        public static string FunctionName(KernelModel kernel)
            => "k_" + string.Join("_", kernel.ContainingTypes.Select(t => AsciiIdentifier(t.Name))) + "_" + AsciiIdentifier(kernel.Name) + "_" + kernel.Signature;

        /// <summary>
        /// A C# identifier as ASCII: letters, digits and '_' stay, any other character (a non-ASCII letter such as
        /// 'ß', or a Unicode formatting character C# allows) becomes <c>_uXXXX</c>, its UTF-16 code unit in hex, and
        /// so does a '_' followed by 'u', which keeps the mapping one-to-one (two locals never meet in one name).
        /// NVRTC and <c>CudaKernelDefinition</c> both take ASCII identifiers only.
        /// </summary>
        public static string AsciiIdentifier(string name)
        {
            var text = new System.Text.StringBuilder(name.Length);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool escapesLikeAnEscape = c == '_' && i + 1 < name.Length && name[i + 1] == 'u';
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c == '_' && !escapesLikeAnEscape))
                {
                    text.Append(c);
                }
                else
                {
                    text.Append("_u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
            }

            return text.ToString();
        }

        public static string Emit(KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            var lines = new List<string>
            {
                $"__device__ {(kernel.ReturnsValue ? t : "void")} {FunctionName(kernel)}({string.Join(", ", kernel.Parameters.Select(p => $"{t}{(p.IsOutput ? "&" : string.Empty)} {Name(p.Name)}"))})",
                "{",
            };

            // An 'out' lane starts at zero, as in the vector forms: a masked assignment keeps the old value in the lanes
            // that do not assign it, and C# definite assignment guarantees the scalar method never reads it first.
            foreach (KernelParameter p in kernel.Parameters.Where(p => p.Kind == ParameterKind.OutLane))
            {
                lines.Add($"    {Name(p.Name)} = {Literal(0, kernel.Element)};");
            }

            foreach (Statement statement in kernel.Body.Statements)
            {
                string value = Expression(statement.Value, kernel.Element);
                lines.Add(statement.Declares
                    ? $"    {(statement.IsMask ? "bool" : t)} {Name(statement.Name)} = {value};"
                    : $"    {Name(statement.Name)} = {value};");
            }

            // 'ref' and 'out' lanes are references: the assignments above left their new values with the caller.
            if (kernel.Body.Result is { } returned)
            {
                lines.Add($"    return {Expression(returned, kernel.Element)};");
            }

            lines.Add("}");
            return string.Join("\n", lines) + "\n";
        }

        private static string Expression(Expr expr, ElementType element)
        {
            switch (expr)
            {
                case Constant constant:
                    return Literal(constant.Value, element);
                case MaskConstant mask:
                    return mask.Value ? "true" : "false";
                case Variable variable:
                    return Name(variable.Name);
                case Unary { Operator: UnaryOperator.Negate } unary:
                    return $"(-{Expression(unary.Operand, element)})";
                case Unary unary:
                    return $"(!{Expression(unary.Operand, element)})";
                case Binary binary:
                    return $"({Expression(binary.Left, element)} {Operator(binary.Operator)} {Expression(binary.Right, element)})";
                case Select select:
                    return $"({Expression(select.Condition, element)} ? {Expression(select.WhenTrue, element)} : {Expression(select.WhenFalse, element)})";
                case MathCall call:
                    return FunctionTable.Row(call.Function).Cuda(call.Arguments.Select(a => Expression(a, element)).ToArray());
                case KernelCall:
                    throw new InvalidOperationException("Kernel calls are not translated to CUDA C; check Supports first.");
                default:
                    throw new InvalidOperationException($"The CUDA emitter has no translation for {expr.GetType().Name}.");
            }
        }

        private static string Operator(BinaryOperator op) => op switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.Equal => "==",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "&&",
            BinaryOperator.Or => "||",
            _ => throw new InvalidOperationException($"The CUDA emitter has no translation for the operator {op}."),
        };

        /// <summary>A C literal with exactly the constant's value; specials through the prelude's bit casts.</summary>
        private static string Literal(double value, ElementType element)
        {
            bool single = element == ElementType.Single;
            if (double.IsNaN(value))
            {
                return single ? "simd_float_from_bits(0x7fc00000u)" : "simd_double_from_bits(0x7ff8000000000000ull)";
            }

            if (double.IsInfinity(value))
            {
                string sign = value > 0 ? "positive" : "negative";
                return single ? $"simd_{sign}_infinity(0.0f)" : $"simd_{sign}_infinity(0.0)";
            }

            if (value == 0 && BitConverter.DoubleToInt64Bits(value) < 0)
            {
                return single ? "(-0.0f)" : "(-0.0)";
            }

            string digits = single ? ((float)value).ToString("G9", CultureInfo.InvariantCulture) : value.ToString("G17", CultureInfo.InvariantCulture);
            if (digits.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
            {
                digits += ".0";
            }

            string literal = digits + (single ? "f" : string.Empty);
            return value < 0 ? "(" + literal + ")" : literal;
        }

        private static bool ContainsKernelCall(Expr expr) => expr switch
        {
            KernelCall => true,
            Unary u => ContainsKernelCall(u.Operand),
            Binary b => ContainsKernelCall(b.Left) || ContainsKernelCall(b.Right),
            Select s => ContainsKernelCall(s.Condition) || ContainsKernelCall(s.WhenTrue) || ContainsKernelCall(s.WhenFalse),
            MathCall m => m.Arguments.Any(ContainsKernelCall),
            _ => false,
        };

        // Parameters and locals get a prefix so that no C keyword or prelude name can collide with them.
        private static string Name(string name) => "v_" + AsciiIdentifier(name);
    }
}
