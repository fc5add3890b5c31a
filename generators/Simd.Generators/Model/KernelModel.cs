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
    /// <param name="Element">float or double.</param>
    /// <param name="Parameters">The parameters in declaration order.</param>
    /// <param name="ReturnsValue">Whether the kernel returns its value (a map) rather than updating its ref lane.</param>
    /// <param name="Reductions">The requested reductions as the runtime's flag values (Sum = 1, Min = 2, Max = 4).</param>
    /// <param name="Body">The body as straight-line statements and a result.</param>
    /// <param name="HasCudaReference">Whether the compilation references Simd.Cuda, so device overloads are emitted.</param>
    internal sealed record KernelModel(
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Name,
        string Accessibility,
        ElementType Element,
        EquatableArray<KernelParameter> Parameters,
        bool ReturnsValue,
        int Reductions,
        KernelBody Body,
        bool HasCudaReference)
    {
        public const int SumFlag = 1;
        public const int MinFlag = 2;
        public const int MaxFlag = 4;

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
