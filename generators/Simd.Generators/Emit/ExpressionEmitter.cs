using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Translates the expression tree into C# for one vector width. This is the one place where each
    /// operator and <c>Math</c> function is mapped to its vector form.
    /// </summary>
    internal static class ExpressionEmitter
    {
        private const string Ops = "global::Simd.Operators.KernelOps";
        private const string MathOps = "global::Simd.Operators.KernelMath";

        public static string Emit(Expr expr, VectorWidth width, ElementType element)
        {
            string v = width.StaticClass;
            switch (expr)
            {
                case Constant constant:
                    return $"{v}.Create({Literals.Of(constant.Value, element)})";
                case Variable variable:
                    return Identifier(variable.Name);
                case Unary { Operator: UnaryOperator.Negate } unary:
                    // Flip the sign bit, as scalar negation does: 0 - x would turn +0 into +0 instead of -0.
                    return $"{v}.Xor({Emit(unary.Operand, width, element)}, {v}.Create({Literals.Of(-0.0, element)}))";
                case Unary unary:
                    return $"{v}.OnesComplement({Emit(unary.Operand, width, element)})";
                case Binary binary:
                    return EmitBinary(binary, width, element);
                case Select select:
                    return $"{v}.ConditionalSelect({Emit(select.Condition, width, element)}, {Emit(select.WhenTrue, width, element)}, {Emit(select.WhenFalse, width, element)})";
                case MathCall call:
                    return EmitMath(call, width, element);
                case KernelCall call:
                    return $"{call.QualifiedTypeName}.{Identifier(call.Method)}({Arguments(call.Arguments, width, element)})";
                default:
                    return $"{v}.Create({element.Keyword()}.NaN)";
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
                _ => $"{v}.BitwiseOr({left}, {right})",
            };
        }

        private static string EmitMath(MathCall call, VectorWidth width, ElementType element)
        {
            string v = width.StaticClass;
            string args = Arguments(call.Arguments, width, element);
            return call.Function switch
            {
                // Vector Min/Max follow Math.Min/Max since .NET 9: NaN propagates and -0 < +0.
                MathFunction.Abs => $"{v}.Abs({args})",
                MathFunction.Min => $"{v}.Min({args})",
                MathFunction.Max => $"{v}.Max({args})",
                MathFunction.Sqrt => width == VectorWidth.VectorT ? $"{v}.SquareRoot({args})" : $"{v}.Sqrt({args})",
                MathFunction.FusedMultiplyAdd => $"{Ops}.FusedMultiplyAdd({args})",
                MathFunction.Clamp => $"{Ops}.Clamp({args})",
                MathFunction.Exp => $"{MathOps}.Exp({args})",
                MathFunction.Log => $"{MathOps}.Log({args})",
                _ => $"{MathOps}.Tanh({args})",
            };
        }

        private static string Arguments(EquatableArray<Expr> arguments, VectorWidth width, ElementType element)
            => string.Join(", ", arguments.Select(a => Emit(a, width, element)));
    }
}
