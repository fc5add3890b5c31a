namespace Simd.Generators.Ir
{
    /// <summary>
    /// One straight-line statement: declare or assign a variable. Compound assignments are lowered to
    /// plain ones (<c>x += y</c> becomes <c>x = x + y</c>), and an assignment under a condition to a select.
    /// </summary>
    /// <param name="Name">The variable.</param>
    /// <param name="Declares">Whether this statement declares it.</param>
    /// <param name="Value">The value assigned.</param>
    /// <param name="IsMask">Whether the variable is a <see langword="bool"/> (a lane mask on vector paths).</param>
    internal sealed record Statement(string Name, bool Declares, Expr Value, bool IsMask);
}
