using System;
using System.Collections.Generic;
using Simd.Generators.Model;

namespace Simd.Generators.Ir
{
    /// <summary>
    /// The type of every expression of a lowered body, read off the tree: constants have the kernel's floating-point or
    /// integer type, variables the type they were declared with, operators the type of their left operand. A condition
    /// (a lane mask) has the type of the values it compares, which is the vector it is on the fixed widths. The parser and
    /// both emitters use this one reading.
    /// </summary>
    internal sealed class ExprTypes
    {
        private readonly Dictionary<string, ElementType> variables = new Dictionary<string, ElementType>();

        /// <param name="element">The kernel's element type: its width gives the floating-point and the integer type.</param>
        public ExprTypes(ElementType element)
        {
            Element = element;
        }

        /// <summary>The kernel's element type, which conditions that compare nothing (<c>true</c>, <c>false</c>) take.</summary>
        public ElementType Element { get; }

        /// <summary>The floating-point type of the kernel's width.</summary>
        public ElementType Float => Element.Float();

        /// <summary>The integer type of the kernel's width.</summary>
        public ElementType Integer => Element.Integer();

        /// <summary>The types of a kernel's parameters and of every variable its statements declare.</summary>
        public static ExprTypes Of(KernelModel kernel)
        {
            var types = new ExprTypes(kernel.Element);
            foreach (KernelParameter p in kernel.Parameters)
            {
                types.Declare(p.Name, p.Type);
            }

            foreach (Statement statement in kernel.Body.Statements)
            {
                if (statement.Declares)
                {
                    types.Declare(statement.Name, types.TypeOf(statement.Value));
                }
            }

            return types;
        }

        /// <summary>Records the type of a variable.</summary>
        public void Declare(string name, ElementType type) => variables[name] = type;

        /// <summary>The type of <paramref name="name"/>.</summary>
        public ElementType Variable(string name) => variables[name];

        /// <summary>The type of <paramref name="expr"/> (for a condition, the type of the values it is computed from).</summary>
        public ElementType TypeOf(Expr expr) => expr switch
        {
            Constant => Float,
            IntegerConstant => Integer,
            MaskConstant => Element,
            Variable v => variables[v.Name],
            Conversion c => c.To,
            Unary u => TypeOf(u.Operand),
            Binary b => TypeOf(b.Left),
            Select s => TypeOf(s.WhenTrue),
            MathCall m => TypeOf(m.Arguments[0]),
            KernelCall k => k.Type,
            _ => throw new InvalidOperationException($"No type for {expr.GetType().Name}."),
        };
    }
}
