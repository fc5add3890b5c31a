using System;
using Simd.Generators.Emit;
using Simd.Generators.Ir;
using Simd.Generators.Model;

namespace Simd.Generators.Functions
{
    /// <summary>
    /// One function a kernel may call: the name it has on <c>Math</c>, <c>MathF</c>, <c>float</c>, <c>double</c> and the
    /// generic-math interfaces (<c>T.Exp</c>), its arity, whether it yields a <see langword="bool"/> (a lane mask), and its
    /// spelling on every vector width and in CUDA C.
    /// </summary>
    /// <param name="Function">The IR function.</param>
    /// <param name="Name">The method name in every spelling.</param>
    /// <param name="Arity">The number of arguments.</param>
    /// <param name="ReturnsMask">Whether the result is a <see langword="bool"/>.</param>
    /// <param name="Vector">The C# for one width: the width, the type of the (first) argument and the arguments already translated.</param>
    /// <param name="Cuda">The CUDA C: the arguments already translated.</param>
    /// <param name="Exact">Whether every vector form gives the scalar method's bits (false for approximations such as <c>Exp</c>).</param>
    internal sealed record FunctionRow(
        MathFunction Function,
        string Name,
        int Arity,
        bool ReturnsMask,
        Func<VectorWidth, ElementType, string[], string> Vector,
        Func<string[], string> Cuda,
        bool Exact = true);
}
