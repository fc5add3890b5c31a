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

            if (!method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.KernelNotStatic, nameLocation, method.Name));
            }

            if (method.IsGenericMethod)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericKernel, nameLocation, method.Name));
            }

            List<ContainingType>? containing = ReadContainingTypes(syntax, method, diagnostics);

            if (syntax.Body is null && syntax.ExpressionBody is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MissingBody, nameLocation, method.Name));
            }

            ElementType? element = ReadElementType(method, syntax, diagnostics);
            List<KernelParameter> parameters = ReadParameters(method, syntax, element, diagnostics);

            bool returnsValue = method.ReturnType.SpecialType != SpecialType.System_Void;
            int refLanes = parameters.Count(p => p.Kind == ParameterKind.RefLane);
            if (element is not null)
            {
                if (returnsValue && refLanes > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidOutput, nameLocation, method.Name, "returns a value and also has a 'ref' parameter"));
                }
                else if (!returnsValue && refLanes != 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        Diagnostics.InvalidOutput,
                        nameLocation,
                        method.Name,
                        refLanes == 0 ? "is 'void' and has no 'ref' parameter to update" : $"is 'void' and has {refLanes} 'ref' parameters"));
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

            if (diagnostics.Count > 0 || element is null || containing is null)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var bodyParser = new BodyParser(context.SemanticModel, method, element.Value, parameters, diagnostics, cancellationToken);
            KernelBody? body = bodyParser.Parse(syntax);
            if (body is null || diagnostics.Any(d => Diagnostics.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            string ns = method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString();
            bool hasCuda = context.SemanticModel.Compilation.GetTypeByMetadataName(CudaBufferName) is not null;
            var model = new KernelModel(
                ns,
                containing.ToEquatableArray(),
                method.Name,
                AccessibilityText(method.DeclaredAccessibility),
                element.Value,
                parameters.ToEquatableArray(),
                returnsValue,
                reductions,
                body,
                hasCuda);
            return new ParseResult(model, diagnostics.ToEquatableArray());
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

        private static ElementType? ReadElementType(IMethodSymbol method, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
        {
            ElementType? element = null;
            if (method.ReturnType.SpecialType == SpecialType.System_Single)
            {
                element = ElementType.Single;
            }
            else if (method.ReturnType.SpecialType == SpecialType.System_Double)
            {
                element = ElementType.Double;
            }
            else if (method.ReturnType.SpecialType != SpecialType.System_Void)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, syntax.ReturnType.GetLocation(), method.Name, method.ReturnType.ToDisplayString()));
                return null;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                ElementType? type = ElementOf(parameter.Type);
                if (type is null)
                {
                    continue;
                }

                if (element is null)
                {
                    element = type;
                }
                else if (element != type)
                {
                    Location location = parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation();
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MixedPrecision, location, $"Parameter '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'", element.Value.Keyword()));
                    return null;
                }
            }

            return element;
        }

        private static List<KernelParameter> ReadParameters(IMethodSymbol method, MethodDeclarationSyntax syntax, ElementType? element, List<DiagnosticInfo> diagnostics)
        {
            var parameters = new List<KernelParameter>();
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                Location location = parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation();
                if (ElementOf(parameter.Type) is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString()));
                    continue;
                }

                if (ReservedNames.Contains(parameter.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, location, parameter.Name));
                }

                bool uniform = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == UniformAttributeName);
                if (parameter.RefKind == RefKind.Ref && !uniform)
                {
                    parameters.Add(new KernelParameter(parameter.Name, ParameterKind.RefLane));
                }
                else if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    string modifier = parameter.IsParams ? "params" : parameter.RefKind switch
                    {
                        RefKind.Out => "out",
                        RefKind.In => "in",
                        RefKind.Ref => "ref [Uniform]",
                        _ => "ref readonly",
                    };
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedModifier, location, parameter.Name, modifier));
                }
                else
                {
                    parameters.Add(new KernelParameter(parameter.Name, uniform ? ParameterKind.Uniform : ParameterKind.Lane));
                }
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
