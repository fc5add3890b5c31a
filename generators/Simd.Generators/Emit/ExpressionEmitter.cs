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
    /// spelling from <see cref="FunctionTable"/>.
    /// </summary>
    internal static class ExpressionEmitter
    {
        public static string Emit(Expr expr, VectorWidth width, ElementType element)
        {
            string v = width.StaticClass;
            switch (expr)
            {
                case Constant constant:
                    return $"{v}.Create({Literals.Of(constant.Value, element)})";
                case MaskConstant mask:
                    return $"{FunctionTable.MaskType(width, element)}.{(mask.Value ? "AllBitsSet" : "Zero")}";
                case Variable variable:
                    return Identifier(variable.Name);
                case Unary { Operator: UnaryOperator.Negate } unary:
                    // Flip the sign bit, as scalar negation does: 0 - x would turn +0 into +0 instead of -0.
                    return $"{v}.Xor({Emit(unary.Operand, width, element)}, {v}.Create({Literals.Of(-0.0, element)}))";
                case Unary { Operator: UnaryOperator.Not } unary:
                    return $"{v}.OnesComplement({Emit(unary.Operand, width, element)})";
                case Binary binary:
                    return EmitBinary(binary, width, element);
                case Select select:
                    return $"{v}.ConditionalSelect({Emit(select.Condition, width, element)}, {Emit(select.WhenTrue, width, element)}, {Emit(select.WhenFalse, width, element)})";
                case MathCall call:
                    return FunctionTable.Row(call.Function).Vector(width, element, call.Arguments.Select(a => Emit(a, width, element)).ToArray());
                case KernelCall call:
                    return $"{call.QualifiedTypeName}.{Identifier(call.Method)}({string.Join(", ", call.Arguments.Select(a => Emit(a, width, element)))})";
                default:
                    throw new InvalidOperationException($"The C# emitter has no translation for {expr.GetType().Name}.");
            }
        }

        public static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static string EmitBinary(Binary binary, VectorWidth width, ElementType element)
        {
            string v = width.StaticClass;
            string left = Emit(binary.Left, width, element);
            string right = Emit(binary.Right, width, element);
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
                BinaryOperator.And => $"{v}.BitwiseAnd({left}, {right})",
                BinaryOperator.Or => $"{v}.BitwiseOr({left}, {right})",
                _ => throw new InvalidOperationException($"The C# emitter has no translation for the operator {binary.Operator}."),
            };
        }
    }
}
