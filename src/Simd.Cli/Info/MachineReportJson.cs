using System.IO;
using System.Text.Json;
using Simd.Cli.Output;

namespace Simd.Cli.Info;

/// <summary>The <c>simd info --json</c> document; its fields are documented in docs/cli.md and stable.</summary>
internal static class MachineReportJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON object.</summary>
    public static void Write(TextWriter output, MachineReport report) => Json.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("path", report.Path);
        json.WriteString("pathDescription", report.PathDescription);
        json.WriteBoolean("forced", report.Forced);
        json.WriteBoolean("accelerated", report.Accelerated);
        json.WriteNumber("pathBits", report.PathBits);
        json.WriteNumber("vectorTBits", report.VectorTBits);
        json.WriteBoolean("fusedMultiplyAdd", report.FusedMultiplyAdd);
        Json.WriteStrings(json, "processFeatures", report.ProcessFeatures);
        if (report.CpuFeatures is null)
        {
            json.WriteNull("cpuFeatures");
        }
        else
        {
            Json.WriteStrings(json, "cpuFeatures", report.CpuFeatures);
        }

        Json.WriteStrings(json, "runtimeKnobs", report.RuntimeKnobs);
        json.WriteStartArray("kernelShapes");
        foreach (KernelShape shape in report.KernelShapes)
        {
            json.WriteStartObject();
            json.WriteString("shape", shape.Shape);
            json.WriteString("driver", shape.Driver);
            json.WriteString("path", shape.Path);
            json.WriteNumber("floatLanes", shape.FloatLanes);
            json.WriteNumber("doubleLanes", shape.DoubleLanes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("processorCount", report.ProcessorCount);
        json.WriteString("architecture", report.Architecture);
        json.WriteString("runtime", report.Runtime);
        json.WriteString("os", report.OperatingSystem);

        CudaStatus cuda = report.Cuda;
        json.WriteStartObject("cuda");
        json.WriteBoolean("available", cuda.Available);
        json.WriteString("reason", cuda.Reason);
        WriteNullable(json, "driverFound", cuda.DriverFound);
        WriteNullable(json, "nvrtcFound", cuda.NvrtcFound);
        json.WriteString("deviceName", cuda.DeviceName);
        if (cuda.TotalMemoryBytes is long bytes)
        {
            json.WriteNumber("totalMemoryBytes", bytes);
        }
        else
        {
            json.WriteNull("totalMemoryBytes");
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteNullable(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is bool b)
        {
            json.WriteBoolean(name, b);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
