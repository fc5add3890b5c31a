using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Simd.Generators.Functions;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>
    /// Calls: the functions of <see cref="FunctionTable"/> under every spelling (<c>Math</c>, <c>MathF</c>, <c>float</c>,
    /// <c>double</c>, <c>T</c>), other <c>[Kernel]</c>s, generic-math conversions of constants, and static helpers of the same
    /// file, which are inlined.
    /// </summary>
    internal sealed partial class BodyParser
    {
        private Expr? Call(InvocationExpressionSyntax invocation, bool wantMask)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol callee)
            {
                Report(Diagnostics.UnsupportedCall, invocation.Expression.GetLocation(), invocation.Expression.ToString(), FunctionTable.Names);
                return null;
            }

            string container = callee.ContainingType?.ToDisplayString() ?? string.Empty;
            bool isKernel = callee.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KernelParser.KernelAttributeName);
            if (isKernel)
            {
                return KernelCall(invocation, callee, wantMask);
            }

            if (IsInlinable(callee))
            {
                return Inline(invocation, callee, wantMask);
            }

            if (IsMathContainer(callee))
            {
                if (IsConversion(callee) && invocation.ArgumentList.Arguments.Count == 1)
                {
                    return Conversion(invocation, callee, wantMask);
                }

                if (callee.Name == "Round" && callee.Parameters.Length == 2 && callee.Parameters[1].Type.ToDisplayString() == "System.MidpointRounding")
                {
                    return RoundWithMode(invocation, callee, container, wantMask);
                }

                if (FunctionTable.Find(callee.Name, callee.Parameters.Length) is { } row)
                {
                    return TableCall(invocation, callee, container, row, wantMask);
                }
            }

            string name = container.Length > 0 ? $"{container}.{callee.Name}" : callee.Name;
            Report(Diagnostics.UnsupportedCall, invocation.Expression.GetLocation(), name, FunctionTable.Names);
            return null;
        }

        private Expr? TableCall(InvocationExpressionSyntax invocation, IMethodSymbol callee, string container, FunctionRow row, bool wantMask)
        {
            if (row.ReturnsMask != wantMask)
            {
                Report(
                    Diagnostics.UnsupportedExpression,
                    invocation.GetLocation(),
                    wantMask ? $"'{Short(invocation.ToString())}', a number, as a condition" : $"'{Short(invocation.ToString())}', a condition, as a number",
                    wantMask ? "compare it with a value" : "choose a value with ?: or if / else");
                return null;
            }

            // Math.Exp(float) binds to Math.Exp(double): the call computes in double. (A condition, and Sign, which returns
            // an int the compiler converts, compute in their argument's type.)
            ITypeSymbol computed = row.ReturnsMask || row.Function == MathFunction.Sign ? callee.Parameters[0].Type : callee.ReturnType;
            if (IsInteger(computed))
            {
                if (LaneType(computed) is null)
                {
                    ReportType(invocation, computed);
                    return null;
                }

                if (row.Function == MathFunction.Abs)
                {
                    Report(Diagnostics.UnsupportedExpression, invocation.GetLocation(), $"'{container}.{callee.Name}' of an '{computed.ToDisplayString()}'", $"it throws OverflowException for {computed.ToDisplayString()}.MinValue in the scalar method, which the vector paths cannot; write 'x < 0 ? -x : x' (MinValue stays MinValue, as unchecked negation gives) or compute in '{ElementName}'");
                    return null;
                }

                if (row.Function is not (MathFunction.Min or MathFunction.Max or MathFunction.Clamp))
                {
                    Report(Diagnostics.UnsupportedExpression, invocation.GetLocation(), $"'{container}.{callee.Name}' of an '{computed.ToDisplayString()}'", $"on integers a kernel has Min, Max and Clamp; convert to '{ElementName}' for the other functions");
                    return null;
                }
            }
            else if (!IsElement(computed))
            {
                Report(Diagnostics.MixedPrecision, invocation.GetLocation(), $"'{container}.{callee.Name}' computes in '{computed.ToDisplayString()}'", ElementName);
                return null;
            }

            return Arguments(invocation) is { } arguments ? new MathCall(row.Function, arguments.ToEquatableArray()) : null;
        }

        /// <summary><c>Math.Round(x, MidpointRounding.AwayFromZero)</c> and the other constant modes: one exact function each.</summary>
        private Expr? RoundWithMode(InvocationExpressionSyntax invocation, IMethodSymbol callee, string container, bool wantMask)
        {
            ArgumentSyntax? modeArgument = invocation.ArgumentList.Arguments.Count == 2 ? invocation.ArgumentList.Arguments[1] : null;
            Optional<object?> mode = modeArgument is null ? default : model.GetConstantValue(modeArgument.Expression, cancellationToken);
            if (!mode.HasValue || mode.Value is not int value || FunctionTable.RoundingMode(value) is not { } function)
            {
                Report(Diagnostics.UnsupportedExpression, modeArgument?.GetLocation() ?? invocation.GetLocation(), "A rounding mode that is not a constant", "write the MidpointRounding value itself, such as MidpointRounding.AwayFromZero");
                return null;
            }

            if (wantMask || !IsElement(callee.ReturnType))
            {
                Report(wantMask ? Diagnostics.UnsupportedExpression : Diagnostics.MixedPrecision, invocation.GetLocation(), wantMask ? $"'{Short(invocation.ToString())}', a number, as a condition" : $"'{container}.{callee.Name}' computes in '{callee.ReturnType.ToDisplayString()}'", wantMask ? "compare it with a value" : ElementName);
                return null;
            }

            ArgumentSyntax x = invocation.ArgumentList.Arguments[0];
            if (!x.RefKindKeyword.IsKind(SyntaxKind.None) || x.NameColon is not null)
            {
                Report(Diagnostics.UnsupportedExpression, x.GetLocation(), "A named or 'ref' argument", "pass arguments by position");
                return null;
            }

            return Value(x.Expression) is { } argument ? new MathCall(function, new[] { argument }.ToEquatableArray()) : null;
        }

        /// <summary><c>T.CreateChecked(0.5)</c> and its kin: a constant converted to the element type, or an element already.</summary>
        private Expr? Conversion(InvocationExpressionSyntax invocation, IMethodSymbol callee, bool wantMask)
        {
            ExpressionSyntax argument = invocation.ArgumentList.Arguments[0].Expression;
            if (!wantMask && IsElement(callee.ReturnType))
            {
                Optional<object?> constant = model.GetConstantValue(argument, cancellationToken);
                if (constant.HasValue && constant.Value is not null and not bool and not string and not char)
                {
                    return Number(System.Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
                }

                if (IntegerValue(argument) is long integer)
                {
                    return Number(integer);
                }

                if (model.GetTypeInfo(argument, cancellationToken).Type is { } type && IsElement(type))
                {
                    return Value(argument);
                }
            }

            Report(Diagnostics.UnsupportedExpression, invocation.GetLocation(), $"The conversion '{Short(invocation.ToString())}' of a value that is not a constant", $"convert constants only; a kernel computes in '{ElementName}'");
            return null;
        }

        private Expr? KernelCall(InvocationExpressionSyntax invocation, IMethodSymbol callee, bool wantMask)
        {
            if (KernelCallProblem(callee) is { } problem)
            {
                Report(Diagnostics.UnusableKernelCall, invocation.GetLocation(), callee.Name, problem);
                return null;
            }

            if (wantMask)
            {
                Report(Diagnostics.UnsupportedExpression, invocation.GetLocation(), $"'{Short(invocation.ToString())}', a number, as a condition", "compare it with a value");
                return null;
            }

            if (Arguments(invocation) is not { } arguments)
            {
                return null;
            }

            string qualified = callee.ContainingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new KernelCall(qualified, callee.Name, arguments.ToEquatableArray(), LaneType(callee.ReturnType)!.Value);
        }

        private string? KernelCallProblem(IMethodSymbol callee) =>
            !callee.IsStatic ? "it is not static"
            : callee.IsGenericMethod ? "it is generic; call a static helper, or write the call's arithmetic inline"
            : callee.ReturnType.SpecialType == SpecialType.System_Void ? "it is void; only kernels that return a value can be called"
            : LaneType(callee.ReturnType) is null ? $"it returns '{callee.ReturnType.ToDisplayString()}', not '{ElementName}' or '{types.Integer.Keyword()}'"
            : callee.Parameters.Any(p => p.RefKind != RefKind.None) ? "it has a 'ref' or 'out' parameter"
            : callee.Parameters.Any(p => LaneType(p.Type) is null) ? $"its parameters are not all '{ElementName}' or '{types.Integer.Keyword()}'"
            : callee.DeclaredAccessibility == Accessibility.Private && !SymbolEqualityComparer.Default.Equals(callee.ContainingType, method.ContainingType) ? "it is private to another type"
            : null;

        /// <summary>The arguments by position, each a number; null (reported) if any is not.</summary>
        private List<Expr>? Arguments(InvocationExpressionSyntax invocation)
        {
            var arguments = new List<Expr>();
            bool ok = true;
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon is not null)
                {
                    Report(Diagnostics.UnsupportedExpression, argument.GetLocation(), "A named or 'ref' argument", "pass arguments by position");
                    ok = false;
                }
                else if (Value(argument.Expression) is { } value)
                {
                    arguments.Add(value);
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? arguments : null;
        }

        /// <summary>Math, MathF, float, double, or a generic-math interface reached through a type parameter (<c>T.Exp</c>).</summary>
        private static bool IsMathContainer(IMethodSymbol callee)
        {
            INamedTypeSymbol? type = callee.ContainingType;
            if (type is null)
            {
                return false;
            }

            string name = type.ToDisplayString();
            return name == "System.Math" || name == "System.MathF" || type.SpecialType == SpecialType.System_Single || type.SpecialType == SpecialType.System_Double
                || type.SpecialType == SpecialType.System_Int32 || type.SpecialType == SpecialType.System_Int64
                || (type.TypeKind == TypeKind.Interface && type.ContainingNamespace?.ToDisplayString() == "System.Numerics");
        }

        private static bool IsConversion(IMethodSymbol callee)
            => callee.Name == "CreateChecked" || callee.Name == "CreateTruncating" || callee.Name == "CreateSaturating";

        /// <summary>A static local function of the kernel, or a static method declared in the kernel's file (not a [Kernel]).</summary>
        private bool IsInlinable(IMethodSymbol callee)
        {
            if (callee.MethodKind == MethodKind.LocalFunction)
            {
                return true;
            }

            return callee.MethodKind == MethodKind.Ordinary
                && SymbolEqualityComparer.Default.Equals(callee.ContainingType, method.ContainingType)
                && callee.DeclaringSyntaxReferences.Length > 0;
        }

        /// <summary>
        /// Inlines a helper: its parameters become fresh variables holding the arguments, its body is lowered in a frame of
        /// its own, and its returned value is the call's value. Only helpers in the kernel's own file are inlined, so an
        /// edit to a helper always re-runs the generator for the kernels that use it.
        /// </summary>
        private Expr? Inline(InvocationExpressionSyntax invocation, IMethodSymbol callee, bool wantMask)
        {
            IMethodSymbol definition = callee.OriginalDefinition;
            SyntaxNode? declaration = definition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            string kind = callee.MethodKind == MethodKind.LocalFunction ? "local function" : "method";
            string? problem =
                declaration is null || declaration.SyntaxTree != model.SyntaxTree ? $"it is declared in another file; declare it in the kernel's file, or mark it [Kernel]"
                : !definition.IsStatic ? $"the {kind} is not static (a kernel helper sees only its parameters); add 'static'"
                : frames.Any(f => SymbolEqualityComparer.Default.Equals(f.Method, definition)) ? "it calls itself; recursion cannot be inlined"
                : definition.Parameters.Any(p => p.RefKind != RefKind.None) ? "it has a 'ref', 'out' or 'in' parameter; helpers take values and return one"
                : wantMask ? "it is used as a condition; helpers return a number"
                : null;

            var addedTypes = new List<ITypeSymbol>();
            if (problem is null)
            {
                for (int i = 0; i < callee.TypeArguments.Length; i++)
                {
                    if (!IsElement(callee.TypeArguments[i]))
                    {
                        problem = $"its type argument is '{callee.TypeArguments[i].ToDisplayString()}', not '{ElementName}'";
                        break;
                    }

                    if (elementTypes.Add(definition.TypeParameters[i]))
                    {
                        addedTypes.Add(definition.TypeParameters[i]);
                    }
                }
            }

            if (problem is null && (LaneType(definition.ReturnType) is null || definition.Parameters.Any(p => LaneType(p.Type) is null)))
            {
                problem = $"its parameters and return value are not all '{ElementName}' or '{types.Integer.Keyword()}'";
            }

            (BlockSyntax? block, ArrowExpressionClauseSyntax? arrow) = declaration switch
            {
                MethodDeclarationSyntax m => (m.Body, m.ExpressionBody),
                LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody),
                _ => (null, null),
            };

            if (problem is null && block is null && arrow is null)
            {
                problem = "it has no body";
            }

            if (problem is not null)
            {
                Report(Diagnostics.UnusableHelper, invocation.GetLocation(), callee.Name, problem);
                foreach (ITypeSymbol type in addedTypes)
                {
                    elementTypes.Remove(type);
                }

                return null;
            }

            if (Arguments(invocation) is not { } arguments)
            {
                return null;
            }

            for (int i = 0; i < arguments.Count; i++)
            {
                IParameterSymbol parameter = definition.Parameters[i];
                bindings[parameter] = new Binding(Declare(callee.Name + "_" + parameter.Name, arguments[i], false, invocation.GetLocation()), false, null);
            }

            var frame = new Frame(definition, returnsValue: true);
            string? outer = branch;
            branch = null;
            frames.Push(frame);
            ParseBody(block, arrow);
            frames.Pop();
            branch = outer;
            foreach (IParameterSymbol parameter in definition.Parameters)
            {
                bindings.Remove(parameter);
            }

            foreach (ITypeSymbol type in addedTypes)
            {
                elementTypes.Remove(type);
            }

            return frame.Result();
        }
    }
}
