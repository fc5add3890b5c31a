using Simd.Generators.Ir;

namespace Simd.Generators.Model
{
    /// <summary>
    /// Everything the emitters need to know about one valid kernel: no Roslyn symbols or syntax, only
    /// strings, enums and equatable arrays, so the incremental pipeline can compare it between runs.
    /// </summary>
    /// <param name="Namespace">The namespace, empty for the global namespace.</param>
    /// <param name="ContainingTypes">Enclosing types, outermost first.</param>
    /// <param name="Name">The method name.</param>
    /// <param name="Accessibility">The method's accessibility keywords, reused by the generated overloads.</param>
    /// <param name="Element">
    /// The type the drivers run over: the returned type, or else the first output's (float, double, int or long). Every
    /// parameter has the same width (an <c>int</c> uniform in a 64-bit kernel is only a shift count), so the element
    /// count per vector is the same for all of them.
    /// </param>
    /// <param name="Parameters">The parameters in declaration order.</param>
    /// <param name="TypeParameter">For a generic kernel, the name of its type parameter; empty otherwise.</param>
    /// <param name="ReturnsValue">Whether the kernel returns a value (written to the map's destination, or reduced).</param>
    /// <param name="Reductions">The requested reductions as the runtime's flag values (Sum = 1, Min = 2, Max = 4).</param>
    /// <param name="Body">The body as straight-line statements and a result.</param>
    /// <param name="HasCudaReference">Whether the compilation references Simd.Cuda, so device overloads are emitted.</param>
    internal sealed record KernelModel(
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Name,
        string Accessibility,
        ElementType Element,
        string TypeParameter,
        EquatableArray<KernelParameter> Parameters,
        bool ReturnsValue,
        int Reductions,
        KernelBody Body,
        bool HasCudaReference)
    {
        public const int SumFlag = 1;
        public const int MinFlag = 2;
        public const int MaxFlag = 4;

        /// <summary>The name of the map's destination parameter, the output of a kernel that returns a value.</summary>
        public const string DestinationName = "destination";

        /// <summary>
        /// The streams a map writes, in the order of the overload's parameters: each <c>ref</c> and <c>out</c> lane, then the
        /// destination when the kernel returns a value.
        /// </summary>
        public System.Collections.Generic.IEnumerable<string> MapOutputs
        {
            get
            {
                foreach (KernelParameter p in Parameters)
                {
                    if (p.IsOutput)
                    {
                        yield return p.Name;
                    }
                }

                if (ReturnsValue)
                {
                    yield return DestinationName;
                }
            }
        }

        /// <summary>
        /// The element type and the kinds of the parameters (<c>float_LRU</c>: a lane, a <c>ref</c> lane, a uniform; a letter
        /// after a kind for a parameter of another type, <c>float_LiU</c>): unique
        /// among the overloads of one name, so it names the generated file and types without seeing the other kernels.
        /// </summary>
        public string Signature
        {
            get
            {
                var kinds = new System.Text.StringBuilder(Parameters.Count);
                foreach (KernelParameter p in Parameters)
                {
                    kinds.Append(p.Kind switch
                    {
                        ParameterKind.Lane => 'L',
                        ParameterKind.RefLane => 'R',
                        ParameterKind.OutLane => 'O',
                        _ => 'U',
                    });

                    // A parameter of another type than the element's is named by its type too (float_LiU), so that
                    // overloads that differ in parameter types only get names of their own.
                    if (p.Type != Element)
                    {
                        kinds.Append(p.Type.Letter());
                    }
                }

                return Element.Keyword() + "_" + kinds;
            }
        }

        /// <summary>The type argument list of this instantiation of a generic kernel (<c>&lt;float&gt;</c>), or empty.</summary>
        public string TypeArguments => TypeParameter.Length == 0 ? string.Empty : "<" + Element.Keyword() + ">";

        /// <summary>Whether a parameter or the returned value is an integer (such kernels get no device overloads yet).</summary>
        public bool HasIntegerParameters => Element.IsInteger() || System.Linq.Enumerable.Any(Parameters, p => p.Type.IsInteger());

        /// <summary>The type of the parameter named <paramref name="name"/>.</summary>
        public ElementType TypeOf(string name) => System.Linq.Enumerable.First(Parameters, p => p.Name == name).Type;

        /// <summary>Whether the kernel writes anything besides its returned value (<c>ref</c> or <c>out</c> lanes).</summary>
        public bool HasSideOutputs => System.Linq.Enumerable.Any(Parameters, p => p.IsOutput);

        /// <summary>The type that holds the kernel, as it is written in C# with <c>global::</c>.</summary>
        public string QualifiedTypeName
        {
            get
            {
                string prefix = Namespace.Length == 0 ? "global::" : "global::" + Namespace + ".";
                return prefix + string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name));
            }
        }
    }
}
