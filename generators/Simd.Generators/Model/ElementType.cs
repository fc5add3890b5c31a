namespace Simd.Generators.Model
{
    /// <summary>
    /// The type of a kernel's lane, uniform or value: a floating-point type or the integer type of the same width. A
    /// kernel's lanes all have one width (32 bits: <c>float</c> and <c>int</c>; 64 bits: <c>double</c> and <c>long</c>), so
    /// every vector of one kernel holds the same number of elements.
    /// </summary>
    internal enum ElementType
    {
        Single,
        Double,
        Int32,
        Int64,
    }

    /// <summary>Spellings and relations of an <see cref="ElementType"/>.</summary>
    internal static class ElementTypeNames
    {
        /// <summary>The C# keyword: <c>float</c>, <c>double</c>, <c>int</c>, <c>long</c>.</summary>
        public static string Keyword(this ElementType type) => type switch
        {
            ElementType.Single => "float",
            ElementType.Double => "double",
            ElementType.Int32 => "int",
            _ => "long",
        };

        /// <summary>The C type in CUDA C (<c>long long</c> is 64 bits on every CUDA host).</summary>
        public static string CudaKeyword(this ElementType type) => type == ElementType.Int64 ? "long long" : type.Keyword();

        /// <summary>Whether the type is <c>int</c> or <c>long</c>.</summary>
        public static bool IsInteger(this ElementType type) => type == ElementType.Int32 || type == ElementType.Int64;

        /// <summary>Whether the type is 64 bits wide (<c>double</c>, <c>long</c>).</summary>
        public static bool Is64(this ElementType type) => type == ElementType.Double || type == ElementType.Int64;

        /// <summary>The integer type of the same width: <c>int</c> for <c>float</c>, <c>long</c> for <c>double</c>.</summary>
        public static ElementType Integer(this ElementType type) => type.Is64() ? ElementType.Int64 : ElementType.Int32;

        /// <summary>The floating-point type of the same width: <c>float</c> for <c>int</c>, <c>double</c> for <c>long</c>.</summary>
        public static ElementType Float(this ElementType type) => type.Is64() ? ElementType.Double : ElementType.Single;

        /// <summary>The letter that names the type in a kernel's signature when it differs from the kernel's element type.</summary>
        public static char Letter(this ElementType type) => type switch
        {
            ElementType.Single => 'f',
            ElementType.Double => 'd',
            ElementType.Int32 => 'i',
            _ => 'l',
        };
    }
}
