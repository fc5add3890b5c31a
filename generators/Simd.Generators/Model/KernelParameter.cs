namespace Simd.Generators.Model
{
    /// <summary>One parameter of a kernel: its name, how it is passed, and its type.</summary>
    internal sealed record KernelParameter(string Name, ParameterKind Kind, ElementType Type)
    {
        /// <summary>Whether the generated overloads take it as a span (every kind but a uniform).</summary>
        public bool IsLane => Kind != ParameterKind.Uniform;

        /// <summary>Whether the kernel writes it: a <c>ref</c> or <c>out</c> lane.</summary>
        public bool IsOutput => Kind == ParameterKind.RefLane || Kind == ParameterKind.OutLane;
    }
}
