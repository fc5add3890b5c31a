using System.Collections.Generic;
using System.Linq;
using Simd.Generators.Model;

namespace Simd.Generators.Emit
{
    /// <summary>
    /// Emits the public span overloads of a kernel: the map and each requested reduction. Their parameters follow the
    /// scalar method's, in its order (lane → <c>ReadOnlySpan&lt;T&gt;</c>, <c>ref</c> and <c>out</c> → <c>Span&lt;T&gt;</c>,
    /// <c>[Uniform]</c> → <c>T</c>), and the map adds <c>Span&lt;T&gt; destination</c> when the kernel returns a value. Each
    /// validates lengths and aliasing of everything it reads and writes, binds the kernel struct and calls one driver.
    /// </summary>
    internal static class OverloadEmitter
    {
        private const string Args = "global::Simd.Drivers.KernelArguments";
        private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

        public static void Emit(CodeWriter writer, KernelModel kernel)
        {
            EmitMap(writer, kernel);

            if ((kernel.Reductions & KernelModel.SumFlag) != 0)
            {
                EmitReduction(writer, kernel, "Sum", "global::Simd.Drivers.SumDriver.Run", "the sum of the kernel's values (0 for empty lanes), without storing them; summation is re-associated within the bound in docs/authoring-kernels.md, in an order that depends on the length alone");
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
            string what = kernel.ReturnsValue
                ? (kernel.HasSideOutputs ? "writing <c>destination[i]</c> and its 'ref' and 'out' lanes" : "writing <c>destination[i]</c>")
                : "writing its 'ref' and 'out' lanes in place";
            writer.Line($"/// <summary>Computes <see cref=\"{Documentation.Cref(kernel)}\"/> for every element, {what}, on the widest vector path of this machine.</summary>");
            ParameterDocs(writer, kernel);
            if (kernel.ReturnsValue)
            {
                writer.Line("/// <param name=\"destination\">Receives one value per element: at least as long as the lanes (only that many elements are written); it may be exactly one of the input lanes (in place), but not overlap one at another offset, nor share memory with another output.</param>");
            }

            writer.Line("/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length, the destination is too short, an output overlaps an input at another offset, or two outputs share memory (the message names both parameters).</exception>");
            var signature = kernel.Parameters.Select(Declare).ToList();
            if (kernel.ReturnsValue)
            {
                signature.Add($"global::System.Span<{t}> {KernelModel.DestinationName}");
            }

            writer.Open($"{kernel.Accessibility} static void {Name(kernel.Name)}({string.Join(", ", signature)})");
            Checks(writer, kernel, first, withDestination: kernel.ReturnsValue);
            writer.Line($"var kernel = {Bind(kernel, kernel.ReturnsValue ? $"ref {MemoryMarshal}.GetReference({KernelModel.DestinationName})" : null)};");
            writer.Line($"global::Simd.Drivers.MapDriver.Run<{t}, {KernelStructEmitter.StructName(kernel)}>(ref kernel, {Name(first.Name)}.Length);");
            writer.Close();
            writer.Line();
        }

        private static void EmitReduction(CodeWriter writer, KernelModel kernel, string suffix, string driver, string summary)
        {
            string t = kernel.Element.Keyword();
            KernelParameter first = FirstLane(kernel);
            string method = kernel.Name + suffix;
            string side = kernel.HasSideOutputs ? " Its 'ref' and 'out' lanes are written as by the map, in the same pass." : string.Empty;
            writer.Line($"/// <summary>Computes {summary}. The kernel is <see cref=\"{Documentation.Cref(kernel)}\"/>.{side}</summary>");
            ParameterDocs(writer, kernel);
            writer.Line($"/// <returns>The {suffix.ToLowerInvariant()}.</returns>");
            writer.Line(suffix == "Sum"
                ? "/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length, an output overlaps an input at another offset, or two outputs share memory.</exception>"
                : "/// <exception cref=\"global::System.ArgumentException\">The lanes differ in length or are empty, an output overlaps an input at another offset, or two outputs share memory.</exception>");
            string signature = string.Join(", ", kernel.Parameters.Select(Declare));
            writer.Open($"{kernel.Accessibility} static {t} {Name(method)}({signature})");
            Checks(writer, kernel, first, withDestination: false);
            if (suffix != "Sum")
            {
                writer.Line($"{Args}.RequireNotEmpty({Name(first.Name)}.Length, nameof({Name(first.Name)}), \"{method}\");");
            }

            // The reductions take the values without storing them: the struct's destination is never written.
            writer.Line($"var kernel = {Bind(kernel, kernel.ReturnsValue ? $"ref {Unsafe}.NullRef<{t}>()" : null)};");
            writer.Line($"return {driver}<{t}, {KernelStructEmitter.StructName(kernel)}>(ref kernel, {Name(first.Name)}.Length);");
            writer.Close();
            writer.Line();
        }

        /// <summary>
        /// Every lane as long as the first; the destination long enough; no output overlapping an input at another
        /// offset (exactly the same span is allowed: the kernel reads an element before it writes it); no two outputs
        /// sharing memory.
        /// </summary>
        private static void Checks(CodeWriter writer, KernelModel kernel, KernelParameter first, bool withDestination)
        {
            string t = kernel.Element.Keyword();
            foreach (KernelParameter lane in Lanes(kernel).Where(p => p.Name != first.Name))
            {
                writer.Line($"{Args}.RequireSameLength<{t}>({AsElement(kernel, first)}, nameof({Name(first.Name)}), {AsElement(kernel, lane)}, nameof({Name(lane.Name)}));");
            }

            var outputs = kernel.Parameters.Where(p => p.IsOutput).Select(p => (Expression: AsElement(kernel, p), Parameter: Name(p.Name))).ToList();
            if (withDestination)
            {
                writer.Line($"{Args}.RequireDestination({Name(first.Name)}.Length, {KernelModel.DestinationName}, nameof({KernelModel.DestinationName}));");
                outputs.Add(($"{KernelModel.DestinationName}.Slice(0, {Name(first.Name)}.Length)", KernelModel.DestinationName));
            }

            foreach ((string output, string outputName) in outputs)
            {
                foreach (KernelParameter input in kernel.Parameters.Where(p => p.Kind == ParameterKind.Lane))
                {
                    writer.Line($"{Args}.RequireNoPartialOverlap<{t}>({AsElement(kernel, input)}, nameof({Name(input.Name)}), {output}, nameof({outputName}));");
                }
            }

            for (int i = 0; i < outputs.Count; i++)
            {
                for (int j = i + 1; j < outputs.Count; j++)
                {
                    writer.Line($"{Args}.RequireDisjoint<{t}>({outputs[i].Expression}, nameof({outputs[i].Parameter}), {outputs[j].Expression}, nameof({outputs[j].Parameter}));");
                }
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
                    ParameterKind.OutLane => $"Receives the values of <c>{p.Name}</c>, one per element.",
                    _ => $"The values of <c>{p.Name}</c>, one per element.",
                };
                writer.Line($"/// <param name=\"{p.Name}\">{text}</param>");
            }
        }

        private static string Bind(KernelModel kernel, string? destination)
        {
            var args = kernel.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Uniform => Name(p.Name),
                ParameterKind.Lane => $"in {MemoryMarshal}.GetReference({Name(p.Name)})",
                _ => $"ref {MemoryMarshal}.GetReference({Name(p.Name)})",
            }).ToList();
            if (destination is not null)
            {
                args.Add(destination);
            }

            return $"new {KernelStructEmitter.StructName(kernel)}({string.Join(", ", args)})";
        }

        private static string Declare(KernelParameter p) => p.Kind switch
        {
            ParameterKind.Uniform => $"{p.Type.Keyword()} {Name(p.Name)}",
            ParameterKind.Lane => $"global::System.ReadOnlySpan<{p.Type.Keyword()}> {Name(p.Name)}",
            _ => $"global::System.Span<{p.Type.Keyword()}> {Name(p.Name)}",
        };

        /// <summary>
        /// A lane's span as a span of the kernel's element type, for the checks: itself, or the same memory reinterpreted
        /// when the lane has the other type of the width (as many elements, since the width is the same).
        /// </summary>
        private static string AsElement(KernelModel kernel, KernelParameter p)
            => p.Type == kernel.Element
                ? Name(p.Name)
                : $"{MemoryMarshal}.Cast<{p.Type.Keyword()}, {kernel.Element.Keyword()}>({Name(p.Name)})";

        private static KernelParameter FirstLane(KernelModel kernel) => Lanes(kernel).First();

        private static IEnumerable<KernelParameter> Lanes(KernelModel kernel) => kernel.Parameters.Where(p => p.IsLane);

        private static string Name(string name) => ExpressionEmitter.Identifier(name);
    }
}
