using System;

namespace Simd.Generators.Model
{
    /// <summary>One parameter of a kernel: its name and how it is passed.</summary>
    internal sealed record KernelParameter(string Name, ParameterKind Kind);
}
