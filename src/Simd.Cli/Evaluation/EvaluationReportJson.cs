using System.IO;
using System.Text.Json;
using Simd.Cli.Output;
using Simd.Evaluation;

namespace Simd.Cli.Evaluation;

/// <summary>Writes <c>simd eval --json</c>: the schema documented in docs/cli.md. Numbers keep every digit (shortest round-trip, as Python prints them).</summary>
internal static class EvaluationReportJson
{
    public static void Write(TextWriter output, EvaluationReport report) => Json.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("metric", report.Metric);
        json.WriteString("predictions", report.Predictions);
        Json.WriteStrings(json, "references", report.References);
        json.WriteNumber("lines", report.Lines);
        if (report.Rouge is RougeScores rouge)
        {
            json.WriteBoolean("useStemmer", report.UseStemmer);
            WriteRouge(json, rouge);
            if (report.Confidence is RougeConfidence confidence)
            {
                json.WriteStartObject("bootstrap");
                json.WriteNumber("samples", confidence.Samples);
                json.WriteNumber("confidence", confidence.Confidence);
                json.WriteNumber("seed", confidence.Seed);
                foreach ((string name, RougeScores bound) in new[] { ("low", confidence.Low), ("mid", confidence.Mid), ("high", confidence.High) })
                {
                    json.WriteStartObject(name);
                    WriteRouge(json, bound);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("bootstrap");
            }
        }

        if (report.Bleu is BleuScore bleu)
        {
            json.WriteStartObject("bleu");
            json.WriteNumber("score", bleu.Score);
            WriteNumbers(json, "precisions", bleu.Precisions);
            json.WriteStartArray("counts");
            foreach (long count in bleu.Counts)
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
            json.WriteStartArray("totals");
            foreach (long total in bleu.Totals)
            {
                json.WriteNumberValue(total);
            }

            json.WriteEndArray();
            json.WriteNumber("bp", bleu.BrevityPenalty);
            json.WriteNumber("ratio", bleu.Ratio);
            json.WriteNumber("sysLen", bleu.SystemLength);
            json.WriteNumber("refLen", bleu.ReferenceLength);
            json.WriteString("signature", bleu.Signature);
            json.WriteString("text", bleu.Format(1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    });

    private static void WriteRouge(Utf8JsonWriter json, RougeScores scores)
    {
        foreach ((string name, RougeScore score) in scores.ToArray())
        {
            json.WriteStartObject(name);
            json.WriteNumber("precision", score.Precision);
            json.WriteNumber("recall", score.Recall);
            json.WriteNumber("fmeasure", score.FMeasure);
            json.WriteEndObject();
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
