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
    /// <summary>Expressions: numbers of the element type, lane masks, and integers known at compile time.</summary>
    internal sealed partial class BodyParser
    {
        private const string RemainderAdvice = "'%' has no vector instruction and no exact vector form; compute the remainder before calling the kernel";

        private string ElementName => types.Float.Keyword();

        /// <summary>Whether <paramref name="type"/> is the floating-point type of the kernel: float or double, or the kernel's (or an inlined helper's) type parameter.</summary>
        private bool IsElement(ITypeSymbol type) => KernelParser.ElementOf(type) == types.Float || elementTypes.Contains(type);

        /// <summary>
        /// A number: an expression of the kernel's floating-point or integer type, in the type C# converts it to where it
        /// stands (<c>i</c> in <c>x * i</c> is converted to <c>float</c>, as the compiler converts it).
        /// </summary>
        private Expr? Value(ExpressionSyntax syntax)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MentionsReported(syntax))
            {
                return null;
            }

            TypeInfo info = model.GetTypeInfo(syntax, cancellationToken);
            ITypeSymbol? type = info.Type;
            ElementType? target = info.ConvertedType is { } converted ? LaneType(converted) : type is null ? null : LaneType(type);
            Optional<object?> constant = model.GetConstantValue(syntax, cancellationToken);
            if (constant.HasValue && constant.Value is not null and not bool and not string and not char && target is { } constantType)
            {
                return ConstantOf(constant.Value, constantType);
            }

            // Calls first: Math.Sign returns an int that the compiler converts to the element type.
            if (syntax is InvocationExpressionSyntax invocation)
            {
                return Coerce(Call(invocation, wantMask: false), target);
            }

            if (type is not null && IsInteger(type))
            {
                if (IntegerValue(syntax) is long integer)
                {
                    return ConstantOf(integer, target ?? types.Float);
                }

                if (LaneType(type) is not { } lane || !lane.IsInteger())
                {
                    // 'c ? 1 : 2' is an int the compiler converts to the element type: a select of two constants.
                    if (syntax is ConditionalExpressionSyntax choice || (syntax is ParenthesizedExpressionSyntax { Expression: ConditionalExpressionSyntax inner } && (choice = inner) is not null))
                    {
                        Expr? condition = Mask(choice.Condition);
                        Expr? whenTrue = Value(choice.WhenTrue);
                        Expr? whenFalse = Value(choice.WhenFalse);
                        return condition is not null && whenTrue is not null && whenFalse is not null ? Coerce(new Select(condition, whenTrue, whenFalse), target) : null;
                    }

                    ReportType(syntax, type);
                    return null;
                }
            }
            else if (type is not null && LaneType(type) is null)
            {
                if (type.SpecialType == SpecialType.System_Boolean)
                {
                    Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), "A 'bool' used as a number", "choose a value with ?: or if / else");
                }
                else
                {
                    ReportType(syntax, type);
                }

                return null;
            }

            return Coerce(Structure(syntax, type), target);
        }

        /// <summary>The operators and forms of a number, in its own type (<see cref="Value"/> converts it where C# does).</summary>
        private Expr? Structure(ExpressionSyntax syntax, ITypeSymbol? type)
        {
            bool integer = type is not null && IsInteger(type);
            switch (syntax)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Value(parenthesized.Expression);

                case IdentifierNameSyntax identifier:
                    return Identifier(identifier, wantMask: false);

                case CastExpressionSyntax cast:
                    return Value(cast.Expression) is { } converted ? Convert(converted, LaneType(type!)!.Value) : null;

                case CheckedExpressionSyntax uncheckedExpression when uncheckedExpression.IsKind(SyntaxKind.UncheckedExpression):
                    return Value(uncheckedExpression.Expression);

                case CheckedExpressionSyntax check:
                    Report(Diagnostics.UnsupportedExpression, check.Keyword.GetLocation(), $"'checked({Short(check.Expression.ToString())})'", CheckedAdvice);
                    return null;

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Value(unary.Operand) is { } operand ? new Unary(UnaryOperator.Negate, operand) : null;

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Value(unary.Operand);

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.BitwiseNotExpression):
                    return Value(unary.Operand) is { } bits ? new Unary(UnaryOperator.BitwiseNot, bits) : null;

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.ModuloExpression):
                    Report(Diagnostics.UnsupportedExpression, binary.OperatorToken.GetLocation(), integer ? $"The integer remainder '{Short(binary.ToString())}'" : "The remainder operator '%'", integer ? IntegerRemainderAdvice : RemainderAdvice);
                    return null;

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.DivideExpression) && integer:
                    Report(Diagnostics.UnsupportedExpression, binary.OperatorToken.GetLocation(), $"The integer division '{Short(binary.ToString())}'", IntegerDivisionAdvice);
                    return null;

                case BinaryExpressionSyntax binary when Shift(binary.Kind()) is { } shift:
                {
                    Expr? left = Value(binary.Left);
                    Expr? count = left is null ? null : ShiftCount(binary.Right, types.TypeOf(left));
                    return left is not null && count is not null ? new Binary(shift, left, count) : null;
                }

                case BinaryExpressionSyntax binary when Arithmetic(binary) is { } op:
                {
                    Expr? left = Value(binary.Left);
                    Expr? right = Value(binary.Right);
                    return left is not null && right is not null ? new Binary(op, left, right) : null;
                }

                case ConditionalExpressionSyntax conditional:
                {
                    Expr? condition = Mask(conditional.Condition);
                    Expr? whenTrue = Value(conditional.WhenTrue);
                    Expr? whenFalse = Value(conditional.WhenFalse);
                    return condition is not null && whenTrue is not null && whenFalse is not null ? new Select(condition, whenTrue, whenFalse) : null;
                }

                case MemberAccessExpressionSyntax member when GenericConstant(member) is { } value:
                    return value;

                default:
                    Unsupported(syntax);
                    return null;
            }
        }

        /// <summary>A number of the element type: the constant rounded to it, as the C# compiler rounds the literal.</summary>
        private Constant Number(double value) => new Constant(types.Float == ElementType.Single ? (float)value : value);

        /// <summary>A <see langword="bool"/> expression: a comparison, a classification (<c>float.IsNaN</c>…) or a logical combination of them.</summary>
        private Expr? Mask(ExpressionSyntax syntax)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MentionsReported(syntax))
            {
                return null;
            }

            if (model.GetConstantValue(syntax, cancellationToken) is { HasValue: true, Value: bool constant })
            {
                return new MaskConstant(constant);
            }

            switch (syntax)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Mask(parenthesized.Expression);

                case IdentifierNameSyntax identifier when model.GetTypeInfo(identifier, cancellationToken).Type?.SpecialType == SpecialType.System_Boolean:
                    return Identifier(identifier, wantMask: true);

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                    return Mask(unary.Operand) is { } operand ? new Unary(UnaryOperator.Not, operand) : null;

                case InvocationExpressionSyntax invocation:
                    return Call(invocation, wantMask: true);

                case BinaryExpressionSyntax binary when Comparison(binary) is { } op:
                {
                    Expr? left = Value(binary.Left);
                    Expr? right = Value(binary.Right);
                    return left is not null && right is not null ? new Binary(op, left, right) : null;
                }

                case BinaryExpressionSyntax binary when Logical(binary) is { } op:
                {
                    Expr? left = Mask(binary.Left);
                    Expr? right = Mask(binary.Right);
                    return left is not null && right is not null ? new Binary(op, left, right) : null;
                }

                default:
                    if (model.GetTypeInfo(syntax, cancellationToken).Type?.SpecialType == SpecialType.System_Boolean)
                    {
                        Unsupported(syntax);
                    }
                    else
                    {
                        Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), $"'{Short(syntax.ToString())}' as a condition", "a condition compares values (<, <=, >, >=, ==, !=), classifies them (float.IsNaN, IsFinite, IsInfinity, IsNegative) and combines conditions with &&, || and !");
                    }

                    return null;
            }
        }

        private Expr? Identifier(IdentifierNameSyntax identifier, bool wantMask)
        {
            ISymbol? symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is not null && bindings.TryGetValue(symbol, out Binding? binding))
            {
                if (binding.Integer is long integer)
                {
                    return ConstantOf(integer, (model.GetTypeInfo(identifier, cancellationToken).Type is { } declared ? LaneType(declared) : null) ?? types.Float);
                }

                if (symbol is IParameterSymbol parameter && frames.Count == 1)
                {
                    usedParameters.Add(parameter.Name);
                }

                return new Variable(binding.Name!);
            }

            switch (symbol)
            {
                case IFieldSymbol or IPropertySymbol:
                    Report(Diagnostics.UnsupportedExpression, identifier.GetLocation(), $"Reading '{identifier.Identifier.Text}', which is not a constant", "pass the value as a [Uniform] parameter");
                    return null;
                default:
                    Unsupported(identifier);
                    return null;
            }
        }

        /// <summary>
        /// The generic-math constants of the element type: <c>T.Zero</c>, <c>T.One</c>, <c>float.NegativeZero</c>… (the
        /// <c>const</c> ones such as <c>float.Pi</c> come through the semantic model).
        /// </summary>
        private Expr? GenericConstant(MemberAccessExpressionSyntax member)
        {
            if (model.GetSymbolInfo(member, cancellationToken).Symbol is not { IsStatic: true } symbol
                || symbol is not (IPropertySymbol or IFieldSymbol)
                || model.GetTypeInfo(member, cancellationToken).Type is not { } type
                || !IsElement(type))
            {
                return null;
            }

            bool single = types.Float == ElementType.Single;
            double? value = symbol.Name switch
            {
                "Zero" => 0.0,
                "One" => 1.0,
                "NegativeOne" => -1.0,
                "NegativeZero" => -0.0,
                "NaN" => double.NaN,
                "PositiveInfinity" => double.PositiveInfinity,
                "NegativeInfinity" => double.NegativeInfinity,
                "Epsilon" => single ? float.Epsilon : double.Epsilon,
                "MaxValue" => single ? float.MaxValue : double.MaxValue,
                "MinValue" => single ? float.MinValue : double.MinValue,
                "Pi" => Math.PI,
                "E" => Math.E,
                "Tau" => 2 * Math.PI,
                _ => null,
            };

            return value is double v ? Number(v) : null;
        }

        /// <summary>
        /// The value of an integer expression known at compile time: literals and constants, loop counters of unrolled
        /// loops, integer locals with constant values, and + - * / % &lt;&lt; &gt;&gt; &amp; | ^ on them (with C#'s
        /// truncating division); null otherwise.
        /// </summary>
        private long? IntegerValue(ExpressionSyntax syntax)
        {
            Optional<object?> constant = model.GetConstantValue(syntax, cancellationToken);
            if (constant.HasValue && constant.Value is not null and not bool and not string)
            {
                return constant.Value is char c ? c : System.Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture);
            }

            switch (syntax)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IntegerValue(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return IntegerValue(cast.Expression);
                case IdentifierNameSyntax identifier
                    when model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && bindings.TryGetValue(symbol, out Binding? binding):
                    return binding.Integer;
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return -IntegerValue(unary.Operand);
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return IntegerValue(unary.Operand);
                case BinaryExpressionSyntax binary when IntegerValue(binary.Left) is long left && IntegerValue(binary.Right) is long right:
                    return binary.Kind() switch
                    {
                        SyntaxKind.AddExpression => left + right,
                        SyntaxKind.SubtractExpression => left - right,
                        SyntaxKind.MultiplyExpression => left * right,
                        SyntaxKind.DivideExpression when right != 0 => left / right,
                        SyntaxKind.ModuloExpression when right != 0 => left % right,
                        SyntaxKind.LeftShiftExpression => left << (int)right,
                        SyntaxKind.RightShiftExpression => left >> (int)right,
                        SyntaxKind.UnsignedRightShiftExpression => null,
                        SyntaxKind.BitwiseAndExpression => left & right,
                        SyntaxKind.BitwiseOrExpression => left | right,
                        SyntaxKind.ExclusiveOrExpression => left ^ right,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        /// <summary>Whether the expression reads a local whose declaration was already reported (and so has no value).</summary>
        private bool MentionsReported(ExpressionSyntax syntax)
            => reported.Count > 0 && syntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(id => model.GetSymbolInfo(id, cancellationToken).Symbol is { } symbol && reported.Contains(symbol));

        private void Unsupported(ExpressionSyntax syntax)
        {
            (string what, string advice) = syntax switch
            {
                ElementAccessExpressionSyntax => ("Indexing", "a kernel sees one element of each lane; the generated overloads take the spans"),
                ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => ("Creating an object", "a kernel computes with numbers only"),
                ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax => ("Creating an array", "a kernel sees one element of each lane; the generated overloads take the spans"),
                LambdaExpressionSyntax or AnonymousMethodExpressionSyntax => ("A lambda", "write the computation inline, or as a static local function or static method of the class"),
                SwitchExpressionSyntax => ("A switch expression", "use if / else or the conditional operator ?:"),
                IsPatternExpressionSyntax => ("A pattern", "compare values with <, <=, >, >=, == or !=, or classify them with float.IsNaN, IsFinite, IsInfinity"),
                AssignmentExpressionSyntax => ("An assignment inside an expression", "assign in a statement of its own"),
                MemberAccessExpressionSyntax member => ($"Member access '{Short(member.ToString())}'", "pass the value as a [Uniform] parameter"),
                LiteralExpressionSyntax literal => ($"The literal {literal}", $"use '{ElementName}' numbers"),
                InterpolatedStringExpressionSyntax => ("A string", "a kernel computes with numbers only"),
                ThrowExpressionSyntax => ("Throwing", "a kernel cannot fail per element; validate inputs before calling it"),
                _ => ($"The expression '{Short(syntax.ToString())}'", "a kernel computes with numbers, conditions, the functions of the documented list and calls of static helpers"),
            };

            Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), what, advice);
        }

        private static bool IsOtherFloatingPoint(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Decimal || type.ToDisplayString() == "System.Half";

        private static BinaryOperator? Arithmetic(BinaryExpressionSyntax binary) => binary.Kind() switch
        {
            SyntaxKind.AddExpression => BinaryOperator.Add,
            SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
            SyntaxKind.DivideExpression => BinaryOperator.Divide,
            SyntaxKind.BitwiseAndExpression => BinaryOperator.BitwiseAnd,
            SyntaxKind.BitwiseOrExpression => BinaryOperator.BitwiseOr,
            SyntaxKind.ExclusiveOrExpression => BinaryOperator.ExclusiveOr,
            _ => null,
        };

        private static BinaryOperator? Shift(SyntaxKind kind) => kind switch
        {
            SyntaxKind.LeftShiftExpression or SyntaxKind.LeftShiftAssignmentExpression => BinaryOperator.ShiftLeft,
            SyntaxKind.RightShiftExpression or SyntaxKind.RightShiftAssignmentExpression => BinaryOperator.ShiftRight,
            SyntaxKind.UnsignedRightShiftExpression or SyntaxKind.UnsignedRightShiftAssignmentExpression => BinaryOperator.ShiftRightLogical,
            _ => null,
        };

        private static BinaryOperator? Comparison(BinaryExpressionSyntax binary) => binary.Kind() switch
        {
            SyntaxKind.LessThanExpression => BinaryOperator.Less,
            SyntaxKind.LessThanOrEqualExpression => BinaryOperator.LessOrEqual,
            SyntaxKind.GreaterThanExpression => BinaryOperator.Greater,
            SyntaxKind.GreaterThanOrEqualExpression => BinaryOperator.GreaterOrEqual,
            SyntaxKind.EqualsExpression => BinaryOperator.Equal,
            SyntaxKind.NotEqualsExpression => BinaryOperator.NotEqual,
            _ => null,
        };

        private static BinaryOperator? Logical(BinaryExpressionSyntax binary) => binary.Kind() switch
        {
            SyntaxKind.LogicalAndExpression or SyntaxKind.BitwiseAndExpression => BinaryOperator.And,
            SyntaxKind.LogicalOrExpression or SyntaxKind.BitwiseOrExpression => BinaryOperator.Or,
            _ => null,
        };
    }
}
