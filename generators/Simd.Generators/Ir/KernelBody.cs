namespace Simd.Generators.Ir
{
    /// <summary>
    /// A kernel body lowered to straight-line statements: branches, early returns and unrolled loops have become
    /// per-lane selects. <see cref="Result"/> is the returned value, or <see langword="null"/> for a <see langword="void"/>
    /// kernel; the <c>ref</c> and <c>out</c> lanes are variables named after their parameters, whose final values are
    /// the kernel's other outputs.
    /// </summary>
    internal sealed record KernelBody(Model.EquatableArray<Statement> Statements, Expr? Result);
}
