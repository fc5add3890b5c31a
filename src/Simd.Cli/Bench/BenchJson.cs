using System.Collections.Generic;
using System.IO;
using Simd.Cli.Output;
using Simd.Hardware;

namespace Simd.Cli.Bench;

/// <summary>The <c>simd bench --json</c> document; its fields are documented in docs/cli.md and stable.</summary>
internal static class BenchJson
{
    /// <summary>Writes the measured <paramref name="rows"/> as one JSON object.</summary>
    public static void Write(TextWriter output, IReadOnlyList<BenchRow> rows, int repetitions, int warmupMilliseconds, bool settled, bool noisy) => Json.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("simdPath", SimdHardware.Path.ToString());
        json.WriteBoolean("optimizedBuild", BuildConfiguration.IsOptimized);
        json.WriteNumber("repetitions", repetitions);
        json.WriteNumber("warmupMilliseconds", warmupMilliseconds);
        json.WriteBoolean("compilationSettled", settled);
        json.WriteBoolean("noisy", noisy);
        json.WriteStartArray("results");
        foreach (BenchRow row in rows)
        {
            json.WriteStartObject();
            json.WriteString("operation", row.Operation);
            json.WriteString("size", row.Size);
            json.WriteNumber("scalarNanoseconds", row.ScalarNanoseconds);
            json.WriteNumber("tensorPrimitivesNanoseconds", row.TensorPrimitivesNanoseconds);
            json.WriteNumber("simdNanoseconds", row.SimdNanoseconds);
            json.WriteNumber("scalarSpread", row.Scalar.Spread);
            json.WriteNumber("tensorPrimitivesSpread", row.TensorPrimitives.Spread);
            json.WriteNumber("simdSpread", row.Simd.Spread);
            json.WriteString("simdImplementation", row.SimdImplementation);

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
