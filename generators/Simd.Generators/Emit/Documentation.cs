using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>XML documentation fragments shared by the emitters.</summary>
    internal static class Documentation
    {
        /// <summary>A cref to the user's scalar method, e.g. <c>Step(ref float, float, float)</c> or <c>Relu{T}(T)</c>.</summary>
        public static string Cref(KernelModel kernel)
        {
            bool generic = kernel.TypeParameter.Length > 0;
            string type = generic ? kernel.TypeParameter : kernel.Element.Keyword();
            string name = generic ? kernel.Name + "{" + kernel.TypeParameter + "}" : kernel.Name;
            return name + "(" + string.Join(", ", kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.RefLane => "ref " + type,
                ParameterKind.OutLane => "out " + type,
                _ => type,
            })) + ")";
        }
    }
}
