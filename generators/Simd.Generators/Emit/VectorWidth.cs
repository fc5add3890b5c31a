using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>How one vector width is spelled in generated C#.</summary>
    internal sealed class VectorWidth
    {
        public static readonly VectorWidth V128 = new VectorWidth("128", "global::System.Runtime.Intrinsics.Vector128");
        public static readonly VectorWidth V256 = new VectorWidth("256", "global::System.Runtime.Intrinsics.Vector256");
        public static readonly VectorWidth V512 = new VectorWidth("512", "global::System.Runtime.Intrinsics.Vector512");
        public static readonly VectorWidth VectorT = new VectorWidth("Vector", "global::System.Numerics.Vector");

        public static readonly VectorWidth[] All = { V128, V256, V512, VectorT };

        private VectorWidth(string suffix, string staticClass)
        {
            Suffix = suffix;
            StaticClass = staticClass;
        }

        /// <summary>The suffix of the kernel interface's methods: <c>Compute512</c>, <c>ComputeVector</c>.</summary>
        public string Suffix { get; }

        /// <summary>The static helper class: <c>global::System.Runtime.Intrinsics.Vector512</c>.</summary>
        public string StaticClass { get; }

        /// <summary>The vector type over <paramref name="element"/>.</summary>
        public string Type(ElementType element) => StaticClass + "<" + element.Keyword() + ">";
    }
}
