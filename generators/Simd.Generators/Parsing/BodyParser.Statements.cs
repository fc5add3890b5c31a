using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Parsing
{
    /// <summary>Statements: declarations, assignments, <c>if</c>/<c>else</c>, <c>return</c> and unrolled <c>for</c> loops.</summary>
    internal sealed partial class BodyParser
    {
        private const string LoopAdvice = "write 'for (int i = A; i < B; i++)' with bounds known at compile time (it is unrolled); the loop over the elements is the generated driver's";

        private void ParseStatement(StatementSyntax statement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (frames.Peek().AllDone || tooLong)
            {
                return;
            }

            switch (statement)
            {
                case BlockSyntax block:
                    foreach (StatementSyntax inner in block.Statements)
                    {
                        ParseStatement(inner);
                    }

                    break;
                case LocalDeclarationStatementSyntax declaration:
                    ParseDeclaration(declaration);
                    break;
                case ExpressionStatementSyntax expression:
                    ParseExpressionStatement(expression.Expression);
                    break;
                case IfStatementSyntax ifStatement:
                    ParseIf(ifStatement);
                    break;
                case ReturnStatementSyntax ret:
                    ParseReturn(ret);
                    break;
                case ForStatementSyntax loop:
                    ParseFor(loop);
                    break;
                case CheckedStatementSyntax uncheckedBlock when uncheckedBlock.IsKind(SyntaxKind.UncheckedStatement):
                    // Kernels compute unchecked: the block is the same statements.
                    ParseStatement(uncheckedBlock.Block);
                    break;
                case LocalFunctionStatementSyntax:
                case EmptyStatementSyntax:
                    // A local function is inlined where it is called.
                    break;
                default:
                    (string what, string advice) = DescribeStatement(statement);
                    Report(Diagnostics.UnsupportedStatement, statement.GetFirstToken().GetLocation(), what, advice);
                    break;
            }
        }

        private static (string What, string Advice) DescribeStatement(StatementSyntax statement) => statement switch
        {
            WhileStatementSyntax => ("A 'while' loop", LoopAdvice),
            DoStatementSyntax => ("A 'do' loop", LoopAdvice),
            ForEachStatementSyntax or ForEachVariableStatementSyntax => ("A 'foreach' loop", LoopAdvice),
            SwitchStatementSyntax => ("A 'switch' statement", "use if / else if / else"),
            BreakStatementSyntax => ("'break'", "a kernel's for loops are unrolled and run every iteration; put an 'if' around the rest of the body instead"),
            ContinueStatementSyntax => ("'continue'", "a kernel's for loops are unrolled and run every iteration; put an 'if' around the rest of the body instead"),
            ThrowStatementSyntax => ("Throwing", "a kernel cannot fail per element; validate inputs before calling it"),
            TryStatementSyntax => ("A 'try' statement", "a kernel cannot throw, so there is nothing to catch"),
            UsingStatementSyntax => ("A 'using' statement", "a kernel computes with numbers only"),
            LockStatementSyntax => ("A 'lock' statement", "a kernel has no shared state to lock"),
            GotoStatementSyntax or LabeledStatementSyntax => ("'goto' and labels", "use if / else"),
            YieldStatementSyntax => ("'yield'", "a kernel returns one value per element"),
            CheckedStatementSyntax => ("A 'checked' block", CheckedAdvice),
            UnsafeStatementSyntax or FixedStatementSyntax => ("Unsafe code", "a kernel sees one element of each lane; the generated overloads take the spans"),
            _ => ($"The statement '{Short(statement.ToString())}'", "a kernel body has declarations, assignments, if / else, for loops with constant bounds and return"),
        };

        private void ParseDeclaration(LocalDeclarationStatementSyntax declaration)
        {
            if (declaration.IsConst)
            {
                // Constants are read through the semantic model where they are used.
                return;
            }

            foreach (VariableDeclaratorSyntax declarator in declaration.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
                {
                    continue;
                }

                ExpressionSyntax? initializer = declarator.Initializer?.Value;
                if (IsInteger(local.Type))
                {
                    // An integer local with a constant value that nothing assigns is a compile-time constant of the body
                    // (like a loop counter, usable in loop bounds); any other integer local is a lane.
                    long? integer = initializer is null ? null : IntegerValue(initializer);
                    if (integer is not null && !IsAssigned(local, declaration.Parent ?? declaration))
                    {
                        bindings[local] = new Binding(null, false, integer);
                        continue;
                    }

                    if (LaneType(local.Type) is null)
                    {
                        if (KernelParser.ElementOf(local.Type) is not null)
                        {
                            Report(Diagnostics.MixedWidth, declaration.Declaration.Type.GetLocation(), $"The local '{local.Name}' of type '{local.Type.ToDisplayString()}'", element.Keyword(), KernelParser.WidthAdvice(element));
                        }
                        else
                        {
                            Report(Diagnostics.UnsupportedExpression, declaration.Declaration.Type.GetLocation(), $"A local of type '{local.Type.ToDisplayString()}'", $"kernel locals are '{ElementName}', '{types.Integer.Keyword()}' or 'bool'");
                        }

                        reported.Add(local);
                        continue;
                    }
                }

                bool isMask = local.Type.SpecialType == SpecialType.System_Boolean;
                if (!isMask && LaneType(local.Type) is null)
                {
                    Report(Diagnostics.UnsupportedExpression, declaration.Declaration.Type.GetLocation(), $"A local of type '{local.Type.ToDisplayString()}'", $"kernel locals are '{ElementName}', '{types.Integer.Keyword()}' or 'bool'");
                    reported.Add(local);
                    continue;
                }

                // A local declared without a value is definitely assigned before it is read (the C# compiler checks);
                // it starts at zero so the lowered code, which assigns it lane by lane, is well defined.
                Expr? value = initializer is null
                    ? (isMask ? new MaskConstant(false) : IsInteger(local.Type) ? new IntegerConstant(0) : new Constant(0))
                    : (isMask ? Mask(initializer) : Value(initializer));
                if (value is null)
                {
                    reported.Add(local);
                    continue;
                }

                string name = Declare(local.Name, value, isMask, declarator.GetLocation());
                bindings[local] = new Binding(name, isMask, null);
            }
        }

        private void ParseExpressionStatement(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax target:
                    ParseAssignment(assignment, target);
                    return;

                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } postfix
                    when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    Increment(target, postfix.IsKind(SyntaxKind.PostIncrementExpression));
                    return;

                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } prefix
                    when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    Increment(target, prefix.IsKind(SyntaxKind.PreIncrementExpression));
                    return;

                case AssignmentExpressionSyntax assignment:
                    Report(Diagnostics.UnsupportedExpression, assignment.Left.GetLocation(), $"Assignment to '{assignment.Left}'", "assign only to locals and parameters of the kernel");
                    return;

                default:
                    Report(Diagnostics.UnsupportedStatement, expression.GetLocation(), $"The statement '{Short(expression.ToString())}'", "a statement in a kernel assigns a local or a 'ref' or 'out' parameter; a call for its side effects has no place in a kernel");
                    return;
            }
        }

        private void ParseAssignment(AssignmentExpressionSyntax assignment, IdentifierNameSyntax target)
        {
            if (Target(target) is not { } binding)
            {
                return;
            }

            bool simple = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
            ElementType targetType = types.Variable(binding.Name!);
            bool integer = !binding.IsMask && targetType.IsInteger();
            BinaryOperator? compound = assignment.Kind() switch
            {
                SyntaxKind.AddAssignmentExpression when !binding.IsMask => BinaryOperator.Add,
                SyntaxKind.SubtractAssignmentExpression when !binding.IsMask => BinaryOperator.Subtract,
                SyntaxKind.MultiplyAssignmentExpression when !binding.IsMask => BinaryOperator.Multiply,
                SyntaxKind.DivideAssignmentExpression when !binding.IsMask && !integer => BinaryOperator.Divide,
                SyntaxKind.AndAssignmentExpression when binding.IsMask => BinaryOperator.And,
                SyntaxKind.OrAssignmentExpression when binding.IsMask => BinaryOperator.Or,
                SyntaxKind.AndAssignmentExpression when integer => BinaryOperator.BitwiseAnd,
                SyntaxKind.OrAssignmentExpression when integer => BinaryOperator.BitwiseOr,
                SyntaxKind.ExclusiveOrAssignmentExpression when integer => BinaryOperator.ExclusiveOr,
                SyntaxKind.LeftShiftAssignmentExpression or SyntaxKind.RightShiftAssignmentExpression or SyntaxKind.UnsignedRightShiftAssignmentExpression when integer => Shift(assignment.Kind()),
                _ => null,
            };

            if (!simple && compound is null)
            {
                (string what, string advice) = assignment.Kind() switch
                {
                    SyntaxKind.ModuloAssignmentExpression => ($"The operator '{assignment.OperatorToken.Text}'", integer ? IntegerRemainderAdvice : RemainderAdvice),
                    SyntaxKind.DivideAssignmentExpression => ($"The integer division '{Short(assignment.ToString())}'", IntegerDivisionAdvice),
                    _ => ($"The operator '{assignment.OperatorToken.Text}'", binding.IsMask ? "use =, &= or |=" : integer ? "use =, +=, -=, *=, &=, |=, ^=, <<=, >>= or >>>=" : "use =, +=, -=, *= or /="),
                };
                Report(Diagnostics.UnsupportedExpression, assignment.OperatorToken.GetLocation(), what, advice);
                return;
            }

            if (compound is BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight or BinaryOperator.ShiftRightLogical)
            {
                if (ShiftCount(assignment.Right, targetType) is { } count)
                {
                    AssignActive(binding.Name!, new Binary(compound.Value, new Variable(binding.Name!), count), false, assignment.GetLocation());
                }

                return;
            }

            Expr? right = binding.IsMask ? Mask(assignment.Right) : Value(assignment.Right);
            if (right is null)
            {
                return;
            }

            // 'i += x' with a float x computes in float and converts back, as C# does: (int)(i + x).
            Expr value = right;
            if (compound is { } op)
            {
                ElementType computed = binding.IsMask ? targetType : types.TypeOf(right);
                value = new Binary(op, binding.IsMask ? new Variable(binding.Name!) : Convert(new Variable(binding.Name!), computed), right);
                value = binding.IsMask ? value : Convert(value, targetType);
            }

            AssignActive(binding.Name!, value, binding.IsMask, assignment.GetLocation());
        }

        private void Increment(IdentifierNameSyntax target, bool up)
        {
            if (Target(target) is not { } binding)
            {
                return;
            }

            if (binding.IsMask)
            {
                Report(Diagnostics.UnsupportedExpression, target.GetLocation(), $"Incrementing the 'bool' '{target.Identifier.Text}'", "assign it a condition");
                return;
            }

            Expr one = types.Variable(binding.Name!).IsInteger() ? new IntegerConstant(1) : new Constant(1);
            var value = new Binary(up ? BinaryOperator.Add : BinaryOperator.Subtract, new Variable(binding.Name!), one);
            AssignActive(binding.Name!, value, false, target.GetLocation());
        }

        /// <summary>The variable an assignment writes, or null (reported) when it is not a local or parameter of the body.</summary>
        private Binding? Target(IdentifierNameSyntax target)
        {
            ISymbol? symbol = model.GetSymbolInfo(target, cancellationToken).Symbol;
            if (symbol is not null && bindings.TryGetValue(symbol, out Binding? binding))
            {
                if (binding.Name is null)
                {
                    Report(Diagnostics.UnsupportedExpression, target.GetLocation(), $"Assigning the integer '{target.Identifier.Text}'", "integer locals and loop counters hold compile-time constants; change them only in the loop header");
                    return null;
                }

                if (symbol is IParameterSymbol parameter && frames.Count == 1)
                {
                    usedParameters.Add(parameter.Name);
                }

                return binding;
            }

            Report(Diagnostics.UnsupportedExpression, target.GetLocation(), $"Assignment to '{target.Identifier.Text}'", "assign only to locals and parameters of the kernel; a kernel has no other state");
            return null;
        }

        private void ParseIf(IfStatementSyntax statement)
        {
            if (Mask(statement.Condition) is not { } condition)
            {
                return;
            }

            // The condition is taken before either branch runs, as the scalar method evaluates it.
            Location location = statement.IfKeyword.GetLocation();
            string taken = Declare("__if", condition, true, location);
            string? outer = branch;
            string thenMask = outer is null ? taken : Declare("__then", new Binary(BinaryOperator.And, new Variable(outer), new Variable(taken)), true, location);
            branch = thenMask;
            ParseStatement(statement.Statement);
            branch = outer;

            if (statement.Else is { } elseClause && !frames.Peek().AllDone)
            {
                Expr notTaken = new Unary(UnaryOperator.Not, new Variable(taken));
                branch = Declare("__else", outer is null ? notTaken : new Binary(BinaryOperator.And, new Variable(outer), notTaken), true, location);
                ParseStatement(elseClause.Statement);
                branch = outer;
            }
        }

        private void ParseReturn(ReturnStatementSyntax statement)
        {
            Frame frame = frames.Peek();
            if (!frame.ReturnsValue)
            {
                Return(null, statement.GetLocation());
                return;
            }

            if (statement.Expression is not null && Value(statement.Expression) is { } value)
            {
                Return(value, statement.GetLocation());
            }
        }

        /// <summary>
        /// Returns <paramref name="value"/> (null in a void body) from the active lanes: at the top of the body that ends
        /// it; in a branch the value is kept for those lanes and they are marked done, so later statements skip them.
        /// </summary>
        private void Return(Expr? value, Location location)
        {
            Frame frame = frames.Peek();
            Expr? active = Active();
            if (active is null)
            {
                if (value is not null)
                {
                    frame.Value = value;
                }

                frame.AllDone = true;
                return;
            }

            if (value is not null)
            {
                if (frame.ValueVariable is null)
                {
                    frame.ValueVariable = Declare("__return", value, false, location);
                }
                else
                {
                    Emit(frame.ValueVariable, false, new Select(active, value, new Variable(frame.ValueVariable)), false, location);
                }
            }

            if (frame.Done is null)
            {
                frame.Done = Declare("__done", active, true, location);
            }
            else
            {
                Emit(frame.Done, false, new Binary(BinaryOperator.Or, new Variable(frame.Done), active), true, location);
            }
        }

        private void ParseFor(ForStatementSyntax loop)
        {
            Location location = loop.ForKeyword.GetLocation();
            if (ForLoopProblem(loop, out ILocalSymbol? counter, out long start, out long step, out SyntaxKind comparison, out ExpressionSyntax? bound) is { } problem)
            {
                Report(Diagnostics.UnrollLimit, location, problem, LoopAdvice);
                return;
            }

            long limit = IntegerValue(bound!)!.Value;
            var values = new List<long>();
            for (long i = start; Continues(i, comparison, limit); i += step)
            {
                if (values.Count == MaxLoopIterations)
                {
                    Report(Diagnostics.UnrollLimit, location, $"This 'for' loop runs more than {MaxLoopIterations} times", $"kernels unroll loops of at most {MaxLoopIterations} iterations; split the work or loop outside the kernel");
                    return;
                }

                values.Add(i);
            }

            foreach (long value in values)
            {
                bindings[counter!] = new Binding(null, false, value);
                ParseStatement(loop.Statement);
                if (frames.Peek().AllDone || tooLong)
                {
                    break;
                }
            }

            bindings.Remove(counter!);
        }

        private static bool Continues(long i, SyntaxKind comparison, long bound) => comparison switch
        {
            SyntaxKind.LessThanExpression => i < bound,
            SyntaxKind.LessThanOrEqualExpression => i <= bound,
            SyntaxKind.GreaterThanExpression => i > bound,
            SyntaxKind.GreaterThanOrEqualExpression => i >= bound,
            _ => i != bound,
        };

        /// <summary>Why <paramref name="loop"/> cannot be unrolled, in C# words, or null with its counter, start, step and bound.</summary>
        private string? ForLoopProblem(ForStatementSyntax loop, out ILocalSymbol? counter, out long start, out long step, out SyntaxKind comparison, out ExpressionSyntax? bound)
        {
            counter = null;
            start = 0;
            step = 0;
            comparison = SyntaxKind.None;
            bound = null;
            if (loop.Declaration is not { Variables.Count: 1 } declaration
                || model.GetDeclaredSymbol(declaration.Variables[0], cancellationToken) is not ILocalSymbol local
                || !IsInteger(local.Type))
            {
                return "A 'for' loop without one integer counter declared in its header";
            }

            counter = local;
            if (declaration.Variables[0].Initializer?.Value is not { } initializer || IntegerValue(initializer) is not long first)
            {
                return $"A 'for' loop whose counter '{local.Name}' does not start at a value known at compile time";
            }

            start = first;
            if (loop.Condition is not BinaryExpressionSyntax test
                || !(test.Left is IdentifierNameSyntax left && left.Identifier.Text == local.Name)
                || !(test.IsKind(SyntaxKind.LessThanExpression) || test.IsKind(SyntaxKind.LessThanOrEqualExpression) || test.IsKind(SyntaxKind.GreaterThanExpression)
                    || test.IsKind(SyntaxKind.GreaterThanOrEqualExpression) || test.IsKind(SyntaxKind.NotEqualsExpression))
                || IntegerValue(test.Right) is null)
            {
                return $"A 'for' loop whose condition is not '{local.Name} < N' (or <=, >, >=, !=) with N known at compile time";
            }

            comparison = test.Kind();
            bound = test.Right;
            if (loop.Incrementors.Count != 1 || Step(loop.Incrementors[0], local.Name) is not long delta || delta == 0)
            {
                return $"A 'for' loop whose counter '{local.Name}' does not change by a constant step ({local.Name}++, {local.Name}--, {local.Name} += k or {local.Name} -= k)";
            }

            step = delta;
            foreach (SyntaxNode node in loop.Statement.DescendantNodesAndSelf())
            {
                ExpressionSyntax? written = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                    _ => null,
                };

                if (written is not null && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(written, cancellationToken).Symbol, local))
                {
                    return $"A 'for' loop whose body changes its counter '{local.Name}'";
                }
            }

            return null;
        }

        private long? Step(ExpressionSyntax incrementor, string counter)
        {
            switch (incrementor)
            {
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } postfix when id.Identifier.Text == counter:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } prefix when id.Identifier.Text == counter:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : prefix.IsKind(SyntaxKind.PreDecrementExpression) ? -1 : null;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } assignment when id.Identifier.Text == counter:
                    long? k = IntegerValue(assignment.Right);
                    return assignment.Kind() switch
                    {
                        SyntaxKind.AddAssignmentExpression => k,
                        SyntaxKind.SubtractAssignmentExpression => -k,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        private static string Short(string text)
        {
            string line = text.Split('\n')[0].Trim();
            return line.Length <= 40 ? line : line.Substring(0, 37) + "...";
        }

        private static bool IsIntegerKind(SpecialType type) => type is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32
            or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

        private static bool IsInteger(ITypeSymbol type) => IsIntegerKind(type.SpecialType);
    }
}
