namespace Simd.Generators.Model
{
    /// <summary>How a kernel parameter is passed in the generated overloads.</summary>
    internal enum ParameterKind
    {
        /// <summary>One value per element: a <c>ReadOnlySpan&lt;T&gt;</c>.</summary>
        Lane,

        /// <summary>A <c>ref</c> lane, read and written in place: a <c>Span&lt;T&gt;</c>.</summary>
        RefLane,

        /// <summary>An <c>out</c> lane, written only: a <c>Span&lt;T&gt;</c>.</summary>
        OutLane,

        /// <summary>A <c>[Uniform]</c> scalar broadcast to every element.</summary>
        Uniform,
    }
}
