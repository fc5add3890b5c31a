using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>
    /// Translates a kernel body into <see cref="KernelBody"/>: straight-line statements over the element
    /// type and booleans. Every construct outside that language becomes a diagnostic at its exact location.
    /// </summary>
    internal sealed class BodyParser
    {
        private const string LoopAdvice = "loops run in the generated drivers: write the body for one element";
        private const string StraightLineAdvice = "write straight-line code: local declarations, assignments and one final return";

        private static readonly Dictionary<string, (MathFunction Function, int Arity)> MathFunctions = new Dictionary<string, (MathFunction, int)>
        {
            ["Abs"] = (MathFunction.Abs, 1),
            ["Min"] = (MathFunction.Min, 2),
            ["Max"] = (MathFunction.Max, 2),
            ["Sqrt"] = (MathFunction.Sqrt, 1),
            ["FusedMultiplyAdd"] = (MathFunction.FusedMultiplyAdd, 3),
            ["Clamp"] = (MathFunction.Clamp, 3),
            ["Exp"] = (MathFunction.Exp, 1),
            ["Log"] = (MathFunction.Log, 1),
            ["Tanh"] = (MathFunction.Tanh, 1),
        };

        private readonly SemanticModel model;
        private readonly IMethodSymbol method;
        private readonly ElementType element;
        private readonly List<KernelParameter> parameters;
        private readonly List<DiagnosticInfo> diagnostics;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<string> used = new HashSet<string>();
        private readonly HashSet<string> locals = new HashSet<string>();

        public BodyParser(SemanticModel model, IMethodSymbol method, ElementType element, List<KernelParameter> parameters, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            this.model = model;
            this.method = method;
            this.element = element;
            this.parameters = parameters;
            this.diagnostics = diagnostics;
            this.cancellationToken = cancellationToken;
        }

        private bool ReturnsValue => method.ReturnType.SpecialType != SpecialType.System_Void;

        public KernelBody? Parse(MethodDeclarationSyntax syntax)
        {
            var statements = new List<Statement>();
            Expr? result = null;
            int errorsBefore = diagnostics.Count;

            if (syntax.ExpressionBody is { } arrow)
            {
                if (ReturnsValue)
                {
                    result = Value(arrow.Expression);
                }
                else
                {
                    ParseExpressionStatement(arrow.Expression, statements);
                }
            }
            else if (syntax.Body is { } block)
            {
                for (int i = 0; i < block.Statements.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    StatementSyntax statement = block.Statements[i];
                    bool isLast = i == block.Statements.Count - 1;
                    if (statement is ReturnStatementSyntax ret)
                    {
                        if (!isLast)
                        {
                            Report(Diagnostics.UnsupportedStatement, ret.ReturnKeyword.GetLocation(), "An early 'return'", "a kernel has one return, at the end; use ?: to choose between values");
                        }
                        else if (ReturnsValue && ret.Expression is not null)
                        {
                            result = Value(ret.Expression);
                        }

                        continue;
                    }

                    ParseStatement(statement, statements);
                }

                if (ReturnsValue && result is null && diagnostics.Count == errorsBefore)
                {
                    Report(Diagnostics.UnsupportedStatement, syntax.Identifier.GetLocation(), "A body without a final 'return'", "end the body with 'return <value>;'");
                }
            }

            if (!ReturnsValue)
            {
                KernelParameter refLane = parameters.First(p => p.Kind == ParameterKind.RefLane);
                result = new Variable(refLane.Name);
                used.Add(refLane.Name);
            }

            if (diagnostics.Count != errorsBefore || result is null)
            {
                return null;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (!used.Contains(parameter.Name))
                {
                    Report(Diagnostics.UnusedParameter, parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(), parameter.Name, method.Name);
                }
            }

            return new KernelBody(statements.ToEquatableArray(), result);
        }

        private void ParseStatement(StatementSyntax statement, List<Statement> statements)
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax declaration:
                    ParseDeclaration(declaration, statements);
                    break;
                case ExpressionStatementSyntax expression:
                    ParseExpressionStatement(expression.Expression, statements);
                    break;
                case EmptyStatementSyntax:
                    break;
                case ForStatementSyntax:
                case ForEachStatementSyntax:
                case WhileStatementSyntax:
                case DoStatementSyntax:
                    Report(Diagnostics.UnsupportedStatement, FirstTokenLocation(statement), KindName(statement), LoopAdvice);
                    break;
                case IfStatementSyntax:
                case SwitchStatementSyntax:
                    Report(Diagnostics.UnsupportedStatement, FirstTokenLocation(statement), KindName(statement), "use the conditional operator ?: to choose between values");
                    break;
                default:
                    Report(Diagnostics.UnsupportedStatement, FirstTokenLocation(statement), KindName(statement), StraightLineAdvice);
                    break;
            }
        }

        private void ParseDeclaration(LocalDeclarationStatementSyntax declaration, List<Statement> statements)
        {
            foreach (VariableDeclaratorSyntax declarator in declaration.Declaration.Variables)
            {
                ISymbol? symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                ITypeSymbol? type = (symbol as ILocalSymbol)?.Type;
                if (type is null || !(IsElement(type) || type.SpecialType == SpecialType.System_Boolean))
                {
                    Report(Diagnostics.UnsupportedExpression, declaration.Declaration.Type.GetLocation(), $"A local of type '{type?.ToDisplayString() ?? "?"}'", $"kernel locals are '{element.Keyword()}' or 'bool'");
                    continue;
                }

                if (declarator.Initializer is null)
                {
                    Report(Diagnostics.UnsupportedStatement, declarator.Identifier.GetLocation(), "A local declared without a value", "give the local its value where it is declared");
                    continue;
                }

                Expr? value = type.SpecialType == SpecialType.System_Boolean ? Mask(declarator.Initializer.Value) : Value(declarator.Initializer.Value);
                if (value is not null)
                {
                    locals.Add(declarator.Identifier.Text);
                    statements.Add(new Statement(declarator.Identifier.Text, true, value));
                }
            }
        }

        private void ParseExpressionStatement(ExpressionSyntax expression, List<Statement> statements)
        {
            switch (expression)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax target:
                {
                    if (!IsAssignable(target))
                    {
                        return;
                    }

                    bool isMask = model.GetTypeInfo(target, cancellationToken).Type?.SpecialType == SpecialType.System_Boolean;
                    Expr? right = isMask ? Mask(assignment.Right) : Value(assignment.Right);
                    if (right is null)
                    {
                        return;
                    }

                    BinaryOperator? compound = assignment.Kind() switch
                    {
                        SyntaxKind.AddAssignmentExpression => BinaryOperator.Add,
                        SyntaxKind.SubtractAssignmentExpression => BinaryOperator.Subtract,
                        SyntaxKind.MultiplyAssignmentExpression => BinaryOperator.Multiply,
                        SyntaxKind.DivideAssignmentExpression => BinaryOperator.Divide,
                        SyntaxKind.AndAssignmentExpression when isMask => BinaryOperator.And,
                        SyntaxKind.OrAssignmentExpression when isMask => BinaryOperator.Or,
                        _ => null,
                    };

                    if (assignment.Kind() != SyntaxKind.SimpleAssignmentExpression && compound is null)
                    {
                        Report(Diagnostics.UnsupportedExpression, assignment.OperatorToken.GetLocation(), $"The operator '{assignment.OperatorToken.Text}'", "use =, +=, -=, *= or /=");
                        return;
                    }

                    string name = target.Identifier.Text;
                    if (compound is not null)
                    {
                        used.Add(name);
                    }

                    MarkWritten(name);
                    statements.Add(new Statement(name, false, compound is null ? right : new Binary(compound.Value, new Variable(name), right)));
                    return;
                }

                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } postfix
                    when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    Increment(target, postfix.IsKind(SyntaxKind.PostIncrementExpression), statements);
                    return;

                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } prefix
                    when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    Increment(target, prefix.IsKind(SyntaxKind.PreIncrementExpression), statements);
                    return;

                case AssignmentExpressionSyntax assignment:
                    Report(Diagnostics.UnsupportedExpression, assignment.Left.GetLocation(), $"Assignment to '{assignment.Left}'", "assign only to locals and parameters of the kernel");
                    return;

                default:
                    Report(Diagnostics.UnsupportedStatement, expression.GetLocation(), $"The statement '{expression}'", "a statement in a kernel assigns a local or a 'ref' parameter; a call for its side effects has no place in a kernel");
                    return;
            }
        }

        private void Increment(IdentifierNameSyntax target, bool up, List<Statement> statements)
        {
            if (!IsAssignable(target))
            {
                return;
            }

            string name = target.Identifier.Text;
            used.Add(name);
            MarkWritten(name);
            statements.Add(new Statement(name, false, new Binary(up ? BinaryOperator.Add : BinaryOperator.Subtract, new Variable(name), new Constant(1))));
        }

        private bool IsAssignable(IdentifierNameSyntax target)
        {
            ISymbol? symbol = model.GetSymbolInfo(target, cancellationToken).Symbol;
            if (symbol is ILocalSymbol || (symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)))
            {
                return true;
            }

            Report(Diagnostics.UnsupportedExpression, target.GetLocation(), $"Assignment to '{target.Identifier.Text}'", "assign only to locals and parameters of the kernel; a kernel has no other state");
            return false;
        }

        private void MarkWritten(string name)
        {
            if (parameters.Any(p => p.Name == name && p.Kind == ParameterKind.RefLane))
            {
                used.Add(name);
            }
        }

        /// <summary>An expression of the element type.</summary>
        private Expr? Value(ExpressionSyntax syntax)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TypeInfo info = model.GetTypeInfo(syntax, cancellationToken);
            Optional<object?> constant = model.GetConstantValue(syntax, cancellationToken);
            if (constant.HasValue && constant.Value is not null and not bool and not string and not char)
            {
                double value = Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                return new Constant(element == ElementType.Single ? (float)value : value);
            }

            if (syntax is InvocationExpressionSyntax invocation)
            {
                return Call(invocation);
            }

            if (info.Type is { } type && !IsElement(type))
            {
                if (type.SpecialType == SpecialType.System_Boolean)
                {
                    Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), "A 'bool' used as a number", "choose a value with ?:");
                }
                else if (IsOtherFloatingPoint(type))
                {
                    Report(Diagnostics.MixedPrecision, syntax.GetLocation(), $"'{syntax}' computes in '{type.ToDisplayString()}'", element.Keyword());
                }
                else
                {
                    Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), $"An expression of type '{type.ToDisplayString()}'", $"kernels compute with '{element.Keyword()}' values only");
                }

                return null;
            }

            switch (syntax)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Value(parenthesized.Expression);

                case IdentifierNameSyntax identifier:
                    return Identifier(identifier);

                case CastExpressionSyntax cast:
                    return Value(cast.Expression);

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Value(unary.Operand) is { } operand ? new Unary(UnaryOperator.Negate, operand) : null;

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Value(unary.Operand);

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

                default:
                    Unsupported(syntax);
                    return null;
            }
        }

        /// <summary>A boolean expression: a comparison or a logical combination of them.</summary>
        private Expr? Mask(ExpressionSyntax syntax)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (syntax)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Mask(parenthesized.Expression);

                case IdentifierNameSyntax identifier when model.GetTypeInfo(identifier, cancellationToken).Type?.SpecialType == SpecialType.System_Boolean:
                    return Identifier(identifier);

                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                    return Mask(unary.Operand) is { } operand ? new Unary(UnaryOperator.Not, operand) : null;

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
                        Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), $"'{syntax}' as a condition", "a condition compares values (<, <=, >, >=, ==, !=) and combines comparisons with &&, || and !");
                    }

                    return null;
            }
        }

        private Expr? Identifier(IdentifierNameSyntax identifier)
        {
            ISymbol? symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            switch (symbol)
            {
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method):
                    used.Add(parameter.Name);
                    return new Variable(parameter.Name);
                case ILocalSymbol local when locals.Contains(local.Name):
                    used.Add(local.Name);
                    return new Variable(local.Name);
                case IFieldSymbol or IPropertySymbol:
                    Report(Diagnostics.UnsupportedExpression, identifier.GetLocation(), $"Reading '{identifier.Identifier.Text}', which is not a constant", "pass the value as a [Uniform] parameter");
                    return null;
                default:
                    Unsupported(identifier);
                    return null;
            }
        }

        private Expr? Call(InvocationExpressionSyntax invocation)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol callee)
            {
                Report(Diagnostics.UnsupportedCall, invocation.Expression.GetLocation(), invocation.Expression.ToString());
                return null;
            }

            string container = callee.ContainingType?.ToDisplayString() ?? string.Empty;
            bool isMath = (container == "System.Math" || container == "System.MathF") && MathFunctions.ContainsKey(callee.Name);
            bool isKernel = callee.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KernelParser.KernelAttributeName);
            if (isKernel && KernelCallProblem(callee) is { } problem)
            {
                Report(Diagnostics.UnusableKernelCall, invocation.GetLocation(), callee.Name, problem);
                return null;
            }

            if (!isMath && !isKernel)
            {
                Report(Diagnostics.UnsupportedCall, invocation.Expression.GetLocation(), container.Length > 0 ? $"{container}.{callee.Name}" : callee.Name);
                return null;
            }

            var arguments = new List<Expr>();
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                if (argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.NameColon is null)
                {
                    if (Value(argument.Expression) is { } value)
                    {
                        arguments.Add(value);
                    }
                }
                else
                {
                    Report(Diagnostics.UnsupportedExpression, argument.GetLocation(), "A named or ref argument", "pass arguments by position");
                }
            }

            if (arguments.Count != invocation.ArgumentList.Arguments.Count)
            {
                return null;
            }

            if ((container == "System.Math" || container == "System.MathF")
                && MathFunctions.TryGetValue(callee.Name, out (MathFunction Function, int Arity) known)
                && callee.Parameters.Length == known.Arity)
            {
                if (!IsElement(callee.ReturnType))
                {
                    Report(Diagnostics.MixedPrecision, invocation.GetLocation(), $"'{container}.{callee.Name}' computes in '{callee.ReturnType.ToDisplayString()}'", element.Keyword());
                    return null;
                }

                return new MathCall(known.Function, arguments.ToEquatableArray());
            }

            if (isKernel)
            {
                string qualified = callee.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return new KernelCall(qualified, callee.Name, arguments.ToEquatableArray());
            }

            Report(Diagnostics.UnsupportedCall, invocation.Expression.GetLocation(), $"{container}.{callee.Name}");
            return null;
        }

        private string? KernelCallProblem(IMethodSymbol callee) =>
            !callee.IsStatic ? "it is not static"
            : callee.IsGenericMethod ? "it is generic"
            : callee.ReturnType.SpecialType == SpecialType.System_Void ? "it is void; only kernels that return a value can be called"
            : !IsElement(callee.ReturnType) ? $"it returns '{callee.ReturnType.ToDisplayString()}', not '{element.Keyword()}'"
            : callee.Parameters.Any(p => p.RefKind != RefKind.None) ? "it has a 'ref' parameter"
            : callee.Parameters.Any(p => !IsElement(p.Type)) ? $"its parameters are not all '{element.Keyword()}'"
            : callee.DeclaredAccessibility == Accessibility.Private && !SymbolEqualityComparer.Default.Equals(callee.ContainingType, method.ContainingType) ? "it is private to another type"
            : null;

        private void Unsupported(ExpressionSyntax syntax)
        {
            (string what, string advice) = syntax switch
            {
                ElementAccessExpressionSyntax => ("Indexing", "a kernel sees one element of each lane; the generated overloads take the spans"),
                ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => ("Creating an object", "a kernel computes with numbers only"),
                ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax => ("Creating an array", "a kernel sees one element of each lane; the generated overloads take the spans"),
                LambdaExpressionSyntax or AnonymousMethodExpressionSyntax => ("A lambda", "write the computation inline or as another [Kernel] method"),
                SwitchExpressionSyntax => ("A switch expression", "use the conditional operator ?:"),
                IsPatternExpressionSyntax => ("A pattern", "compare values with <, <=, >, >=, == or !="),
                AssignmentExpressionSyntax => ("An assignment inside an expression", "assign in a statement of its own"),
                MemberAccessExpressionSyntax member => ($"Member access '{member}'", "pass the value as a [Uniform] parameter"),
                LiteralExpressionSyntax literal => ($"The literal {literal}", $"use '{element.Keyword()}' numbers"),
                InterpolatedStringExpressionSyntax => ("A string", "a kernel computes with numbers only"),
                ThrowExpressionSyntax => ("Throwing", "a kernel cannot fail per element; validate inputs before calling it"),
                _ => ($"'{syntax.Kind()}'", StraightLineAdvice),
            };

            Report(Diagnostics.UnsupportedExpression, syntax.GetLocation(), what, advice);
        }

        private bool IsElement(ITypeSymbol type) => KernelParser.ElementOf(type) == element;

        private bool IsOtherFloatingPoint(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Decimal || type.ToDisplayString() == "System.Half";

        private static BinaryOperator? Arithmetic(BinaryExpressionSyntax binary) => binary.Kind() switch
        {
            SyntaxKind.AddExpression => BinaryOperator.Add,
            SyntaxKind.SubtractExpression => BinaryOperator.Subtract,
            SyntaxKind.MultiplyExpression => BinaryOperator.Multiply,
            SyntaxKind.DivideExpression => BinaryOperator.Divide,
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

        private static Location FirstTokenLocation(StatementSyntax statement) => statement.GetFirstToken().GetLocation();

        private static string KindName(StatementSyntax statement) => statement.GetFirstToken().Text is { Length: > 0 } text ? $"The '{text}' statement" : $"The statement '{statement.Kind()}'";

        private void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
            => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
