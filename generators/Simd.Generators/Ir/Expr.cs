using Simd.Generators.Model;

namespace Simd.Generators.Ir
{
    /// <summary>A node of the kernel expression tree: the whole language a kernel body may use.</summary>
    internal abstract record Expr;

    /// <summary>A literal or constant, held as a double (exact for float constants too).</summary>
    internal sealed record Constant(double Value) : Expr;

    /// <summary>A parameter or local variable.</summary>
    internal sealed record Variable(string Name) : Expr;

    /// <summary>Negation (<c>-x</c>) or logical not (<c>!c</c>).</summary>
    internal sealed record Unary(UnaryOperator Operator, Expr Operand) : Expr;

    /// <summary>Arithmetic, comparison or logical operator on two operands.</summary>
    internal sealed record Binary(BinaryOperator Operator, Expr Left, Expr Right) : Expr;

    /// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
    internal sealed record Select(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

    /// <summary>A supported <c>Math</c>/<c>MathF</c> function.</summary>
    internal sealed record MathCall(MathFunction Function, EquatableArray<Expr> Arguments) : Expr;

    /// <summary>A call to another <c>[Kernel]</c> method, by its fully qualified containing type and name.</summary>
    internal sealed record KernelCall(string QualifiedTypeName, string Method, EquatableArray<Expr> Arguments) : Expr;

    /// <summary>The unary operators.</summary>
    internal enum UnaryOperator
    {
        Negate,
        Not,
    }

    /// <summary>The binary operators.</summary>
    internal enum BinaryOperator
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual,
        And,
        Or,
    }

    /// <summary>The <c>Math</c>/<c>MathF</c> functions a kernel may call.</summary>
    internal enum MathFunction
    {
        Abs,
        Min,
        Max,
        Sqrt,
        FusedMultiplyAdd,
        Clamp,
        Exp,
        Log,
        Tanh,
    }
}
