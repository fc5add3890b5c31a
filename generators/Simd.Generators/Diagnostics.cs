using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Simd.Generators
{
    /// <summary>
    /// Every diagnostic the generator reports. IDs are stable; each has a section in docs/diagnostics.md
    /// (its help link) with an example and the fix. Severities can be changed per ID in .editorconfig
    /// (<c>dotnet_diagnostic.SIMD0016.severity = error</c>).
    /// </summary>
    internal static class Diagnostics
    {
        public const string Category = "Simd.Kernels";

        private const string HelpBase = "https://github.com/simd-dotnet/simd/blob/main/docs/diagnostics.md#";

        /// <summary>A kernel method that is not static.</summary>
        public static readonly DiagnosticDescriptor KernelNotStatic = Error(
            "SIMD0001",
            "Kernel method must be static",
            "Kernel '{0}' must be static: a kernel is a pure function of its parameters; add the 'static' modifier");

        /// <summary>A kernel in a class that is not static partial (or nested in a non-partial type).</summary>
        public static readonly DiagnosticDescriptor ContainingTypeNotStaticPartial = Error(
            "SIMD0002",
            "Kernel must be declared in a static partial class",
            "Type '{0}' that holds kernel '{1}' must be a 'static partial class' (and every type it is nested in must be partial) so the generated overloads can be added to it");

        /// <summary>A parameter whose type is not the element type.</summary>
        public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
            "SIMD0003",
            "Unsupported kernel parameter type",
            "Parameter '{0}' has type '{1}'; kernel parameters are 'float', 'double', 'int' or 'long' (or the kernel's type parameter T): lanes, [Uniform] values, 'ref' or 'out' lanes; convert other data before calling the kernel");

        /// <summary>float and double mixed in one kernel.</summary>
        public static readonly DiagnosticDescriptor MixedPrecision = Error(
            "SIMD0004",
            "Kernel mixes float and double",
            "{0} in a kernel over '{1}'; a kernel computes in one precision: use MathF with float and Math with double, and give every parameter the same type");

        /// <summary>A return type other than the element type or void.</summary>
        public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
            "SIMD0005",
            "Unsupported kernel return type",
            "Kernel '{0}' returns '{1}'; a kernel returns 'float', 'double', 'int', 'long' or its type parameter T, or is 'void' and writes its 'ref' and 'out' parameters");

        /// <summary>A generic kernel.</summary>
        public static readonly DiagnosticDescriptor GenericKernel = Error(
            "SIMD0006",
            "Unsupported generic kernel",
            "Kernel '{0}' {1}; a generic kernel has one type parameter T whose constraints 'float' and 'double' both meet (such as 'where T : IFloatingPointIeee754<T>'), and is generated for both");

        /// <summary>A statement outside the straight-line subset.</summary>
        public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
            "SIMD0007",
            "Unsupported statement in kernel",
            "{0} is not supported in a kernel body; {1}");

        /// <summary>An expression outside the supported language.</summary>
        public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
            "SIMD0008",
            "Unsupported expression in kernel",
            "{0} is not supported in a kernel body; {1}");

        /// <summary>A call to a method that is neither a supported Math function nor a kernel.</summary>
        public static readonly DiagnosticDescriptor UnsupportedCall = Error(
            "SIMD0009",
            "Unsupported method call in kernel",
            "Call to '{0}' is not supported in a kernel; call {1} (as Math, MathF, float, double or T methods), a static helper in the same file, or another [Kernel] method that returns a value");

        /// <summary>A kernel with no lane parameter.</summary>
        public static readonly DiagnosticDescriptor NoLanes = Error(
            "SIMD0010",
            "Kernel has no lane parameter",
            "Kernel '{0}' has no lane parameter; at least one parameter must be a lane (not [Uniform]) so the kernel has elements to run over");

        /// <summary>A kernel whose output is not exactly one value or one ref lane.</summary>
        public static readonly DiagnosticDescriptor InvalidOutput = Error(
            "SIMD0011",
            "Kernel has no output",
            "Kernel '{0}' {1}; a kernel returns a value, or writes 'ref' or 'out' parameters, or both");

        /// <summary>A parameter modifier the generator cannot map.</summary>
        public static readonly DiagnosticDescriptor UnsupportedModifier = Error(
            "SIMD0012",
            "Unsupported parameter modifier",
            "Parameter '{0}' is declared '{1}'; use a plain parameter for an input lane (or a [Uniform] value), 'ref' for a lane updated in place, or 'out' for a lane written only");

        /// <summary>Reductions requested on a void kernel.</summary>
        public static readonly DiagnosticDescriptor ReductionOnVoidKernel = Error(
            "SIMD0013",
            "Reductions need a kernel that returns a value",
            "Kernel '{0}' is void, so it has no values to reduce; remove Reductions or make the kernel return its value");

        /// <summary>A kernel without a body.</summary>
        public static readonly DiagnosticDescriptor MissingBody = Error(
            "SIMD0014",
            "Kernel must have a body",
            "Kernel '{0}' has no body; write the per-element computation as a block or an expression body");

        /// <summary>A call to a kernel that cannot be used inside another kernel.</summary>
        public static readonly DiagnosticDescriptor UnusableKernelCall = Error(
            "SIMD0015",
            "Kernel cannot be called from this kernel",
            "Kernel '{0}' cannot be called here: {1}");

        /// <summary>A parameter the body never reads (warning).</summary>
        public static readonly DiagnosticDescriptor UnusedParameter = new DiagnosticDescriptor(
            "SIMD0016",
            "Kernel parameter is never used",
            "Parameter '{0}' of kernel '{1}' is never used; the generated overloads still require it (remove it, or use it)",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + "simd0016");

        /// <summary>A parameter name that collides with a name the generated overloads need.</summary>
        public static readonly DiagnosticDescriptor ReservedName = Error(
            "SIMD0017",
            "Reserved parameter name",
            "Parameter name '{0}' is reserved by the generated overloads; rename it");

        /// <summary>A <c>for</c> loop that cannot be unrolled, or a body that unrolls to too much code.</summary>
        public static readonly DiagnosticDescriptor UnrollLimit = Error(
            "SIMD0018",
            "Loop cannot be unrolled",
            "{0}; {1}");

        /// <summary>A call of a helper method or local function that cannot be inlined.</summary>
        public static readonly DiagnosticDescriptor UnusableHelper = Error(
            "SIMD0019",
            "Helper cannot be inlined into the kernel",
            "'{0}' cannot be inlined into the kernel: {1}");

        /// <summary>A value of the other width: 'long' or 'double' in a 32-bit kernel, 'int' or 'float' in a 64-bit one.</summary>
        public static readonly DiagnosticDescriptor MixedWidth = Error(
            "SIMD0020",
            "Kernel mixes 32-bit and 64-bit values",
            "{0} in a kernel over '{1}'; every vector of a kernel holds as many elements, so its values have one width: {2}");

        private static readonly Dictionary<string, DiagnosticDescriptor> All = new Dictionary<string, DiagnosticDescriptor>();

        static Diagnostics()
        {
            foreach (DiagnosticDescriptor descriptor in new[]
            {
                KernelNotStatic, ContainingTypeNotStaticPartial, UnsupportedParameterType, MixedPrecision, UnsupportedReturnType,
                GenericKernel, UnsupportedStatement, UnsupportedExpression, UnsupportedCall, NoLanes, InvalidOutput,
                UnsupportedModifier, ReductionOnVoidKernel, MissingBody, UnusableKernelCall, UnusedParameter, ReservedName,
                UnrollLimit, UnusableHelper, MixedWidth,
            })
            {
                All[descriptor.Id] = descriptor;
            }
        }

        public static IEnumerable<DiagnosticDescriptor> Descriptors => All.Values;

        public static DiagnosticDescriptor ById(string id) => All[id];

        private static DiagnosticDescriptor Error(string id, string title, string message) => new DiagnosticDescriptor(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
