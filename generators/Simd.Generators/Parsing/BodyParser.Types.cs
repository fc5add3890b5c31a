using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>
    /// The types of a body: the floating-point and the integer type of the kernel's width, the conversions C# makes
    /// between them, constants in either, and shift counts.
    /// </summary>
    internal sealed partial class BodyParser
    {
        private const string IntegerDivisionAdvice = "vectors have no integer division instruction; divide before calling the kernel, divide in floating point where the values are exact in it ('(int)((float)a / b)' for |a| below 2^24), or shift right by a constant for a power of two (which rounds toward negative infinity where '/' rounds toward zero)";

        private const string IntegerRemainderAdvice = "vectors have no integer division instruction; compute the remainder before calling the kernel, or mask with '& (n - 1)' for a power of two n and non-negative values";

        private const string CheckedAdvice = "the vector paths wrap on overflow as unchecked C# does and cannot throw per element; remove 'checked', and validate the range before calling the kernel if overflow is an error";

        private const string ShiftCountAdvice = "every lane of a vector shifts by the same count: shift by a constant or by an integer [Uniform] parameter of the kernel";

        /// <summary>
        /// The lane type <paramref name="type"/> stands for in this kernel: its floating-point type (or its type
        /// parameter) or its integer type; null for any other type, the other width included.
        /// </summary>
        private ElementType? LaneType(ITypeSymbol type)
        {
            if (elementTypes.Contains(type))
            {
                return types.Float;
            }

            ElementType? lane = KernelParser.ElementOf(type);
            return lane is { } t && (t == types.Float || t == types.Integer) ? lane : null;
        }

        /// <summary>A constant of <paramref name="type"/>: an integer wrapped to its width, or a number rounded to it as C# rounds it.</summary>
        private Expr ConstantOf(object value, ElementType type)
        {
            if (type.IsInteger())
            {
                long integer = value switch
                {
                    ulong u => unchecked((long)u),
                    float or double or decimal => (long)System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                    _ => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                };
                return new IntegerConstant(type == ElementType.Int32 ? unchecked((int)integer) : integer);
            }

            // A long converts to float directly (one rounding), as the compiler converts it, not through double.
            return value is long l && type == ElementType.Single ? new Constant((float)l) : Number(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }

        /// <summary><paramref name="expr"/> in <paramref name="target"/>, converted as C# converts it implicitly (an int to float).</summary>
        private Expr? Coerce(Expr? expr, ElementType? target)
            => expr is null || target is not { } type || types.TypeOf(expr) == type || types.TypeOf(expr).Is64() != type.Is64() ? expr : Convert(expr, type);

        /// <summary>
        /// A conversion between the floating-point and integer type of the width, folded for constants as the compiler
        /// folds them (.NET's saturating float-to-int conversion: NaN to 0, out-of-range values to the nearest bound).
        /// </summary>
        private Expr Convert(Expr operand, ElementType to)
        {
            if (types.TypeOf(operand) == to)
            {
                return operand;
            }

            switch (operand)
            {
                case IntegerConstant i:
                    return to == ElementType.Single ? new Constant((float)i.Value) : new Constant((double)i.Value);
                case Constant c when to == ElementType.Int32:
                    return new IntegerConstant(double.IsNaN(c.Value) ? 0 : c.Value >= 2147483648.0 ? int.MaxValue : c.Value <= -2147483648.0 ? int.MinValue : (int)c.Value);
                case Constant c:
                    return new IntegerConstant(double.IsNaN(c.Value) ? 0 : c.Value >= 9223372036854775808.0 ? long.MaxValue : c.Value <= -9223372036854775808.0 ? long.MinValue : (long)c.Value);
                case Select { WhenTrue: IntegerConstant or Constant, WhenFalse: IntegerConstant or Constant } select:
                    return new Select(select.Condition, Convert(select.WhenTrue, to), Convert(select.WhenFalse, to));
                default:
                    return new Ir.Conversion(operand, to);
            }
        }

        /// <summary>
        /// The count of a shift of a value of <paramref name="valueType"/>: a constant, masked to the width as C# masks it,
        /// or an integer uniform parameter (masked when emitted); null (reported) for anything else.
        /// </summary>
        private Expr? ShiftCount(ExpressionSyntax count, ElementType valueType)
        {
            int mask = valueType.Is64() ? 63 : 31;
            if (IntegerValue(count) is long constant)
            {
                return new IntegerConstant(constant & mask);
            }

            ExpressionSyntax inner = count;
            while (inner is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                inner = inner is ParenthesizedExpressionSyntax p ? p.Expression : ((CastExpressionSyntax)inner).Expression;
            }

            if (inner is IdentifierNameSyntax identifier
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is IParameterSymbol parameter
                && frames.Count == 1
                && IsInteger(parameter.Type)
                && KernelParser.ElementOf(parameter.Type) is not null
                && parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KernelParser.UniformAttributeName))
            {
                // Assigned in the body, the parameter may hold a different value in every lane: no count of all lanes.
                SyntaxNode? body = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
                if (body is not null && IsAssigned(parameter, body))
                {
                    Report(Diagnostics.UnsupportedExpression, count.GetLocation(), $"The shift count '{Short(count.ToString())}', a [Uniform] parameter that the body assigns,", ShiftCountAdvice + " that the body does not assign");
                    return null;
                }

                usedParameters.Add(parameter.Name);
                return new Variable(parameter.Name);
            }

            Report(Diagnostics.UnsupportedExpression, count.GetLocation(), $"The shift count '{Short(count.ToString())}', which is neither a constant nor a [Uniform] parameter", ShiftCountAdvice);
            return null;
        }

        /// <summary>Reports a number of a type the kernel does not compute with: the other width, or no lane type at all.</summary>
        private void ReportType(ExpressionSyntax syntax, ITypeSymbol type)
        {
            bool otherWidth = KernelParser.ElementOf(type) is { } lane && lane.Is64() != types.Float.Is64();
            bool bothFloat = otherWidth && IsOtherFloatingPoint(type) && !(syntax is CastExpressionSyntax cast && model.GetTypeInfo(cast.Expression, cancellationToken).Type is { } from && IsInteger(from));
            if (bothFloat || (!otherWidth && IsOtherFloatingPoint(type)))
            {
                Report(Diagnostics.MixedPrecision, syntax.GetLocation(), $"'{Short(syntax.ToString())}' computes in '{type.ToDisplayString()}'", ElementName);
            }
            else if (otherWidth)
            {
                Report(Diagnostics.MixedWidth, syntax.GetLocation(), $"'{Short(syntax.ToString())}' computes in '{type.ToDisplayString()}'", element.Keyword(), KernelParser.WidthAdvice(element));
            }
            else
            {
                Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), $"An expression of type '{type.ToDisplayString()}'", $"kernels compute with '{ElementName}' and '{types.Integer.Keyword()}' values");
            }
        }

        /// <summary>Whether <paramref name="scope"/> assigns <paramref name="local"/> (a local, then a lane rather than a constant; or a parameter).</summary>
        private bool IsAssigned(ISymbol local, SyntaxNode scope)
        {
            foreach (SyntaxNode node in scope.DescendantNodes())
            {
                ExpressionSyntax? written = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                    _ => null,
                };

                if (written is not null && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(written, cancellationToken).Symbol, local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
