using System.Linq;
using System.Text.Json;

namespace Simd.Cli.Tests.Support;

internal static class JsonExtensions
{
    public static double[] Doubles(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static string[] Strings(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
