using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>XML documentation fragments shared by the emitters.</summary>
    internal static class Documentation
    {
        /// <summary>A cref to the user's scalar method, e.g. <c>Step(ref float, float, float)</c>.</summary>
        public static string Cref(KernelModel kernel)
        {
            string keyword = kernel.Element.Keyword();
            return kernel.Name + "(" + string.Join(", ", kernel.Parameters.Select(p => p.Kind == ParameterKind.RefLane ? "ref " + keyword : keyword)) + ")";
        }
    }
}
