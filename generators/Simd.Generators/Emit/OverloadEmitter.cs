using System.Collections.Generic;
using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the public span overloads of a kernel: the map (or in-place update) and each requested
    /// reduction. Each validates its arguments, binds the kernel struct and calls one runtime driver.
    /// </summary>
    internal static class OverloadEmitter
    {
        private const string Args = "global::Simd.Drivers.KernelArguments";
        private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            if (kernel.ReturnsValue)
            {
                EmitMap(writer, kernel);
            }
            else
            {
                EmitUpdate(writer, kernel);
            }

            if ((kernel.Reductions & KernelModel.SumFlag) != 0)
            {
                EmitReduction(writer, kernel, "Sum", "global::Simd.Drivers.SumDriver.Run", "the sum of the kernel's values (0 for empty lanes), without storing them; summation is re-associated within the bound in docs/authoring-kernels.md");
            }

            if ((kernel.Reductions & KernelModel.MinFlag) != 0)
            {
                EmitReduction(writer, kernel, "Min", "global::Simd.Drivers.ExtremumDriver.Min", "the minimum of the kernel's values as Math.Min folds them (NaN if any value is NaN; -0 below +0), without storing them");
            }

            if ((kernel.Reductions & KernelModel.MaxFlag) != 0)
            {
                EmitReduction(writer, kernel, "Max", "global::Simd.Drivers.ExtremumDriver.Max", "the maximum of the kernel's values as Math.Max folds them (NaN if any value is NaN; +0 above -0), without storing them");
            }
        }

        private static void EmitMap(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            KernelParameter first = FirstLane(kernel);
            writer.Line($"/// <summary>Computes <see cref=\"{Documentation.Cref(kernel)}\"/> for every element, writing <c>destination[i]</c>, on the widest vector path of this machine.</summary>");
            ParameterDocs(writer, kernel);
            writer.Line("/// <param name=\"destination\">Receives one value per element: at least as long as the lanes (only that many elements are written); it may be exactly one of the lanes (in place), but not overlap one at another offset.</param>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length, <paramref name=\"destination\"/> is too short, or it overlaps a lane at another offset.</exception>");
            string signature = string.Join(", ", kernel.Parameters.Select(p => Declare(p, t)).Concat(new[] { $"global::System.Span<{t}> destination" }));
            writer.Open($"{kernel.Accessibility} static void {Name(kernel.Name)}({signature})");
            LengthChecks(writer, kernel, first);
            writer.Line($"{Args}.RequireDestination({Name(first.Name)}.Length, destination, nameof(destination));");
            foreach (KernelParameter lane in Lanes(kernel))
            {
                writer.Line($"{Args}.RequireNoPartialOverlap<{t}>({Name(lane.Name)}, nameof({Name(lane.Name)}), destination, nameof(destination));");
            }

            writer.Line($"var kernel = {Bind(kernel)};");
            writer.Line($"global::Simd.Drivers.MapDriver.Run<{t}, {KernelStructEmitter.StructName(kernel)}>(ref kernel, destination.Slice(0, {Name(first.Name)}.Length));");
            writer.Close();
            writer.Line();
        }

        private static void EmitUpdate(CodeWriter writer, KernelModel kernel)
        {
            string t = kernel.Element.Keyword();
            KernelParameter target = kernel.Parameters.First(p => p.Kind == ParameterKind.RefLane);
            writer.Line($"/// <summary>Applies <see cref=\"{Documentation.Cref(kernel)}\"/> to every element, updating <paramref name=\"{target.Name}\"/> in place, on the widest vector path of this machine.</summary>");
            ParameterDocs(writer, kernel);
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length, or a lane overlaps the updated span at another offset.</exception>");
            string signature = string.Join(", ", kernel.Parameters.Select(p => Declare(p, t)));
            writer.Open($"{kernel.Accessibility} static void {Name(kernel.Name)}({signature})");
            LengthChecks(writer, kernel, FirstLane(kernel));
            foreach (KernelParameter lane in Lanes(kernel).Where(p => p.Kind == ParameterKind.Lane))
            {
                writer.Line($"{Args}.RequireNoPartialOverlap<{t}>({Name(lane.Name)}, nameof({Name(lane.Name)}), {Name(target.Name)}, nameof({Name(target.Name)}));");
            }

            writer.Line($"var kernel = {Bind(kernel)};");
            writer.Line($"global::Simd.Drivers.MapDriver.Run<{t}, {KernelStructEmitter.StructName(kernel)}>(ref kernel, {Name(target.Name)});");
            writer.Close();
            writer.Line();
        }

        private static void EmitReduction(CodeWriter writer, KernelModel kernel, string suffix, string driver, string summary)
        {
            string t = kernel.Element.Keyword();
            KernelParameter first = FirstLane(kernel);
            string method = kernel.Name + suffix;
            writer.Line($"/// <summary>Computes {summary}. The kernel is <see cref=\"{Documentation.Cref(kernel)}\"/>.</summary>");
            ParameterDocs(writer, kernel);
            writer.Line($"/// <returns>The {suffix.ToLowerInvariant()}.</returns>");
            writer.Line(suffix == "Sum"
                ? "/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length.</exception>"
                : "/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length or are empty.</exception>");
            string signature = string.Join(", ", kernel.Parameters.Select(p => Declare(p, t)));
            writer.Open($"{kernel.Accessibility} static {t} {Name(method)}({signature})");
            LengthChecks(writer, kernel, first);
            if (suffix != "Sum")
            {
                writer.Line($"{Args}.RequireNotEmpty({Name(first.Name)}.Length, nameof({Name(first.Name)}), \"{method}\");");
            }

            writer.Line($"var kernel = {Bind(kernel)};");
            writer.Line($"return {driver}<{t}, {KernelStructEmitter.StructName(kernel)}>(ref kernel, {Name(first.Name)}.Length);");
            writer.Close();
            writer.Line();
        }

        private static void LengthChecks(CodeWriter writer, KernelModel kernel, KernelParameter first)
        {
            foreach (KernelParameter lane in Lanes(kernel).Where(p => p.Name != first.Name))
            {
                writer.Line($"{Args}.RequireSameLength<{kernel.Element.Keyword()}>({Name(first.Name)}, nameof({Name(first.Name)}), {Name(lane.Name)}, nameof({Name(lane.Name)}));");
            }
        }

        private static void ParameterDocs(CodeWriter writer, KernelModel kernel)
        {
            foreach (KernelParameter p in kernel.Parameters)
            {
                string text = p.Kind switch
                {
                    ParameterKind.Uniform => $"The value of <c>{p.Name}</c> shared by every element.",
                    ParameterKind.RefLane => $"The values of <c>{p.Name}</c>, one per element, updated in place.",
                    _ => $"The values of <c>{p.Name}</c>, one per element.",
                };
                writer.Line($"/// <param name=\"{p.Name}\">{text}</param>");
            }
        }

        private static string Bind(KernelModel kernel)
        {
            IEnumerable<string> args = kernel.Parameters.Select(p => p.Kind == ParameterKind.Uniform
                ? Name(p.Name)
                : $"in {MemoryMarshal}.GetReference({Name(p.Name)})");
            return $"new {KernelStructEmitter.StructName(kernel)}({string.Join(", ", args)})";
        }

        private static string Declare(KernelParameter p, string t) => p.Kind switch
        {
            ParameterKind.Uniform => $"{t} {Name(p.Name)}",
            ParameterKind.RefLane => $"global::System.Span<{t}> {Name(p.Name)}",
            _ => $"global::System.ReadOnlySpan<{t}> {Name(p.Name)}",
        };

        private static KernelParameter FirstLane(KernelModel kernel) => Lanes(kernel).First();

        private static IEnumerable<KernelParameter> Lanes(KernelModel kernel) => kernel.Parameters.Where(p => p.Kind != ParameterKind.Uniform);

        private static string Name(string name) => ExpressionEmitter.Identifier(name);
    }
}
