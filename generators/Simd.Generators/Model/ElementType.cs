namespace Simd.Generators.Model
{
    /// <summary>The element type of a kernel's lanes.</summary>
    internal enum ElementType
    {
        Single,
        Double,
    }

    /// <summary>Spellings of an <see cref="ElementType"/> in C# and CUDA C.</summary>
    internal static class ElementTypeNames
    {
        public static string Keyword(this ElementType type) => type == ElementType.Single ? "float" : "double";
    }
}
