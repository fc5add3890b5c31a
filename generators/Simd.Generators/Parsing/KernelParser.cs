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
    /// Checks a [Kernel] method's declaration (static, containing types, parameters, return type) and hands
    /// its body to <see cref="BodyParser"/>; produces a <see cref="KernelModel"/> or diagnostics.
    /// </summary>
    internal static class KernelParser
    {
        internal const string KernelAttributeName = "Simd.KernelAttribute";
        internal const string UniformAttributeName = "Simd.UniformAttribute";
        private const string CudaBufferName = "Simd.Cuda.DeviceBuffer`1";

        /// <summary>Names the generated overloads use for their own parameters.</summary>
        internal static readonly HashSet<string> ReservedNames = new HashSet<string> { "destination", "kernel" };

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            var diagnostics = new List<DiagnosticInfo>();
            Location nameLocation = syntax.Identifier.GetLocation();

            // A method that does not parse is the compiler's to report; its recovered tree (missing names, skipped
            // tokens) is no program to translate.
            if (syntax.ContainsDiagnostics && syntax.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return new ParseResult(EquatableArray<KernelModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
            }

            if (!method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.KernelNotStatic, nameLocation, method.Name));
            }

            ITypeParameterSymbol? typeParameter = ReadTypeParameter(method, context.SemanticModel.Compilation, nameLocation, diagnostics);
            if (method.IsGenericMethod && typeParameter is null)
            {
                return new ParseResult(EquatableArray<KernelModel>.Empty, diagnostics.ToEquatableArray());
            }

            List<ContainingType>? containing = ReadContainingTypes(syntax, method, diagnostics);

            if (syntax.Body is null && syntax.ExpressionBody is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingBody, nameLocation, method.Name));
            }

            // A generic kernel is one kernel per element type; a non-generic one has the element type its signature says.
            int before = diagnostics.Count;
            ElementType[] elements;
            if (typeParameter is not null)
            {
                elements = new[] { ElementType.Single, ElementType.Double };
                if (method.ReturnType.SpecialType != SpecialType.System_Void && !SymbolEqualityComparer.Default.Equals(method.ReturnType, typeParameter))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
                }
            }
            else
            {
                elements = ReadElementType(method, syntax, diagnostics) is { } single ? new[] { single } : new ElementType[0];
            }

            List<KernelParameter> parameters = ReadParameters(method, syntax, diagnostics.Count == before, typeParameter, diagnostics);

            bool returnsValue = method.ReturnType.SpecialType != SpecialType.System_Void;
            if (elements.Length > 0)
            {
                if (!returnsValue && !parameters.Any(p => p.IsOutput))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidOutput, nameLocation, method.Name, "is 'void' and has no 'ref' or 'out' parameter to write"));
                }

                if (parameters.Count == method.Parameters.Length && parameters.All(p => p.Kind == ParameterKind.Uniform))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoLanes, nameLocation, method.Name));
                }
            }

            int reductions = ReadReductions(context);
            if (!returnsValue && reductions != 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReductionOnVoidKernel, nameLocation, method.Name));
            }

            if (diagnostics.Count > 0 || elements.Length == 0 || containing is null)
            {
                return new ParseResult(EquatableArray<KernelModel>.Empty, diagnostics.ToEquatableArray());
            }

            string ns = method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString();
            bool hasCuda = context.SemanticModel.Compilation.GetTypeByMetadataName(CudaBufferName) is not null;
            var models = new List<KernelModel>();
            var reported = new HashSet<(string, Microsoft.CodeAnalysis.Text.TextSpan)>();
            var all = new List<DiagnosticInfo>();
            foreach (ElementType element in elements)
            {
                // Both instantiations of a generic kernel report the same problems at the same places: keep one of each.
                var found = new List<DiagnosticInfo>();
                KernelBody? body = new BodyParser(context.SemanticModel, method, element, found, cancellationToken).Parse(syntax);
                all.AddRange(found.Where(d => reported.Add((d.Id, d.Span))));
                if (body is null || found.Any(d => Diagnostics.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
                {
                    continue;
                }

                models.Add(new KernelModel(
                    ns,
                    containing.ToEquatableArray(),
                    method.Name,
                    AccessibilityText(method.DeclaredAccessibility),
                    element,
                    typeParameter?.Name ?? string.Empty,
                    parameters.Select(p => typeParameter is null ? p : p with { Type = element }).ToEquatableArray(),
                    returnsValue,
                    reductions,
                    body,
                    hasCuda));
            }

            bool failed = all.Any(d => Diagnostics.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
            return new ParseResult(failed ? EquatableArray<KernelModel>.Empty : models.ToEquatableArray(), all.ToEquatableArray());
        }

        /// <summary>
        /// The type parameter of a generic kernel, or null: exactly one, constrained only to interfaces that
        /// <see langword="float"/> and <see langword="double"/> both implement (the generic-math interfaces).
        /// </summary>
        private static ITypeParameterSymbol? ReadTypeParameter(IMethodSymbol method, Compilation compilation, Location location, List<DiagnosticInfo> diagnostics)
        {
            if (!method.IsGenericMethod)
            {
                return null;
            }

            if (method.TypeParameters.Length != 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericKernel, location, method.Name, $"has {method.TypeParameters.Length} type parameters"));
                return null;
            }

            ITypeParameterSymbol t = method.TypeParameters[0];
            if (t.HasReferenceTypeConstraint || t.HasConstructorConstraint)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericKernel, location, method.Name, $"constrains '{t.Name}' to a class or to 'new()'"));
                return null;
            }

            foreach (SpecialType special in new[] { SpecialType.System_Single, SpecialType.System_Double })
            {
                INamedTypeSymbol element = compilation.GetSpecialType(special);
                foreach (ITypeSymbol constraint in t.ConstraintTypes)
                {
                    if (!(constraint is INamedTypeSymbol { TypeKind: TypeKind.Interface } named && Implements(element, named, t)))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericKernel, location, method.Name, $"constrains '{t.Name}' to '{constraint.ToDisplayString()}', which '{element.ToDisplayString()}' does not meet"));
                        return null;
                    }
                }
            }

            return t;
        }

        /// <summary>Whether <paramref name="element"/> implements <paramref name="constraint"/> with <paramref name="t"/> replaced by it.</summary>
        private static bool Implements(INamedTypeSymbol element, INamedTypeSymbol constraint, ITypeParameterSymbol t)
        {
            INamedTypeSymbol definition = constraint.OriginalDefinition;
            foreach (INamedTypeSymbol candidate in element.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, definition) || candidate.TypeArguments.Length != constraint.TypeArguments.Length)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < constraint.TypeArguments.Length && same; i++)
                {
                    ITypeSymbol expected = SymbolEqualityComparer.Default.Equals(constraint.TypeArguments[i], t) ? element : constraint.TypeArguments[i];
                    same = SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[i], expected);
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        private static List<ContainingType>? ReadContainingTypes(MethodDeclarationSyntax syntax, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
        {
            var types = new List<ContainingType>();
            bool ok = true;
            bool innermost = true;
            for (SyntaxNode? node = syntax.Parent; node is TypeDeclarationSyntax type; node = node.Parent)
            {
                bool isPartial = type.Modifiers.Any(SyntaxKind.PartialKeyword);
                bool isStaticClass = type is ClassDeclarationSyntax && type.Modifiers.Any(SyntaxKind.StaticKeyword);
                if (!isPartial || (innermost && !isStaticClass))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ContainingTypeNotStaticPartial, type.Identifier.GetLocation(), type.Identifier.Text, method.Name));
                    ok = false;
                }

                string keyword = type is RecordDeclarationSyntax record
                    ? "record" + (record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? " struct" : string.Empty)
                    : type.Keyword.Text;
                string modifiers = string.Join(" ", type.Modifiers.Where(m => m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.UnsafeKeyword)).Select(m => m.Text));
                types.Insert(0, new ContainingType(keyword, type.Identifier.Text + (type.TypeParameterList?.ToString() ?? string.Empty), modifiers));
                innermost = false;
            }

            if (types.Count == 0)
            {
                ok = false;
            }

            return ok ? types : null;
        }

        /// <summary>
        /// The kernel's element type: the returned type, or for a <see langword="void"/> kernel the first output's. Every
        /// parameter must have its width (<c>float</c> and <c>int</c>, or <c>double</c> and <c>long</c>), except an <c>int</c>
        /// uniform in a 64-bit kernel, which can only be a shift count.
        /// </summary>
        private static ElementType? ReadElementType(IMethodSymbol method, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
        {
            ElementType? element = null;
            if (method.ReturnType.SpecialType != SpecialType.System_Void)
            {
                element = ElementOf(method.ReturnType);
                if (element is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
                    return null;
                }
            }

            element ??= method.Parameters.Where(p => p.RefKind is RefKind.Ref or RefKind.Out).Select(p => ElementOf(p.Type)).FirstOrDefault(t => t is not null)
                ?? method.Parameters.Select(p => ElementOf(p.Type)).FirstOrDefault(t => t is not null);
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                ElementType? type = ElementOf(parameter.Type);
                if (type is null || element is null || type.Value.Is64() == element.Value.Is64())
                {
                    continue;
                }

                bool uniform = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == UniformAttributeName);
                if (uniform && type == ElementType.Int32 && parameter.RefKind == RefKind.None)
                {
                    continue;
                }

                Location location = parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation();
                string what = $"Parameter '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'";
                diagnostics.Add(!type.Value.IsInteger() && !element.Value.IsInteger()
                    ? DiagnosticInfo.Create(Diagnostics.MixedPrecision, location, what, element.Value.Keyword())
                    : DiagnosticInfo.Create(Diagnostics.MixedWidth, location, what, element.Value.Keyword(), WidthAdvice(element.Value)));
                return null;
            }

            return element;
        }

        /// <summary>What to write instead of a type of the other width, in a kernel over <paramref name="element"/>.</summary>
        internal static string WidthAdvice(ElementType element) => element.Is64()
            ? "a 64-bit kernel computes with 'double' and 'long' (and takes 'int' uniforms as shift counts only)"
            : "a 32-bit kernel computes with 'float' and 'int'";

        private static List<KernelParameter> ReadParameters(IMethodSymbol method, MethodDeclarationSyntax syntax, bool typesKnown, ITypeParameterSymbol? typeParameter, List<DiagnosticInfo> diagnostics)
        {
            var parameters = new List<KernelParameter>();
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                Location location = parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation();
                bool isElement = typeParameter is not null ? SymbolEqualityComparer.Default.Equals(parameter.Type, typeParameter) : ElementOf(parameter.Type) is not null;
                if (!isElement)
                {
                    // One cause, one diagnostic: when the element type could not be read, its diagnostic said why.
                    if (typesKnown)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString()));
                    }

                    continue;
                }

                if (ReservedNames.Contains(parameter.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, location, parameter.Name));
                }

                bool uniform = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == UniformAttributeName);
                ParameterKind? kind = parameter.IsParams ? null : parameter.RefKind switch
                {
                    RefKind.None => uniform ? ParameterKind.Uniform : ParameterKind.Lane,
                    RefKind.Ref when !uniform => ParameterKind.RefLane,
                    RefKind.Out when !uniform => ParameterKind.OutLane,
                    _ => null,
                };

                if (kind is null)
                {
                    string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
                    {
                        RefKind.Out => "out [Uniform]",
                        RefKind.In => "in",
                        RefKind.Ref => "ref [Uniform]",
                        _ => "ref readonly",
                    };
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedModifier, location, parameter.Name, modifier));
                    continue;
                }

                ElementType type = typeParameter is not null ? ElementType.Single : ElementOf(parameter.Type)!.Value;
                parameters.Add(new KernelParameter(parameter.Name, kind.Value, type));
            }

            return parameters;
        }

        private static int ReadReductions(GeneratorAttributeSyntaxContext context)
        {
            foreach (AttributeData attribute in context.Attributes)
            {
                foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Reductions" && argument.Value.Value is int value)
                    {
                        return value & (KernelModel.SumFlag | KernelModel.MinFlag | KernelModel.MaxFlag);
                    }
                }
            }

            return 0;
        }

        internal static ElementType? ElementOf(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Single => ElementType.Single,
            SpecialType.System_Double => ElementType.Double,
            SpecialType.System_Int32 => ElementType.Int32,
            SpecialType.System_Int64 => ElementType.Int64,
            _ => null,
        };

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "internal",
        };
    }
}
