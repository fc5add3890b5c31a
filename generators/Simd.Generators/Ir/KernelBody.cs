using Simd.Generators.Model;

namespace Simd.Generators.Ir
{
    /// <summary>A kernel body: statements in order, then the result (for a ref-lane kernel, that lane's variable).</summary>
    internal sealed record KernelBody(EquatableArray<Statement> Statements, Expr Result);
}
