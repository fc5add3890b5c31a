using System.Collections.Generic;
using System.Linq;
using Simd.Generators.Emit;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Functions
{
    /// <summary>
    /// The one translation table of the functions a kernel may call. The parser looks names up here, the C# emitter
    /// and the CUDA emitter take their spellings from here, and the diagnostic that rejects a call lists these names,
    /// so adding a function is one row (docs/architecture.md, "Add a function").
    /// </summary>
    internal static class FunctionTable
    {
        private const string Ops = "global::Simd.Operators.KernelOps";
        private const string MathOps = "global::Simd.Operators.KernelMath";

        /// <summary>Every row, in the order the diagnostics list them.</summary>
        public static readonly FunctionRow[] Rows =
        {
            // Vector Min/Max follow Math.Min/Max since .NET 9: NaN propagates and -0 < +0.
            Value(MathFunction.Abs, "Abs", 1, (w, e, a) => $"{w.StaticClass}.Abs({a[0]})", a => $"simd_fabs({a[0]})"),
            Value(MathFunction.Min, "Min", 2, (w, e, a) => $"{w.StaticClass}.Min({a[0]}, {a[1]})", a => $"simd_min({a[0]}, {a[1]})"),
            Value(MathFunction.Max, "Max", 2, (w, e, a) => $"{w.StaticClass}.Max({a[0]}, {a[1]})", a => $"simd_max({a[0]}, {a[1]})"),
            Value(
                MathFunction.Sqrt,
                "Sqrt",
                1,
                (w, e, a) => w == VectorWidth.VectorT ? $"{w.StaticClass}.SquareRoot({a[0]})" : $"{w.StaticClass}.Sqrt({a[0]})",
                a => $"simd_sqrt({a[0]})"),
            Value(MathFunction.FusedMultiplyAdd, "FusedMultiplyAdd", 3, (w, e, a) => $"{Ops}.FusedMultiplyAdd({a[0]}, {a[1]}, {a[2]})", a => $"simd_fma({a[0]}, {a[1]}, {a[2]})"),

            // The fast multiply-add: fused where the machine has FMA and two roundings where it does not, in the scalar
            // method (float.MultiplyAddEstimate) and in every vector form alike, so one machine gives one answer on
            // every path; GPUs always fuse. Never the software fallback of FusedMultiplyAdd.
            Value(
                MathFunction.MultiplyAddEstimate,
                "MultiplyAddEstimate",
                3,
                (w, e, a) => e.IsInteger() ? $"({a[0]} * {a[1]} + {a[2]})" : $"{Ops}.MultiplyAdd({a[0]}, {a[1]}, {a[2]})",
                a => $"simd_fma({a[0]}, {a[1]}, {a[2]})"),
            Value(
                MathFunction.Clamp,
                "Clamp",
                3,
                (w, e, a) => e.IsInteger() ? $"{w.StaticClass}.Min({w.StaticClass}.Max({a[0]}, {a[1]}), {a[2]})" : $"{Ops}.Clamp({a[0]}, {a[1]}, {a[2]})",
                a => $"simd_clamp({a[0]}, {a[1]}, {a[2]})"),
            Value(MathFunction.Exp, "Exp", 1, (w, e, a) => $"{MathOps}.Exp({a[0]})", a => $"simd_exp({a[0]})", exact: false),
            Value(MathFunction.Log, "Log", 1, (w, e, a) => $"{MathOps}.Log({a[0]})", a => $"simd_log({a[0]})", exact: false),
            Value(MathFunction.Tanh, "Tanh", 1, (w, e, a) => $"{MathOps}.Tanh({a[0]})", a => $"simd_tanh({a[0]})", exact: false),

            // The rest of KernelMath (docs/kernel-math.md states each bound). Atan2 takes y first, as the scalar method.
            Value(MathFunction.Exp2, "Exp2", 1, (w, e, a) => $"{MathOps}.Exp2({a[0]})", a => $"simd_exp2({a[0]})", exact: false),
            Value(MathFunction.Log2, "Log2", 1, (w, e, a) => $"{MathOps}.Log2({a[0]})", a => $"simd_log2({a[0]})", exact: false),
            Value(MathFunction.Log10, "Log10", 1, (w, e, a) => $"{MathOps}.Log10({a[0]})", a => $"simd_log10({a[0]})", exact: false),
            Value(MathFunction.Pow, "Pow", 2, (w, e, a) => $"{MathOps}.Pow({a[0]}, {a[1]})", a => $"simd_pow({a[0]}, {a[1]})", exact: false),
            Value(MathFunction.Sin, "Sin", 1, (w, e, a) => $"{MathOps}.Sin({a[0]})", a => $"simd_sin({a[0]})", exact: false),
            Value(MathFunction.Cos, "Cos", 1, (w, e, a) => $"{MathOps}.Cos({a[0]})", a => $"simd_cos({a[0]})", exact: false),
            Value(MathFunction.Cbrt, "Cbrt", 1, (w, e, a) => $"{MathOps}.Cbrt({a[0]})", a => $"simd_cbrt({a[0]})", exact: false),
            Value(MathFunction.Hypot, "Hypot", 2, (w, e, a) => $"{MathOps}.Hypot({a[0]}, {a[1]})", a => $"simd_hypot({a[0]}, {a[1]})", exact: false),
            Value(MathFunction.Atan, "Atan", 1, (w, e, a) => $"{MathOps}.Atan({a[0]})", a => $"simd_atan({a[0]})", exact: false),
            Value(MathFunction.Atan2, "Atan2", 2, (w, e, a) => $"{MathOps}.Atan2({a[0]}, {a[1]})", a => $"simd_atan2({a[0]}, {a[1]})", exact: false),

            // Exact rounding and sign functions: the same bits as the scalar method on every path. Round(x, mode) with a
            // constant MidpointRounding picks one of these (BodyParser.Calls).
            Value(MathFunction.Round, "Round", 1, (w, e, a) => $"{MathOps}.Round({a[0]})", a => $"simd_round({a[0]})"),
            Value(MathFunction.RoundAwayFromZero, "RoundAwayFromZero", 1, (w, e, a) => $"{MathOps}.RoundAwayFromZero({a[0]})", a => $"simd_round_away({a[0]})"),
            Value(MathFunction.Floor, "Floor", 1, (w, e, a) => $"{MathOps}.Floor({a[0]})", a => $"simd_floor({a[0]})"),
            Value(MathFunction.Ceiling, "Ceiling", 1, (w, e, a) => $"{MathOps}.Ceiling({a[0]})", a => $"simd_ceiling({a[0]})"),
            Value(MathFunction.Truncate, "Truncate", 1, (w, e, a) => $"{MathOps}.Truncate({a[0]})", a => $"simd_trunc({a[0]})"),
            Value(MathFunction.CopySign, "CopySign", 2, (w, e, a) => $"{MathOps}.CopySign({a[0]}, {a[1]})", a => $"simd_copysign({a[0]}, {a[1]})"),
            Value(MathFunction.Sign, "Sign", 1, (w, e, a) => $"{MathOps}.Sign({a[0]})", a => $"simd_sign({a[0]})"),

            // The classification functions are exact: comparisons and sign-bit tests, the same bits on every path.
            Mask(MathFunction.IsNaN, "IsNaN", (w, e, a) => $"{w.StaticClass}.OnesComplement({w.StaticClass}.Equals({a[0]}, {a[0]}))", a => $"({a[0]} != {a[0]})"),
            Mask(
                MathFunction.IsFinite,
                "IsFinite",
                (w, e, a) => $"{w.StaticClass}.Equals({a[0]} - {a[0]}, {w.Type(e)}.Zero)",
                a => $"(({a[0]} - {a[0]}) == ({a[0]} - {a[0]}))"),
            Mask(
                MathFunction.IsInfinity,
                "IsInfinity",
                (w, e, a) => $"{w.StaticClass}.Equals({w.StaticClass}.Abs({a[0]}), {w.StaticClass}.Create({e.Keyword()}.PositiveInfinity))",
                a => $"(simd_fabs({a[0]}) == simd_positive_infinity({a[0]}))"),
            Mask(
                MathFunction.IsPositiveInfinity,
                "IsPositiveInfinity",
                (w, e, a) => $"{w.StaticClass}.Equals({a[0]}, {w.StaticClass}.Create({e.Keyword()}.PositiveInfinity))",
                a => $"({a[0]} == simd_positive_infinity({a[0]}))"),
            Mask(
                MathFunction.IsNegativeInfinity,
                "IsNegativeInfinity",
                (w, e, a) => $"{w.StaticClass}.Equals({a[0]}, {w.StaticClass}.Create({e.Keyword()}.NegativeInfinity))",
                a => $"({a[0]} == simd_negative_infinity({a[0]}))"),
            Mask(MathFunction.IsNegative, "IsNegative", SignBitSet, a => $"simd_is_negative({a[0]})"),
        };

        private static readonly Dictionary<MathFunction, FunctionRow> ByFunction = Rows.ToDictionary(r => r.Function);

        /// <summary>The row of <paramref name="function"/>.</summary>
        public static FunctionRow Row(MathFunction function) => ByFunction[function];

        /// <summary>The row for a call of <paramref name="name"/> with <paramref name="arity"/> arguments, or <see langword="null"/>.</summary>
        public static FunctionRow? Find(string name, int arity) => Rows.FirstOrDefault(r => r.Name == name && r.Arity == arity && r.Function != MathFunction.RoundAwayFromZero);

        /// <summary>
        /// The function <c>Round(x, mode)</c> stands for with a constant <see cref="System.MidpointRounding"/> value (given as
        /// its number): ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity; null for another.
        /// </summary>
        public static MathFunction? RoundingMode(int mode) => mode switch
        {
            0 => MathFunction.Round,
            1 => MathFunction.RoundAwayFromZero,
            2 => MathFunction.Truncate,
            3 => MathFunction.Floor,
            4 => MathFunction.Ceiling,
            _ => null,
        };

        /// <summary>
        /// Whether every vector form of <paramref name="body"/> gives the scalar method's bits: it calls only exact
        /// functions and no other kernel (whose own exactness is not known here).
        /// </summary>
        public static bool IsExact(KernelBody body)
            => body.Statements.All(s => IsExact(s.Value)) && (body.Result is null || IsExact(body.Result));

        private static bool IsExact(Expr expr) => expr switch
        {
            MathCall call => Row(call.Function).Exact && call.Arguments.All(IsExact),
            KernelCall => false,
            Unary u => IsExact(u.Operand),
            Binary b => IsExact(b.Left) && IsExact(b.Right),
            Select s => IsExact(s.Condition) && IsExact(s.WhenTrue) && IsExact(s.WhenFalse),
            _ => true,
        };

        /// <summary>The names, for the diagnostic that rejects a call: "Abs, Min, …".</summary>
        public static string Names => string.Join(", ", Rows.Select(r => r.Name).Distinct());

        /// <summary>The C# type of a lane mask on <paramref name="width"/>: the vector itself, or <c>Vector&lt;int&gt;</c>/<c>Vector&lt;long&gt;</c> for <c>Vector&lt;T&gt;</c>.</summary>
        public static string MaskType(VectorWidth width, ElementType element)
            => width == VectorWidth.VectorT
                ? $"{width.StaticClass}<{(element == ElementType.Single ? "int" : "long")}>"
                : width.Type(element);

        private static FunctionRow Value(MathFunction function, string name, int arity, System.Func<VectorWidth, ElementType, string[], string> vector, System.Func<string[], string> cuda, bool exact = true)
            => new FunctionRow(function, name, arity, false, vector, cuda, exact);

        private static FunctionRow Mask(MathFunction function, string name, System.Func<VectorWidth, ElementType, string[], string> vector, System.Func<string[], string> cuda)
            => new FunctionRow(function, name, 1, true, vector, cuda);

        // The sign bit as an integer comparison: true for -0 and for negative NaNs, as float.IsNegative says.
        private static string SignBitSet(VectorWidth width, ElementType element, string[] a)
        {
            string v = width.StaticClass;
            bool single = element == ElementType.Single;
            if (width == VectorWidth.VectorT)
            {
                string integer = single ? "int" : "long";
                return $"{v}.LessThan({v}.As{(single ? "VectorInt32" : "VectorInt64")}({a[0]}), {v}<{integer}>.Zero)";
            }

            string bits = single ? "AsInt32" : "AsInt64";
            string back = single ? "AsSingle" : "AsDouble";
            string integerType = $"{v}<{(single ? "int" : "long")}>";
            return $"{v}.{back}({v}.LessThan({v}.{bits}({a[0]}), {integerType}.Zero))";
        }
    }
}
