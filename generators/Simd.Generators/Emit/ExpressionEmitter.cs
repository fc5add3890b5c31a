using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Simd.Generators.Functions;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Translates the expression tree into C# for one vector width. Operators are mapped here; functions take their
    /// spelling from <see cref="FunctionTable"/>. <see cref="ExprTypes"/> gives each expression its type: the vector
    /// type of a value, and of a condition the vector it is on (<c>Vector128&lt;int&gt;</c> for a comparison of ints),
    /// reinterpreted where a condition of one type selects values of another in a kernel that mixes them.
    /// </summary>
    internal static class ExpressionEmitter
    {
        public static string Emit(Expr expr, VectorWidth width, ExprTypes types)
        {
            string v = width.StaticClass;
            switch (expr)
            {
                case Constant constant:
                    return $"{v}.Create({Literals.Of(constant.Value, types.Float)})";
                case IntegerConstant integer:
                    return $"{v}.Create({Literals.Integer(integer.Value, types.Integer)})";
                case MaskConstant mask:
                    return $"{FunctionTable.MaskType(width, types.Element)}.{(mask.Value ? "AllBitsSet" : "Zero")}";
                case Variable variable:
                    return Identifier(variable.Name);
                case Ir.Conversion conversion:
                    return $"{v}.ConvertTo{Name(conversion.To)}({Emit(conversion.Operand, width, types)})";
                case Unary { Operator: UnaryOperator.Negate } unary when types.TypeOf(unary.Operand).IsInteger():
                    // Two's complement negation wraps as unchecked C# does: -MinValue is MinValue.
                    return $"{v}.Negate({Emit(unary.Operand, width, types)})";
                case Unary { Operator: UnaryOperator.Negate } unary:
                    // Flip the sign bit, as scalar negation does: 0 - x would turn +0 into +0 instead of -0.
                    return $"{v}.Xor({Emit(unary.Operand, width, types)}, {v}.Create({Literals.Of(-0.0, types.Float)}))";
                case Unary unary:
                    return $"{v}.OnesComplement({Emit(unary.Operand, width, types)})";
                case Binary binary:
                    return EmitBinary(binary, width, types);
                case Select select:
                {
                    ElementType type = types.TypeOf(select.WhenTrue);
                    string condition = Reinterpret(Emit(select.Condition, width, types), types.TypeOf(select.Condition), type, width);
                    string whenFalse = Reinterpret(Emit(select.WhenFalse, width, types), types.TypeOf(select.WhenFalse), type, width);
                    return $"{v}.ConditionalSelect({condition}, {Emit(select.WhenTrue, width, types)}, {whenFalse})";
                }

                case MathCall call:
                    return FunctionTable.Row(call.Function).Vector(width, types.TypeOf(call.Arguments[0]), call.Arguments.Select(a => Emit(a, width, types)).ToArray());
                case KernelCall call:
                    return $"{call.QualifiedTypeName}.{Identifier(call.Method)}({string.Join(", ", call.Arguments.Select(a => Emit(a, width, types)))})";
                default:
                    throw new InvalidOperationException($"The C# emitter has no translation for {expr.GetType().Name}.");
            }
        }

        public static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>
        /// A condition computed on vectors of <paramref name="from"/> as one on vectors of <paramref name="to"/>: the same
        /// bits (all ones or all zeros per lane), so the same width. <c>Vector&lt;T&gt;</c> conditions are always the
        /// integer vector of the width and need nothing.
        /// </summary>
        public static string Reinterpret(string code, ElementType from, ElementType to, VectorWidth width)
            => from == to || width == VectorWidth.VectorT ? code : $"{width.StaticClass}.As{Name(to)}({code})";

        /// <summary>The .NET name of the type, as in <c>ConvertToInt32</c> and <c>AsSingle</c>.</summary>
        private static string Name(ElementType type) => type switch
        {
            ElementType.Single => "Single",
            ElementType.Double => "Double",
            ElementType.Int32 => "Int32",
            _ => "Int64",
        };

        private static string EmitBinary(Binary binary, VectorWidth width, ExprTypes types)
        {
            string v = width.StaticClass;
            string left = Emit(binary.Left, width, types);
            if (binary.Operator is BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight or BinaryOperator.ShiftRightLogical)
            {
                string count = ShiftCount(binary.Right, types.TypeOf(binary.Left), width, types);
                string method = binary.Operator switch
                {
                    BinaryOperator.ShiftLeft => "ShiftLeft",
                    BinaryOperator.ShiftRight => "ShiftRightArithmetic",
                    _ => "ShiftRightLogical",
                };
                return $"{v}.{method}({left}, {count})";
            }

            string right = Emit(binary.Right, width, types);
            return binary.Operator switch
            {
                BinaryOperator.Add => $"({left} + {right})",
                BinaryOperator.Subtract => $"({left} - {right})",
                BinaryOperator.Multiply => $"({left} * {right})",
                BinaryOperator.Divide => $"({left} / {right})",
                BinaryOperator.Less => $"{v}.LessThan({left}, {right})",
                BinaryOperator.LessOrEqual => $"{v}.LessThanOrEqual({left}, {right})",
                BinaryOperator.Greater => $"{v}.GreaterThan({left}, {right})",
                BinaryOperator.GreaterOrEqual => $"{v}.GreaterThanOrEqual({left}, {right})",
                BinaryOperator.Equal => $"{v}.Equals({left}, {right})",
                BinaryOperator.NotEqual => $"{v}.OnesComplement({v}.Equals({left}, {right}))",
                BinaryOperator.And => $"{v}.BitwiseAnd({left}, {Reinterpret(right, types.TypeOf(binary.Right), types.TypeOf(binary.Left), width)})",
                BinaryOperator.Or => $"{v}.BitwiseOr({left}, {Reinterpret(right, types.TypeOf(binary.Right), types.TypeOf(binary.Left), width)})",
                BinaryOperator.BitwiseAnd => $"{v}.BitwiseAnd({left}, {right})",
                BinaryOperator.BitwiseOr => $"{v}.BitwiseOr({left}, {right})",
                BinaryOperator.ExclusiveOr => $"{v}.Xor({left}, {right})",
                _ => throw new InvalidOperationException($"The C# emitter has no translation for the operator {binary.Operator}."),
            };
        }

        /// <summary>
        /// The scalar count of a shift: a constant (masked by the parser), or the uniform parameter's value, which the
        /// per-width form holds broadcast in a vector, masked to the width as C# masks a shift count.
        /// </summary>
        private static string ShiftCount(Expr count, ElementType shifted, VectorWidth width, ExprTypes types)
        {
            string mask = shifted.Is64() ? "63" : "31";
            return count switch
            {
                IntegerConstant constant => constant.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Variable uniform => width == VectorWidth.VectorT
                    ? $"(int)({Identifier(uniform.Name)}[0] & {mask})"
                    : $"(int)({width.StaticClass}.ToScalar({Identifier(uniform.Name)}) & {mask})",
                _ => throw new InvalidOperationException($"The C# emitter has no translation for the shift count {count.GetType().Name}."),
            };
        }
    }
}
