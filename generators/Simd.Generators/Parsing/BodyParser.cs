using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>
    /// Lowers a kernel body to <see cref="KernelBody"/>: straight-line statements over the element type and lane masks.
    /// Branches become selects under a mask of the lanes that take them, early returns a mask of the lanes that are done,
    /// <c>for</c> loops with compile-time bounds are unrolled, and static helpers in the same file are inlined. Every
    /// construct outside that language becomes one diagnostic at its exact location, in C# words.
    /// </summary>
    /// <remarks>
    /// The lowering keeps the scalar method's answer lane by lane: a lane's value is only ever taken from the branch that
    /// lane takes, and every expression is pure, so computing the other branch too changes nothing. The partial files
    /// hold the statements (<c>BodyParser.Statements.cs</c>), the expressions (<c>BodyParser.Expressions.cs</c>) and the
    /// calls (<c>BodyParser.Calls.cs</c>).
    /// </remarks>
    internal sealed partial class BodyParser
    {
        /// <summary>The most iterations one <c>for</c> loop may unroll to.</summary>
        public const int MaxLoopIterations = 64;

        /// <summary>The most statements a kernel may lower to, after unrolling and inlining.</summary>
        public const int MaxStatements = 4096;

        private readonly SemanticModel model;
        private readonly IMethodSymbol method;
        private readonly ElementType element;
        private readonly List<DiagnosticInfo> diagnostics;
        private readonly CancellationToken cancellationToken;
        private readonly List<Statement> statements = new List<Statement>();
        private readonly Dictionary<ISymbol, Binding> bindings = new Dictionary<ISymbol, Binding>(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> elementTypes = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<string> names = new HashSet<string>();
        private readonly HashSet<string> usedParameters = new HashSet<string>();
        private readonly Stack<Frame> frames = new Stack<Frame>();

        /// <summary>The type of every variable of the lowered body, and of every expression over them.</summary>
        private readonly ExprTypes types;

        /// <summary>Locals already reported as unusable: their uses are not reported again (one cause, one diagnostic).</summary>
        private readonly HashSet<ISymbol> reported = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private bool tooLong;

        /// <summary>The mask variable of the lanes that take the branch being parsed, or <see langword="null"/> for all lanes.</summary>
        private string? branch;

        public BodyParser(SemanticModel model, IMethodSymbol method, ElementType element, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            this.model = model;
            this.method = method;
            this.element = element;
            this.diagnostics = diagnostics;
            this.cancellationToken = cancellationToken;
            types = new ExprTypes(element);
            foreach (ITypeParameterSymbol typeParameter in method.TypeParameters)
            {
                elementTypes.Add(typeParameter);
            }

            // Names the generated code uses for itself inside the per-width forms.
            names.Add("__sum");
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                names.Add(parameter.Name);
                bindings[parameter] = new Binding(parameter.Name, false, null);
                types.Declare(parameter.Name, KernelParser.ElementOf(parameter.Type) ?? element);
            }
        }

        public KernelBody? Parse(MethodDeclarationSyntax syntax)
        {
            int errorsBefore = diagnostics.Count;
            var frame = new Frame(method, method.ReturnType.SpecialType != SpecialType.System_Void);
            frames.Push(frame);
            ParseBody(syntax.Body, syntax.ExpressionBody);
            frames.Pop();

            Expr? result = frame.Result();
            if (frame.ReturnsValue && result is null && diagnostics.Count == errorsBefore)
            {
                Report(Diagnostics.UnsupportedStatement, syntax.Identifier.GetLocation(), "A body without a final 'return'", "end the body with 'return <value>;'");
            }

            if (diagnostics.Count != errorsBefore)
            {
                return null;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (!usedParameters.Contains(parameter.Name))
                {
                    Report(Diagnostics.UnusedParameter, parameter.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(), parameter.Name, method.Name);
                }
            }

            return new KernelBody(statements.ToEquatableArray(), result);
        }

        /// <summary>A block or expression body of the kernel or of an inlined helper, in the current frame.</summary>
        private void ParseBody(BlockSyntax? block, ArrowExpressionClauseSyntax? arrow)
        {
            Frame frame = frames.Peek();
            if (arrow is not null)
            {
                if (frame.ReturnsValue)
                {
                    if (Value(arrow.Expression) is { } value)
                    {
                        Return(value, arrow.Expression.GetLocation());
                    }
                }
                else
                {
                    ParseExpressionStatement(arrow.Expression);
                }
            }
            else if (block is not null)
            {
                ParseStatement(block);
            }
        }

        /// <summary>A fresh variable name based on <paramref name="hint"/>, unique in the lowered body.</summary>
        private string Fresh(string hint)
        {
            string name = hint;
            for (int i = 1; names.Contains(name); i++)
            {
                name = hint + "__" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names.Add(name);
            return name;
        }

        /// <summary>Appends a statement, unless the body has grown past <see cref="MaxStatements"/> (reported once).</summary>
        private void Emit(string name, bool declares, Expr value, bool isMask, Location location)
        {
            if (statements.Count >= MaxStatements)
            {
                if (!tooLong)
                {
                    tooLong = true;
                    Report(Diagnostics.UnrollLimit, location, $"The kernel body lowers to more than {MaxStatements} statements after unrolling its loops and inlining its helpers", "use fewer or shorter loops");
                }

                return;
            }

            if (declares)
            {
                types.Declare(name, types.TypeOf(value));
            }

            statements.Add(new Statement(name, declares, value, isMask));
        }

        /// <summary>Declares a fresh variable holding <paramref name="value"/> and returns its name.</summary>
        private string Declare(string hint, Expr value, bool isMask, Location location)
        {
            string name = Fresh(hint);
            Emit(name, true, value, isMask, location);
            return name;
        }

        /// <summary>The lanes an assignment applies to now: those in the branch that have not returned, or null for all.</summary>
        private Expr? Active()
        {
            string? done = frames.Peek().Done;
            Expr? notDone = done is null ? null : new Unary(UnaryOperator.Not, new Variable(done));
            if (branch is null)
            {
                return notDone;
            }

            return notDone is null ? new Variable(branch) : new Binary(BinaryOperator.And, new Variable(branch), notDone);
        }

        /// <summary>Assigns <paramref name="value"/> to <paramref name="name"/> in the active lanes only.</summary>
        private void AssignActive(string name, Expr value, bool isMask, Location location)
        {
            Expr? active = Active();
            Emit(name, false, active is null ? value : new Select(active, value, new Variable(name)), isMask, location);
        }

        private void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
            => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

        /// <summary>What a symbol of the body stands for: a variable of the lowered body, or an integer known at compile time.</summary>
        private sealed class Binding
        {
            public Binding(string? name, bool isMask, long? integer)
            {
                Name = name;
                IsMask = isMask;
                Integer = integer;
            }

            public string? Name { get; }

            public bool IsMask { get; }

            public long? Integer { get; }
        }

        /// <summary>The method whose body is being lowered (the kernel, or a helper inlined into it) and its returns.</summary>
        private sealed class Frame
        {
            public Frame(IMethodSymbol method, bool returnsValue)
            {
                Method = method;
                ReturnsValue = returnsValue;
            }

            public IMethodSymbol Method { get; }

            public bool ReturnsValue { get; }

            /// <summary>The returned value when every lane returned at once, at the end.</summary>
            public Expr? Value { get; set; }

            /// <summary>The variable that collects returned values lane by lane, once a return happened in a branch.</summary>
            public string? ValueVariable { get; set; }

            /// <summary>The mask variable of the lanes that have returned.</summary>
            public string? Done { get; set; }

            /// <summary>Whether every lane has returned: later statements are unreachable.</summary>
            public bool AllDone { get; set; }

            public Expr? Result() => Value ?? (ValueVariable is null ? null : new Variable(ValueVariable));
        }
    }
}
