using Simd.Generators.Model;

namespace Simd.Generators.Ir
{
    /// <summary>A node of the kernel expression tree: the whole language a kernel body may use.</summary>
    internal abstract record Expr;

    /// <summary>A floating-point literal or constant of the kernel's width, held as a double (exact for float constants too).</summary>
    internal sealed record Constant(double Value) : Expr;

    /// <summary>An integer constant of the kernel's width (<c>int</c> or <c>long</c>), already wrapped to it.</summary>
    internal sealed record IntegerConstant(long Value) : Expr;

    /// <summary>
    /// A conversion between the floating-point and the integer type of the kernel's width: <c>(float)i</c> rounds to
    /// nearest, <c>(int)x</c> truncates and saturates (NaN to 0), as .NET's conversions do.
    /// </summary>
    internal sealed record Conversion(Expr Operand, ElementType To) : Expr;

    /// <summary>A <see langword="bool"/> constant: every lane true or every lane false.</summary>
    internal sealed record MaskConstant(bool Value) : Expr;

    /// <summary>A parameter or local variable.</summary>
    internal sealed record Variable(string Name) : Expr;

    /// <summary>Negation (<c>-x</c>) or logical not (<c>!c</c>).</summary>
    internal sealed record Unary(UnaryOperator Operator, Expr Operand) : Expr;

    /// <summary>Arithmetic, comparison or logical operator on two operands.</summary>
    internal sealed record Binary(BinaryOperator Operator, Expr Left, Expr Right) : Expr;

    /// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
    internal sealed record Select(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

    /// <summary>A function of the translation table (<see cref="Functions.FunctionTable"/>).</summary>
    internal sealed record MathCall(MathFunction Function, EquatableArray<Expr> Arguments) : Expr;

    /// <summary>A call to another <c>[Kernel]</c> method, by its fully qualified containing type and name, and its returned type.</summary>
    internal sealed record KernelCall(string QualifiedTypeName, string Method, EquatableArray<Expr> Arguments, ElementType Type) : Expr;

    /// <summary>The unary operators.</summary>
    internal enum UnaryOperator
    {
        Negate,
        Not,

        /// <summary><c>~i</c> on an integer.</summary>
        BitwiseNot,
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

        /// <summary><c>&amp;</c>, <c>|</c>, <c>^</c> on integers (<see cref="And"/> and <see cref="Or"/> combine conditions).</summary>
        BitwiseAnd,
        BitwiseOr,
        ExclusiveOr,

        /// <summary>
        /// <c>&lt;&lt;</c>, <c>&gt;&gt;</c> (arithmetic) and <c>&gt;&gt;&gt;</c> (logical) on integers. The count (the right operand) is
        /// an <see cref="IntegerConstant"/> already masked as C# masks it, or a <see cref="Variable"/> naming a uniform
        /// parameter, masked when emitted: every lane shifts by the same count.
        /// </summary>
        ShiftLeft,
        ShiftRight,
        ShiftRightLogical,
    }

    /// <summary>The functions a kernel may call: each has one row in <see cref="Functions.FunctionTable"/>.</summary>
    internal enum MathFunction
    {
        Abs,
        Min,
        Max,
        Sqrt,
        FusedMultiplyAdd,
        MultiplyAddEstimate,
        Clamp,
        Exp,
        Log,
        Tanh,
        IsNaN,
        IsFinite,
        IsInfinity,
        IsPositiveInfinity,
        IsNegativeInfinity,
        IsNegative,
        Exp2,
        Log2,
        Log10,
        Pow,
        Sin,
        Cos,
        Cbrt,
        Hypot,
        Atan,
        Atan2,
        Round,
        RoundAwayFromZero,
        Floor,
        Ceiling,
        Truncate,
        CopySign,
        Sign,
    }
}
