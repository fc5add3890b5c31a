using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Simd.Cli.Output;

namespace Simd.Cli.Training;

/// <summary>The <c>simd train --json</c> document; its fields are documented in docs/cli.md and stable.</summary>
internal static class TrainingReportJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON object.</summary>
    public static void Write(TextWriter output, TrainingReport report) => Json.Write(output, json =>
    {
        TrainingOptions options = report.Options;
        TrainingResult result = report.Result;

        // float results are written with float's shortest round-trip digits, not as widened doubles (0.1f would
        // otherwise print as 0.10000000149011612); a value beyond float's range (weights in original units can be)
        // is written as the double it is, and a value that is not finite at all as null (JSON has no ∞).
        bool single = options.Precision == Precision.Float;

        json.WriteStartObject();
        json.WriteString("model", OptionNames.Of(options.Model));
        json.WriteString("solver", OptionNames.Of(options.Solver));
        json.WriteString("precision", OptionNames.Of(options.Precision));
        json.WriteString("scale", OptionNames.Of(options.Scaling));
        json.WriteString("device", report.Device);
        json.WriteString("simdPath", report.SimdPath);
        json.WriteString("data", report.DataSource);
        json.WriteNumber("rows", report.Rows);
        Json.WriteStrings(json, "features", report.FeatureNames);
        json.WriteString("target", report.TargetName);
        json.WriteNumber("alpha", options.Alpha);
        json.WriteString("optimizer", OptimizerChoice.NameOf(options.Optimizer));
        json.WriteStartObject("optimizerSettings");
        if (options.Optimizer is null)
        {
            json.WriteNumber("learningRate", options.Alpha);
        }
        else
        {
            foreach ((string name, double value) in options.Optimizer.Settings)
            {
                if (name is "nesterov" or "amsgrad" or "centered")
                {
                    json.WriteBoolean(name, value != 0);
                }
                else
                {
                    json.WriteNumber(name, value);
                }
            }
        }

        json.WriteEndObject();
        json.WriteNumber("lambda", options.Lambda);
        json.WriteNumber("tolerance", options.Tolerance);
        json.WriteNumber("maxIterations", options.Iterations);
        if (result.Softmax is { } softmax)
        {
            // One row per feature, one column per class (as Simd.Learning's W); one bias per class.
            json.WriteNumber("classes", softmax.Classes);
            WriteRows(json, "weights", softmax.Weights, softmax.Classes, single);
            WriteArray(json, "bias", softmax.Bias, single);
            WriteRows(json, "scaledWeights", softmax.ScaledWeights, softmax.Classes, single);
            WriteArray(json, "scaledBias", softmax.ScaledBias, single);
        }
        else
        {
            WriteArray(json, "weights", result.Weights, single);
            WriteNumber(json, "bias", result.Bias, single);
            WriteArray(json, "scaledWeights", result.ScaledWeights, single);
            WriteNumber(json, "scaledBias", result.ScaledBias, single);
        }

        WriteNumber(json, "cost", report.Cost, single);
        WriteArray(json, "costHistory", result.CostHistory, single);
        json.WriteNumber("iterations", result.Iterations);
        json.WriteNumber("seconds", report.Seconds);
        if (report.Accuracy is double accuracy)
        {
            json.WriteNumber("accuracy", accuracy);
        }
        else
        {
            json.WriteNull("accuracy");
        }

        if (report.Confusion is { } confusion)
        {
            json.WriteStartArray("confusion");
            foreach (IReadOnlyList<int> row in confusion.Counts)
            {
                json.WriteStartArray();
                foreach (int count in row)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    });

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<double> values, bool single)
    {
        json.WritePropertyName(name);
        WriteValues(json, values, 0, values.Count, single);
    }

    private static void WriteValues(Utf8JsonWriter json, IReadOnlyList<double> values, int start, int count, bool single)
    {
        json.WriteStartArray();
        for (int i = start; i < start + count; i++)
        {
            double value = values[i];
            if (!double.IsFinite(value))
            {
                json.WriteNullValue();
            }
            else if (single && float.IsFinite((float)value))
            {
                json.WriteNumberValue((float)value);
            }
            else
            {
                json.WriteNumberValue(value);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>An array of arrays: <paramref name="values"/> (row-major) cut into rows of <paramref name="columns"/>.</summary>
    private static void WriteRows(Utf8JsonWriter json, string name, IReadOnlyList<double> values, int columns, bool single)
    {
        json.WriteStartArray(name);
        for (int start = 0; start < values.Count; start += columns)
        {
            WriteValues(json, values, start, columns, single);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value, bool single)
    {
        if (!double.IsFinite(value))
        {
            json.WriteNull(name);
        }
        else if (single && float.IsFinite((float)value))
        {
            json.WriteNumber(name, (float)value);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }
}
