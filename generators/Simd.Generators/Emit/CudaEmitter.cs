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
            ExprTypes types = ExprTypes.Of(kernel);
            var lines = new List<string>
            {
                $"__device__ {(kernel.ReturnsValue ? kernel.Element.CudaKeyword() : "void")} {FunctionName(kernel)}({string.Join(", ", kernel.Parameters.Select(p => $"{p.Type.CudaKeyword()}{(p.IsOutput ? "&" : string.Empty)} {Name(p.Name)}"))})",
                "{",
            };

            // An 'out' lane starts at zero, as in the vector forms: a masked assignment keeps the old value in the lanes
            // that do not assign it, and C# definite assignment guarantees the scalar method never reads it first.
            foreach (KernelParameter p in kernel.Parameters.Where(p => p.Kind == ParameterKind.OutLane))
            {
                lines.Add($"    {Name(p.Name)} = {Literal(0, p.Type)};");
            }

            foreach (Statement statement in kernel.Body.Statements)
            {
                string value = Expression(statement.Value, types);
                lines.Add(statement.Declares
                    ? $"    {(statement.IsMask ? "bool" : types.TypeOf(statement.Value).CudaKeyword())} {Name(statement.Name)} = {value};"
                    : $"    {Name(statement.Name)} = {value};");
            }

            // 'ref' and 'out' lanes are references: the assignments above left their new values with the caller.
            if (kernel.Body.Result is { } returned)
            {
                lines.Add($"    return {Expression(returned, types)};");
            }

            lines.Add("}");
            return string.Join("\n", lines) + "\n";
        }

        private static string Expression(Expr expr, ExprTypes types)
        {
            switch (expr)
            {
                case Constant constant:
                    return Literal(constant.Value, types.Float);
                case IntegerConstant integer:
                    return IntegerLiteral(integer.Value, types.Integer);
                case MaskConstant mask:
                    return mask.Value ? "true" : "false";
                case Variable variable:
                    return Name(variable.Name);
                case Ir.Conversion conversion:
                {
                    // int to float rounds to nearest as C does; float to int saturates with NaN to 0, as .NET does (a C
                    // cast of NaN or of a value out of range is undefined), through the prelude.
                    string operand = Expression(conversion.Operand, types);
                    return conversion.To switch
                    {
                        ElementType.Int32 => $"simd_f2i({operand})",
                        ElementType.Int64 => $"simd_d2l({operand})",
                        _ => $"(({conversion.To.CudaKeyword()}){operand})",
                    };
                }

                case Unary { Operator: UnaryOperator.Negate } unary when types.TypeOf(unary.Operand).IsInteger():
                    return Wrapping(types.TypeOf(unary.Operand), $"0 - {Unsigned(Expression(unary.Operand, types), types.TypeOf(unary.Operand))}");
                case Unary { Operator: UnaryOperator.Negate } unary:
                    return $"(-{Expression(unary.Operand, types)})";
                case Unary { Operator: UnaryOperator.BitwiseNot } unary:
                    return $"(~{Expression(unary.Operand, types)})";
                case Unary unary:
                    return $"(!{Expression(unary.Operand, types)})";
                case Binary binary:
                    return BinaryExpression(binary, types);
                case Select select:
                    return $"({Expression(select.Condition, types)} ? {Expression(select.WhenTrue, types)} : {Expression(select.WhenFalse, types)})";
                case MathCall call:
                    return FunctionTable.Row(call.Function).Cuda(call.Arguments.Select(a => Expression(a, types)).ToArray());
                case KernelCall:
                    throw new InvalidOperationException("Kernel calls are not translated to CUDA C; check Supports first.");
                default:
                    throw new InvalidOperationException($"The CUDA emitter has no translation for {expr.GetType().Name}.");
            }
        }

        /// <summary>
        /// A binary operator. Integer <c>+ - *</c> and left shifts compute in the unsigned type, where C defines the
        /// wrap-around that unchecked C# has (signed overflow is undefined in C); shift counts are masked as C# masks them.
        /// </summary>
        private static string BinaryExpression(Binary binary, ExprTypes types)
        {
            ElementType type = types.TypeOf(binary.Left);
            string left = Expression(binary.Left, types);
            if (binary.Operator is BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight or BinaryOperator.ShiftRightLogical)
            {
                string count = binary.Right is IntegerConstant constant
                    ? constant.Value.ToString(CultureInfo.InvariantCulture)
                    : $"(int)({Expression(binary.Right, types)} & {(type.Is64() ? "63" : "31")})";
                return binary.Operator switch
                {
                    BinaryOperator.ShiftLeft => Wrapping(type, $"{Unsigned(left, type)} << {count}"),
                    BinaryOperator.ShiftRight => $"({left} >> {count})",
                    _ => Wrapping(type, $"{Unsigned(left, type)} >> {count}"),
                };
            }

            string right = Expression(binary.Right, types);
            if (type.IsInteger() && binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply)
            {
                return Wrapping(type, $"{Unsigned(left, type)} {Operator(binary.Operator)} {Unsigned(right, type)}");
            }

            return $"({left} {Operator(binary.Operator)} {right})";
        }

        private static string Unsigned(string operand, ElementType type) => $"(unsigned {type.CudaKeyword()})({operand})";

        private static string Wrapping(ElementType type, string unsignedExpression) => $"(({type.CudaKeyword()})({unsignedExpression}))";

        /// <summary>A C integer literal with exactly the value; the minimum written as an expression, which C cannot write as a literal.</summary>
        private static string IntegerLiteral(long value, ElementType type)
        {
            if (type == ElementType.Int32)
            {
                return value == int.MinValue ? "(-2147483647 - 1)" : value < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture);
            }

            return value == long.MinValue ? "(-9223372036854775807LL - 1)" : value < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)}LL)" : value.ToString(CultureInfo.InvariantCulture) + "LL";
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
            BinaryOperator.BitwiseAnd => "&",
            BinaryOperator.BitwiseOr => "|",
            BinaryOperator.ExclusiveOr => "^",
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
            Ir.Conversion c => ContainsKernelCall(c.Operand),
            Binary b => ContainsKernelCall(b.Left) || ContainsKernelCall(b.Right),
            Select s => ContainsKernelCall(s.Condition) || ContainsKernelCall(s.WhenTrue) || ContainsKernelCall(s.WhenFalse),
            MathCall m => m.Arguments.Any(ContainsKernelCall),
            _ => false,
        };

        // Parameters and locals get a prefix so that no C keyword or prelude name can collide with them.
        private static string Name(string name) => "v_" + AsciiIdentifier(name);
    }
}
